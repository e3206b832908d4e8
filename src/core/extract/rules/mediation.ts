import type { ConceptExclusion, IndicatorRules } from '../rule-types.ts';

/**
 * People's mediation (人民调解) and court mediation (诉前调解, 委派调解) share their wording;
 * what tells them apart is whether the sentence so far speaks of the court.
 */
const COURT = '诉前|委派|法院|诉调';
const notCourtMediation = (example: string): ConceptExclusion => ({
  where: 'sentence', words: COURT,
  why: "court pre-litigation or court-delegated mediation is court_mediation, not people's mediation",
  example,
});

export const MEDIATION_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'mediation.cases',
    units: ['件', '宗', '起'],
    notThisConcept: [
      notCourtMediation('县法院推进诉调对接,调解纠纷284件。'),
      { where: 'clause', words: '复议|仲裁|行政调解', why: "mediation inside reconsideration or arbitration, or by an agency, is not people's mediation", example: '在行政复议中调解纠纷12件。' },
    ],
    patterns: [
      { id: 'mediated-disputes', cue: '(?:调解|调处)(?:各类)?(?:矛盾)?纠纷(?:案件)?', maxGap: 4 },
      { id: 'peoples-mediation-cases', cue: '人民调解(?:案件|纠纷)(?:数|量)?', maxGap: 6 },
    ],
  },
  {
    indicator: 'mediation.succeeded',
    units: ['件', '宗', '起'],
    topic: '调解|调处',
    notThisConcept: [notCourtMediation('县法院推进诉调对接,调解成功284件。')],
    patterns: [{ id: 'mediated-successfully', cue: '调解成功(?!率)|成功调处(?!率)|调处成功(?!率)|成功调解(?!率)', maxGap: 2 }],
  },
  {
    indicator: 'mediation.success_rate',
    units: ['%'],
    topic: '调解|调处',
    notThisConcept: [notCourtMediation('县法院推进诉调对接,调解成功率43.6%。')],
    patterns: [{ id: 'success-rate', cue: '调解成功率|调处成功率|成功调处率|成功率', maxGap: 4 }],
  },
  {
    indicator: 'court_mediation.cases',
    units: ['件', '宗', '起'],
    patterns: [{ id: 'court-mediation-cases', cue: '诉前调解(?:案件)?|委派[^，,。；;]{0,8}?调解(?:案件)?', maxGap: 4 }],
  },
  {
    indicator: 'court_mediation.succeeded',
    units: ['件', '宗', '起'],
    topic: COURT,
    patterns: [{ id: 'court-mediated-successfully', cue: '调解成功(?!率)|成功调解(?!率)', maxGap: 2 }],
  },
  {
    indicator: 'court_mediation.success_rate',
    units: ['%'],
    topic: COURT,
    patterns: [{ id: 'court-success-rate', cue: '调解成功率|成功率', maxGap: 4 }],
  },
];
