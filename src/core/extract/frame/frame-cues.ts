import type { Dimension, Measure, Subject, Time } from './frame.ts';

/**
 * The shared cues that decide a figure's frame, as a table a researcher can read and extend.
 * Each cue names the words that mark a frame value, where they are looked for relative to the
 * figure, why, and an example sentence (tests/core/extract/frame-cues.test.ts runs every example
 * and checks that this cue, and no other, decides it). The first cue of a dimension that matches
 * wins. Judgements that need more than words (the section a sentence sits in, a total given
 * earlier, the region's own level) live in judgements.ts and are listed the same way.
 *
 * Windows: `lead` — the words between the concept's cue and the number (or, when the number
 * comes first, its clause so far); `around` — lead + ⟨the figure as printed⟩ + the words after it;
 * `after` — the few characters after the figure; `phrase` — back to the last comma (a list joined
 * by 、 stays one phrase); `clause` / `sentence` / `paragraph` — that much text before the figure.
 */
export type Window = 'lead' | 'around' | 'after' | 'phrase' | 'clause' | 'sentence' | 'paragraph';

export interface FrameCue {
  id: string;
  dimension: Dimension;
  value: Subject | Time | Measure;
  where: Window;
  pattern: RegExp;
  /** Only for these indicators (matched against the indicator id). Default: every indicator. */
  only?: RegExp;
  /** Never for these indicators: for them the words are the concept itself. */
  except?: RegExp;
  why: { zh: string; en: string };
  /** A sentence on which this cue decides the frame. */
  example: string;
}

/** What a number's nearest words say it measures. */
export const MEASURE_CUES: readonly FrameCue[] = [
  { id: 'change-verb', dimension: 'measure', value: 'change', where: 'lead',
    pattern: /(?:同比|环比|(?:较|比)(?:上年|去年|上月|上周|上期|上年同期|\d{4}年)?)?(?:增长|增加|上升|提高|提升|下降|减少|降低|下滑|回落|(?<!新)增|减)了?$/,
    why: { zh: '变化量,不是水平值', en: 'a change, not the level' }, example: '全县行政复议纠错率同比下降12%。' },
  { id: 'change-rate-word', dimension: 'measure', value: 'change', where: 'lead', pattern: /(?:增幅|降幅|涨幅|增速|增长率|下降率)(?:为|达|达到|是)?$/,
    why: { zh: '增减幅度,不是水平值', en: 'a rate of change, not the level' }, example: '12345热线受理群众诉求的增幅为8.5%。' },
  { id: 'percentage-points', dimension: 'measure', value: 'change', where: 'around', pattern: /⟩个?百分点|个?百分点⟩/,
    why: { zh: '百分点变化,不是水平值', en: 'a change in percentage points, not the level' }, example: '12345热线满意率为98.5%,较上年高出1.2个百分点。' },
  { id: 'share-of', dimension: 'measure', value: 'share', where: 'lead', pattern: /占(?:[^，,。；;]{0,12})?$|占比(?:为|达|达到|是)?$|(?:比例|比重)(?:为|达|达到|是)?$/,
    why: { zh: '占比,不是该指标本身', en: 'a share of something, not the indicator itself' }, example: '行政复议纠错案件占办结案件的比例为15.6%。' },
  { id: 'threshold-after', dimension: 'measure', value: 'threshold', where: 'around', pattern: /(?:以上|以下|以内)⟩[^的，,。]{0,3}的|⟩[^的，,。]{0,3}(?:以上|以下|以内)的/,
    why: { zh: '门槛值(N以上的…),不是数字本身', en: 'a threshold (N or more …), not a figure' }, example: '对调解矛盾纠纷10件以上的村居给予表彰。' },
  { id: 'threshold-comparison', dimension: 'measure', value: 'threshold', where: 'around', pattern: /(?:低于|高于|不足|超过|未达到?|达不到|不到)⟨[^⟩]*⟩的|⟨(?:不足|超过|不到)[^⟩]*⟩的/,
    why: { zh: '比较的门槛(低于N的…),不是数字本身', en: 'a threshold in a comparison (below N …), not a figure' }, example: '对12345热线满意率低于80%的单位进行通报。' },
  { id: 'threshold-standard', dimension: 'measure', value: 'threshold', where: 'lead', pattern: /(?:标准|门槛|及格线|考核线|红线|基准线?)(?:为|是|设定为|定为)?$/,
    why: { zh: '考核标准,不是实绩', en: 'a standard to meet, not a figure' }, example: '12345热线办结率考核标准为95%。' },
  { id: 'rank', dimension: 'measure', value: 'rank', where: 'lead', pattern: /第$|(?:排名|排|位列|位居|名列|居)(?:全[省市区县国])?(?:第)?$/,
    why: { zh: '排名,不是数字', en: 'a rank, not a figure' }, example: '12345热线满意率位居全市第3。' },
];

/** Whose figure it is. */
export const SUBJECT_CUES: readonly FrameCue[] = [
  { id: 'court', dimension: 'subject', value: 'other-body', where: 'clause', pattern: /法院|法庭|该院|本院|检察院|检察机关/,
    except: /^court_mediation\.|^admin_litigation\.head_appearance_rate$/,
    why: { zh: '法院或检察院自己的数字,不是政府的', en: "a court's or procuratorate's own figure, not the government's" }, example: '县人民法院全年审结行政诉讼案件45件。' },
  { id: 'other-hotline', dimension: 'subject', value: 'other-body', where: 'sentence',
    pattern: /(?<!\d)123(?!45)\d{2}(?![\d件次个万条%])|(?<![\d.])\d{7,8}(?![\d件次个万条人%.])|网格化|网格平台|网格员|省长热线|省热线/, only: /^hotline\./,
    why: { zh: '另一条热线或平台,不是12345', en: 'another hotline or platform, not 12345' }, example: '12355青少年服务热线受理诉求1200件。' },
  { id: 'other-channel', dimension: 'subject', value: 'other-body', where: 'sentence', pattern: /^(?:[^,，]*[,，])?[^,，]{0,8}(?:信箱|来信)|^政民互动/, only: /^hotline\./,
    why: { zh: '另一渠道(信箱、来信)的数字', en: "another channel's figure (mailbox, letters)" }, example: '市长信箱共受理来信320件,办结率98.5%。' },
  { id: 'several-units', dimension: 'subject', value: 'other-body', where: 'clause', pattern: /\d+个(?:单位|部门|乡镇|街道|村|社区|县区)|(?:单位|部门)的?(?:满意率|办结率|回复率)/,
    why: { zh: '若干单位各自的数字,不是全地区的', en: "some units' own figures, not the place's" }, example: '全县有12个单位12345热线满意率均为100%。' },
  { id: 'respondent-elsewhere', dimension: 'subject', value: 'other-body', where: 'paragraph', pattern: /以[县市区](?:人民)?政府为被申请人/, only: /^admin_review\./,
    why: { zh: '本级政府作为被申请人,由上级机关复议的案件', en: 'cases where the government is only the respondent, reviewed by another body' }, example: '以县政府为被申请人的行政复议案件12件。' },
  { id: 'higher-level-words', dimension: 'subject', value: 'other-level', where: 'clause', pattern: /全国|国家级|中央/,
    why: { zh: '全国或中央层级的数字', en: 'a national figure, not the place’s' }, example: '办理全国人大代表建议9件。' },
  { id: 'such-cases', dimension: 'subject', value: 'part', where: 'clause', pattern: /此类|该类|这类/,
    why: { zh: '某一类的数字,是总数的一部分', en: 'one kind of case: a part of the total' }, example: '此类行政复议案件12件。' },
  { id: 'involving', dimension: 'subject', value: 'part', where: 'clause', pattern: /涉及[^，,。；;]{1,12}的|以(?!各)[^，,。、]{1,8}为被申请人/,
    why: { zh: '涉及某事项的部分,不是总数', en: 'the cases about one matter: a part of the total' }, example: '受理涉及征收的行政复议案件9件。' },
  { id: 'by-way-of', dimension: 'subject', value: 'part', where: 'phrase', pattern: /(?:以|通过)[^，,。；;]{1,8}?(?:方式|形式|结案|办结|审结)/,
    why: { zh: '以某种方式办结的部分', en: 'the part closed in one way' }, example: '以调解方式结案行政复议案件12件。' },
  { id: 'outcome-breakdown', dimension: 'subject', value: 'part', where: 'lead', pattern: /维持|驳回|撤销|变更|确认违法|责令履行|终止|不予受理/,
    except: /^admin_review\.corrected$/,
    why: { zh: '某一处理结果的部分', en: 'the part with one outcome' }, example: '行政复议案件维持23件。' },
  { id: 'by-recipient', dimension: 'subject', value: 'part', where: 'clause', pattern: /市直|县直|区直|直属|成员单位|(?:派发|派单|转办|转派|转帖|交办|分派)(?:至|到|给)?/,
    why: { zh: '分派给部分单位的数字', en: 'the part sent to some units' }, example: '12345热线受理诉求后转办市直部门3200件。' },
  { id: 'by-status', dimension: 'subject', value: 'part', where: 'clause', pattern: /超期|超时|逾期|未办结|正在办理|在办|未办理|直办|在线办结|即时办结/,
    why: { zh: '某一状态的部分(超期、在办…)', en: 'the part in one state (overdue, in progress …)' }, example: '12345热线超期办理工单12件。' },
  { id: 'by-channel', dimension: 'subject', value: 'part', where: 'clause',
    pattern: /(?<!热线|服务)(?:电话|微信|网站|短信|APP|小程序|来信|来函|信箱|留言|语音|多媒体|粤省事|粤省心)(?![、等]|[^，,。]{0,6}等)/, only: /^hotline\.tickets$|^legal_consultation\./,
    why: { zh: '某一渠道的部分', en: 'the part from one channel' }, example: '12345热线通过微信受理诉求560件。' },
  { id: 'by-visit-or-call', dimension: 'subject', value: 'part', where: 'clause', pattern: /(?:来电|来访)(?![、等]|[^，,。]{0,6}等)/, only: /^legal_consultation\./,
    why: { zh: '来电或来访一种方式的部分', en: 'the part by phone or by visit alone' }, example: '解答群众来电法律咨询320人次。' },
];

/** Which time the figure refers to, from the words near it. Section and document time: judgements.ts. */
export const TIME_CUES: readonly FrameCue[] = [
  { id: 'promise', dimension: 'time', value: 'target', where: 'clause',
    pattern: /确保|力争|争取|目标|要求(?:达到|实现)?|计划|预计|力求|不低于|努力|将达到|达到.{0,6}以上的?要求/,
    why: { zh: '承诺或目标,不是实绩', en: 'a promise or target, not a figure' }, example: '确保行政机关负责人出庭应诉率达到100%。' },
  { id: 'plan', dimension: 'time', value: 'target', where: 'sentence', pattern: /下一步|明年|今后|将继续|(?<![模草])拟(?![定稿任])/,
    why: { zh: '以后的计划,不是实绩', en: 'a plan for later, not a figure' }, example: '下一步,全县将调解矛盾纠纷1000件。' },
  { id: 'several-years', dimension: 'time', value: 'multi-year', where: 'sentence',
    pattern: /历年|近[两二三四五六七八九十\d]+年|多年来|(?:成立|开通|运行|上线|设立|建立|实施|组建)以来|五年来|过去五年|“?十[三四五]五”?(?:期间|时期|以来)|\d{4}年?[至到—\-~]\d{4}年/,
    why: { zh: '多年合计,不是一年的数字', en: 'a total over several years, not one year' }, example: '12345热线开通以来累计受理诉求52万件。' },
  { id: 'one-day', dimension: 'time', value: 'unclear', where: 'sentence', pattern: /(?<!(?:截至|截止|至|到)(?:\d{4}年)?)(?<!\d)\d{1,2}月\d{1,2}日(?![至到\-—~]|起)/,
    why: { zh: '某一天的活动,不是全年或某时段的数字', en: "one day's event, not the year's or a period's figure" }, example: '3月15日,开展普法宣传活动12场。' },
];

export const FRAME_CUES: readonly FrameCue[] = [...MEASURE_CUES, ...SUBJECT_CUES, ...TIME_CUES];
