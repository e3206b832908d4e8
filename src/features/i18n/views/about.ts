/**
 * The About-the-data page's words (keys prefixed `about`). Loaded with the About view only, not merged
 * into the entry catalog (messages.ts), so the first chart's bundle does not carry them.
 * Chinese words cited from the reports (余, 近, 约, 转载) are given apart (`term`) so the page can
 * mark them lang="zh-CN" inside English sentences.
 */
import type { PickReason } from '../../../db/queries/pick-rule.ts';
import type { SourceKind } from '../../../core/types.ts';

/** A sentence around a Chinese term: `before` + term + `after`. */
export interface TermLine { before: string; terms: string[]; after: string }

const zh = {
  aboutTitle: '关于数据',
  aboutIntro: '图中每个数字都来自一份公开报告里的一句话。本页说明这些数字如何抽取、同一地区年份有多个数字时图中取哪一个,以及各种标记的含义。',
  aboutExtractTitle: '数字如何抽取',
  aboutExtract: [
    '报告原文按发布时的文字保存(附发布机关、日期和网址)。抽取程序按指标逐条应用规则:每条规则写明一个指标的用词(如“收到行政复议申请”“调解成功”)和单位。',
    '每个候选数字先判定它的“框架”:说的是谁(本级政府,还是某部门、总数中的一部分)、什么时间(全年、某月、多年合计、目标)、什么量(数量、变化量、占比、排名)。框架不符的数字不采用,连同理由记入 rejects 表,可以查看。',
    '每个采用的数字都带着它所在的报告、原文句子,以及数字在报告正文中的字符位置(起止偏移),所以每个数字都能在原文中找到并高亮显示。',
    '推算值由原文中的数字算出(如 纠错数 ÷ 办结数 × 100,或由“同比增长 52%”倒推上一年),并写明算式;原文没有的数字不会被补上或平滑。',
  ],
  aboutPickTitle: '同一地区、年份有多个数字时',
  aboutPickIntro: '同一地区、同一年份、同一指标常有多个数字(不同报告,或一份报告提到多次)。图中采用的是按下列顺序比较后排在最前的那个;第一条能区分二者的规则决定结果。其余数字都保留,作为备选列在出处面板和数据表中。',
  aboutPick: {
    'has-number': '有数字的优先于只有定性表述的。',
    shipped: '公开数据优先于我的数据(我的数据从不覆盖公开数据)。',
    'longer-period': '覆盖时段长的优先:全年,然后起止区间、季度、月。',
    printed: '原文数字优先于推算值。',
    exact: '精确值优先于约数。',
    government: '政府本级的报告优先于部门报告。',
    'tie-break': '仍不能区分时,按报告编号和数字在报告中的位置,使选择稳定。',
  } satisfies Record<PickReason, string>,
  aboutMarksTitle: '标记的含义',
  aboutMarks: {
    atLeast: { before: '不少于:原文写作', terms: ['余', '多', '以上'], after: '(如“1200余件”),实际数字可能更大。' },
    atMost: { before: '不超过:原文写作', terms: ['近', '不足'], after: ',实际数字可能更小。' },
    about: { before: '约数:原文写作', terms: ['约', '左右'], after: '。' },
    copy: { before: '转载:报告取自非政府网站的转载件(', terms: ['转载'], after: '),出处面板注明转载网站。' },
  } satisfies Record<string, TermLine>,
  aboutMarkList: [
    '推算值:由原文数字计算得到,出处面板列出算式和所用的每个原文数字;图中以三角形表示。',
    '部分年度:月报、季报或“今年以来”的数字,不能与全年数字直接比较,不计为一个年份;图中以空心符号表示,默认不显示。',
    '节选:数据集只有报告的一部分,原文未收录的数字显示为“原文未收录”,不等于“没有”。',
    '我的数据:研究者自己导入的数字,以紫色虚线标出,从不替换公开数据。',
    '质量标记:程序发现的问题,例如原文比率与其计数不一致;数字照原文保留并标出。',
  ],
  aboutSourcesTitle: '来源类型',
  aboutSourcesIntro: '每份报告注明它是哪一类文本;导出的图表和 CSV 也列出来源类型。',
  aboutSources: {
    'annual-report': '县(区、市)政府发布的法治政府建设年度报告。',
    'hotline-bulletin': '12345 热线的月度、季度或年度通报。',
    'statistics-bulletin': '统计公报、通报或公示。',
    news: '新闻报道中引用的数字。',
    'work-report': '部门向人大所作的工作报告,或政府工作报告的进度表。',
    other: '研究者导入的文件,类型由研究者说明。',
  } satisfies Record<SourceKind, string>,
  aboutUnitsTitle: '单位',
  aboutUnitsIntro: '中文页面按报告原文显示单位;英文页面把单位译为英文。',
  aboutBack: '返回',
};

export type AboutMessages = typeof zh;

const en: AboutMessages = {
  aboutTitle: 'About the data',
  aboutIntro: 'Every number in the charts comes from a sentence of a published report. This page says how the numbers are extracted, which one a chart uses when a place has several for a year, and what each mark means.',
  aboutExtractTitle: 'How figures are extracted',
  aboutExtract: [
    'Reports are kept as published (with publisher, date and address). The extractor applies rules indicator by indicator: each rule names the words of one indicator (such as "applications for administrative reconsideration received" or "mediated successfully") and its unit.',
    'Each candidate number first gets a frame: whose figure it is (the government’s own, a department’s, a part of a total), what time it covers (the whole year, a month, several years, a target) and what it measures (a count, a change, a share, a rank). A number whose frame does not fit is not used; it goes to the rejects table with the reason, where it can be read.',
    'Every figure used carries its report, the sentence it was read from and the character offsets of the number in the report’s text, so it can always be found and highlighted in the original.',
    'Derived figures are computed from printed ones (corrected ÷ concluded × 100, or last year’s count from a printed "up 52%") and state their formula; a number the text does not give is never filled in or smoothed.',
  ],
  aboutPickTitle: 'When a place has several figures for a year',
  aboutPickIntro: 'A place often has several figures for the same year and indicator (several reports, or one report mentioning it twice). The chart uses the one that comes first when they are compared in this order; the first rule that separates two figures decides. The others stay, listed as alternatives in the source panel and the Data table.',
  aboutPick: {
    'has-number': 'A number before a qualitative statement.',
    shipped: 'Published data before your own (your data never replaces it).',
    'longer-period': 'The figure covering more of the year: the whole year, then a from–to interval, a quarter, a month.',
    printed: 'A printed figure before a derived one.',
    exact: 'An exact figure before an approximate one.',
    government: 'The government’s own report before a department’s.',
    'tie-break': 'If nothing else separates them: report id and position in the report, so the choice is stable.',
  },
  aboutMarksTitle: 'What the marks mean',
  aboutMarks: {
    atLeast: { before: 'At least: the report writes', terms: ['余', '多', '以上'], after: '("over 1,200 cases"); the true number may be larger.' },
    atMost: { before: 'At most: the report writes', terms: ['近', '不足'], after: '("nearly", "under"); the true number may be smaller.' },
    about: { before: 'About: the report writes', terms: ['约', '左右'], after: '("about", "or so").' },
    copy: { before: 'Copy', terms: ['转载'], after: ': the report was taken from a copy on a non-government site; the source panel names the site.' },
  },
  aboutMarkList: [
    'Derived: computed from printed figures; the source panel gives the formula and every printed figure used. Drawn as a triangle.',
    'Part of the year: a monthly or quarterly bulletin or a "so far this year" figure. Not comparable with a whole year and never counted as a year; drawn hollow and hidden by default.',
    'Excerpt: the dataset holds only part of the report; a figure not in that part is "not in the text we have", which is not the same as "none".',
    'My data: figures a researcher imported, outlined in dashed purple; they never replace published data.',
    'Quality flag: a problem the extractor found, such as a printed rate that disagrees with its counts; the figure is kept as printed and flagged.',
  ],
  aboutSourcesTitle: 'Kinds of source',
  aboutSourcesIntro: 'Each report states what kind of text it is; exported charts and CSV files name the kinds too.',
  aboutSources: {
    'annual-report': 'A county or district government’s annual report on building rule-of-law government.',
    'hotline-bulletin': 'A monthly, quarterly or annual bulletin of the 12345 hotline.',
    'statistics-bulletin': 'A statistics bulletin, notice or public listing.',
    news: 'A figure quoted in a news article.',
    'work-report': 'A department’s work report to the people’s congress, or a government work report’s progress table.',
    other: 'A file a researcher imported, of a kind the researcher states.',
  },
  aboutUnitsTitle: 'Units',
  aboutUnitsIntro: 'Chinese pages show units as the reports print them; English pages translate them.',
  aboutBack: 'Back',
};

export const ABOUT_MESSAGES = { zh, en };
