import type { IndicatorRules } from '../rule-types.ts';

/**
 * The 12345 hotline. Bulletins name the hotline in their title and not in every sentence, so
 * the topic may come from the title lines. Another hotline (a phone number of its own) is not 12345.
 */
const HOTLINE = '12345|热线|政民互动|市长信箱';
const OTHER_HOTLINE = '(?<!\\d)(?!12345)\\d{7,8}(?!\\d)|12348|12315|12388';
/** A sentence whose subject is another channel (市长信箱共受理…, 全区共受理市民来信27件…): its rates are that channel's. */
const OTHER_CHANNEL = '^(?:[^,，]*[,，])?[^,，]{0,8}(?:信箱|来信)';

export const HOTLINE_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'hotline.tickets',
    units: ['件', '宗'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    // Parts of the total: by channel (电话, 微信 …), by recipient (各县区, 市直部门), by status (超时, 正在办理).
    sentenceExcludes: `${OTHER_HOTLINE}|其中|具体承办|^政民互动`,
    excludes: '成员单位|派发|派单|转办|转派|转帖|交办|信箱|在线办结|直办|超期|超时|未办理|正在|签收|督办|回访|法律援助|省长|省派|各县区|县区|市直|经济区|电话|来函|微信|网站|粤省|语音|多媒体|来信|短信',
    patterns: [
      { id: 'handled-requests', cue: '受理|承办|办理|接收|形成|承接办理|承接|接听', maxGap: 14, gapExcludes: '办结|回访|派发|转办|交办|超期|签收|督办|总数|来信|满意|法律|非话务|渠道|正在' },
      { id: 'from-year-to-year', cue: '(?:从|由|到|至)\\d{4}年的?', maxGap: 0 },
      { id: 'n-requests', cue: '(?:市民|群众)?(?:热线)?诉求', order: 'number-cue', maxGap: 2 },
    ],
  },
  {
    indicator: 'hotline.satisfaction_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    sentenceExcludes: `${OTHER_HOTLINE}|${OTHER_CHANNEL}`,
    patterns: [{ id: 'satisfaction', cue: '满意率|满意度', maxGap: 8 }],
  },
  {
    indicator: 'hotline.response_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    sentenceExcludes: `${OTHER_HOTLINE}|${OTHER_CHANNEL}`,
    patterns: [{ id: 'response-rate', cue: '回复率|响应率', maxGap: 6 }],
  },
  {
    indicator: 'hotline.resolution_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    sentenceExcludes: `${OTHER_HOTLINE}|${OTHER_CHANNEL}`,
    // 按时/按期办结率 (on time) and 直接办结率 (closed at the call) are other measures: see hotline.ontime_rate.
    patterns: [{ id: 'completion-rate', cue: '(?<!按时|按期|直接)(?:综合)?办结率|(?<!按时|按期)结案率', maxGap: 6 }],
  },
  {
    indicator: 'hotline.ontime_rate',
    units: ['%'],
    topic: HOTLINE,
    topicScope: 'title-or-paragraph',
    sentenceExcludes: `${OTHER_HOTLINE}|${OTHER_CHANNEL}`,
    patterns: [{ id: 'on-time-completion-rate', cue: '按时办结率|按期办结率|按时结案率', maxGap: 6 }],
  },
];
