import type { IndicatorRules } from '../rule-types.ts';

/** 行政复议: received, concluded, corrected, correction rate. Whose cases and which part: frame/. */
const REVIEW = '复议';

export const ADMIN_REVIEW_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'admin_review.received',
    units: ['件', '宗', '起'],
    topic: REVIEW,
    topicScope: 'title-or-paragraph',
    regionWide: true,
    notThisConcept: [
      { where: 'clause', words: '不予受理', why: 'applications not accepted are another count than cases received', example: '对不符合条件的不予受理行政复议申请3件。' },
    ],
    patterns: [
      { id: 'verb-review-cases', cue: '(?:收到|受理|审理|办理|新收|接收|收案)(?:各类)?(?:行政)?复议(?:申请|案件)?', maxGap: 4 },
      { id: 'review-cases', cue: '(?<!审结的?|办结的?|纠错的?)行政复议(?:申请|案件)|(?<!审结的?|办结的?|纠错的?|行政)复议(?:申请|案件)', maxGap: 2 },
      { id: 'accepted-in-review-sentence', cue: '(?:依法)?(?:受理|收到|收案)', maxGap: 0 },
    ],
  },
  {
    indicator: 'admin_review.closed',
    units: ['件', '宗', '起'],
    topic: REVIEW,
    topicScope: 'title-or-paragraph',
    regionWide: true,
    patterns: [
      { id: 'concluded', cue: '办结|审结|结案|作出复议决定', maxGap: 6 },
      { id: 'all-concluded', cue: '(?:已|均已)?全部(?:审结|办结)|均已(?:审结|办结)', order: 'number-cue', maxGap: 4, crossClause: true, shared: true },
    ],
  },
  {
    indicator: 'admin_review.corrected',
    units: ['件', '宗', '起'],
    topic: REVIEW,
    topicScope: 'title-or-paragraph',
    regionWide: true,
    patterns: [{ id: 'corrected', cue: '纠错(?!率)', maxGap: 4 }],
  },
  {
    indicator: 'admin_review.correction_rate',
    units: ['%'],
    topic: REVIEW,
    topicScope: 'title-or-paragraph',
    regionWide: true,
    patterns: [{ id: 'correction-rate', cue: '纠错率', maxGap: 4 }],
  },
];
