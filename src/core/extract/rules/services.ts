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
    patterns: [{ id: 'visit-persons', cue: '(?:来访|接访)(?:群众)?\\d+批次?', maxGap: 0 }],
  },
  {
    indicator: 'legal_aid.cases',
    units: ['件', '宗'],
    excludes: '公证|认罪认罚|法律帮助',
    sentenceExcludes: '归档|案卷|评查|评估',
    patterns: [
      { id: 'legal-aid-cases', cue: '(?<!民事|刑事|行政|诉讼|特殊群体|群体)法律援助案件?', maxGap: 4, gapExcludes: '补贴|经费|评查|质量|案卷' },
      { id: 'legal-aid-part', cue: '(?:民事|刑事|行政|非诉讼?)(?:法律援助)?案件', maxGap: 2, role: 'part', requires: '法律援助' },
    ],
  },
  {
    indicator: 'legal_consultation.count',
    units: ['人次', '次', '件', '人'],
    // A channel's share (来电 N次 beside 来访 M批次) is not the total, unless the text lumps channels (来访、来电等).
    excludes: '(?:来电|来访)(?!等)',
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
