import type { IndicatorRules } from '../rule-types.ts';

/** Petitions, legal aid and consultations, legal education. */
export const SERVICE_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'petition.visit_batches',
    units: ['批次', '批'],
    patterns: [{ id: 'visit-batches', cue: '(?:来访|接访)(?:群众)?', maxGap: 2 }],
  },
  {
    indicator: 'petition.visit_persons',
    units: ['人次'],
    patterns: [{ id: 'visit-persons', cue: '(?:来访|接访)(?:群众)?\\d+[余多]?批次?[、，,]?', maxGap: 0 }],
  },
  {
    indicator: 'legal_aid.cases',
    units: ['件', '宗'],
    notThisConcept: [
      { where: 'clause', words: '公证|认罪认罚|法律帮助', why: 'notarisation and duty-lawyer help (认罪认罚, 法律帮助) are other services than legal aid', example: '为认罪认罚案件提供法律援助案件120件。' },
      { where: 'sentence', words: '归档|案卷|评查|评估', why: 'a quality review of case files counts files, not cases handled', example: '开展法律援助案卷评查,评查法律援助案件200件。' },
      { where: 'lead', words: '补贴|经费|质量', why: 'money or quality of legal-aid cases, not their number', example: '发放法律援助案件补贴经费36件。' },
    ],
    patterns: [
      { id: 'legal-aid-cases', cue: '(?<!民事|刑事|行政|诉讼|特殊群体|群体)法律援助案件?', maxGap: 4 },
      { id: 'legal-aid-part', cue: '(?:民事|刑事|行政|非诉讼?)(?:法律援助)?案件', maxGap: 2, role: 'part', requires: '法律援助' },
    ],
  },
  {
    indicator: 'legal_consultation.count',
    units: ['人次', '次', '件', '人'],
    // A channel's share (来电 N次 beside 来访 M批次): frame/ (subject, by-channel).
    patterns: [
      { id: 'legal-consultations', cue: '(?<![和及与、])法律咨询(?:案件)?|(?<![和及与律])咨询(?!类)', maxGap: 4, requires: '法律' },
    ],
  },
  {
    indicator: 'legal_education.events',
    units: ['场次', '场', '次', '期'],
    patterns: [{ id: 'law-popularisation-events', cue: '普法(?:宣传)?(?:活动)?|法治思想宣讲|普法宣讲', maxGap: 4 }],
  },
  {
    indicator: 'legal_literates.count',
    units: ['人', '名'],
    patterns: [{ id: 'law-literates', cue: '法律明白人[”"」]?', maxGap: 2 }],
  },
];
