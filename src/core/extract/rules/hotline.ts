import type { IndicatorRules } from '../rule-types.ts';

/**
 * The 12345 hotline. Bulletins name the hotline in their title and not in every sentence, so
 * the topic may come from the title lines. Other hotlines, channels and parts: frame/.
 */
const HOTLINE = '12345|热线|政民互动|市长信箱';

export const HOTLINE_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'hotline.tickets',
    units: ['件', '宗'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    notThisConcept: [
      { where: 'lead', words: '办结|回访|签收|督办|满意|总数|非话务', why: 'the number counts another step (closed, called back, signed for, supervised, rated), not the requests received', example: '12345热线受理的诉求中已办结工单980件。' },
    ],
    patterns: [
      { id: 'handled-requests', cue: '受理|承办|办理|接收|形成|承接办理|承接|接听', maxGap: 14 },
      { id: 'from-year-to-year', cue: '(?:从|由|到|至)\\d{4}年的?', maxGap: 0 },
      { id: 'n-requests', cue: '(?:市民|群众)?(?:热线)?诉求', order: 'number-cue', maxGap: 2 },
    ],
  },
  {
    indicator: 'hotline.satisfaction_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    patterns: [{ id: 'satisfaction', cue: '满意率|满意度', maxGap: 8 }],
  },
  {
    indicator: 'hotline.response_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    patterns: [{ id: 'response-rate', cue: '回复率|响应率', maxGap: 6 }],
  },
  {
    indicator: 'hotline.resolution_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    // 按时/按期办结率 (on time) and 直接办结率 (closed at the call) are other measures: see hotline.ontime_rate.
    patterns: [{ id: 'completion-rate', cue: '(?<!按时|按期|直接)(?:综合)?办结率|(?<!按时|按期)结案率', maxGap: 6 }],
  },
  {
    indicator: 'hotline.ontime_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    patterns: [{ id: 'on-time-completion-rate', cue: '按时办结率|按期办结率|按时结案率', maxGap: 6 }],
  },
];
