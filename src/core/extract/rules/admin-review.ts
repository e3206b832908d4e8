import type { IndicatorRules } from '../rule-types.ts';

/** 行政复议: received, concluded, corrected, correction rate. */
const REVIEW = '复议';
/** Cases where the region's government is only the respondent belong to another body's review. */
const OTHER_REVIEWER = '以[县市区](?:人民)?政府为被申请人|市本级';
/** 以市场监管局为被申请人的复议案件35件: a breakdown by respondent, not the total (以各乡镇… is the total). */
const BY_RESPONDENT = '以(?!各)[^，,。、]{1,8}为被申请人';

export const ADMIN_REVIEW_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'admin_review.received',
    units: ['件', '宗', '起'],
    topic: REVIEW,
    topicScope: 'title-or-paragraph',
    paragraphExcludes: OTHER_REVIEWER,
    excludes: `不予受理|${OTHER_REVIEWER}|${BY_RESPONDENT}`,
    regionWide: true,
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
    paragraphExcludes: OTHER_REVIEWER,
    excludes: `${OTHER_REVIEWER}|调解|和解`,
    regionWide: true,
    patterns: [
      { id: 'concluded', cue: '办结|审结|结案|作出复议决定', maxGap: 6, gapExcludes: '纠错|维持|驳回' },
      { id: 'all-concluded', cue: '(?:已|均已)?全部(?:审结|办结)|均已(?:审结|办结)', order: 'number-cue', maxGap: 4, crossClause: true, shared: true },
    ],
  },
  {
    indicator: 'admin_review.corrected',
    units: ['件', '宗', '起'],
    topic: REVIEW,
    topicScope: 'title-or-paragraph',
    paragraphExcludes: OTHER_REVIEWER,
    excludes: OTHER_REVIEWER,
    regionWide: true,
    patterns: [{ id: 'corrected', cue: '纠错(?!率)', maxGap: 4 }],
  },
  {
    indicator: 'admin_review.correction_rate',
    units: ['%'],
    topic: REVIEW,
    topicScope: 'title-or-paragraph',
    paragraphExcludes: OTHER_REVIEWER,
    excludes: OTHER_REVIEWER,
    regionWide: true,
    patterns: [{ id: 'correction-rate', cue: '纠错率', maxGap: 4 }],
  },
];
