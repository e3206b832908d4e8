import type { Dimension, Measure, Subject, Time } from './frame.ts';

/**
 * Frame judgements that need more than a word list: the section a figure sits in, a total given
 * earlier, the region's own level. They are applied by decide-frame.ts in the order listed; this
 * table names them, says why, and gives an example a test runs (tests/core/extract/frame-cues.test.ts).
 */
export interface Judgement {
  id: string;
  dimension: Dimension;
  value: Subject | Time | Measure;
  why: { zh: string; en: string };
  example: string;
  /** Front matter for the example, when it matters (a department's report, a work report). */
  exampleMeta?: { publisher?: string; publisher_kind?: 'department' | 'other' | 'county-gov'; title?: string; region_code?: string; region_name?: string };
}

export const JUDGEMENTS = {
  rangeEnd: { id: 'range-end', dimension: 'measure', value: 'unclear',
    why: { zh: '区间的一端,不是一个数字', en: 'one end of a range, not a single figure' }, example: '每个执法队配备3-5名执法人员。' },
  partAfterTotal: { id: 'part-after-total', dimension: 'subject', value: 'part',
    why: { zh: '“其中”之后:总数的一部分', en: 'after 其中 (of which): a part of a total given before' }, example: '全年共受理行政复议案件56件,其中新收案件45件。' },
  category: { id: 'category', dimension: 'subject', value: 'part',
    why: { zh: '某一类别的数字,是总数的一部分', en: 'one category: a part of the total' }, example: '12345热线受理交通管理类诉求720件。' },
  departmentOwn: { id: 'department-own', dimension: 'subject', value: 'part',
    why: { zh: '部门报告中“我局”自己的数字,不是全地区的', en: "a department's own figure (我局 …), not the place's" },
    example: '我局全年办理行政复议案件3件。', exampleMeta: { publisher: '某县市场监督管理局', publisher_kind: 'department' } },
  courtPublisher: { id: 'court-publisher', dimension: 'subject', value: 'other-body',
    why: { zh: '发布者是法院或检察院,数字是其自身的', en: 'the publisher is a court or procuratorate: the figure is its own' },
    example: '全年共办理行政诉讼案件84件。', exampleMeta: { publisher: '某县人民法院', publisher_kind: 'other' } },
  higherLevel: { id: 'higher-level', dimension: 'subject', value: 'other-level',
    why: { zh: '上级地区(全省、全市)的数字', en: 'a higher level’s figure (the province, the city)' }, example: '全省12345热线受理群众诉求320万件。' },
  ownLevelOnly: { id: 'own-level-only', dimension: 'subject', value: 'part',
    why: { zh: '“市本级”只是市级机关,不含所辖县区', en: '市本级 is the city level alone, without its counties' },
    example: '市本级新收行政复议申请3326件。', exampleMeta: { region_code: '330300', region_name: '温州市' } },
  lowerLevel: { id: 'lower-level', dimension: 'subject', value: 'other-level',
    why: { zh: '下级地区(县区、乡镇、村)的数字', en: "a lower level's figure (counties, a township, a village)" }, example: '城关镇人民调解委员会全年调解纠纷186件。' },
  sinceYear: { id: 'since-year', dimension: 'time', value: 'multi-year',
    why: { zh: '自某年以来的合计,跨多年', en: 'a total since an earlier year: several years' }, example: '2019年以来,共办理行政复议案件312件。' },
  cumulative: { id: 'cumulative', dimension: 'time', value: 'multi-year',
    why: { zh: '“累计”而未说明时段:可能跨多年', en: '累计 (cumulative) with no period stated: possibly several years' }, example: '县12345热线累计受理群众诉求52万件。' },
  futureYear: { id: 'future-year', dimension: 'time', value: 'target',
    why: { zh: '报告年份之后的年份:计划或目标', en: 'a year after the report’s: a plan or target' }, example: '2025年全县调解矛盾纠纷1500件。' },
  section: { id: 'section', dimension: 'time', value: 'multi-year',
    why: { zh: '所在章节回顾多年或部署计划', en: 'its section reviews several years or sets out plans' },
    example: '一、“十四五”时期工作回顾\n办理省人大代表建议3310件。', exampleMeta: { publisher_kind: 'other', title: '某省2026年政府工作报告', region_code: '320000', region_name: '江苏省' } },
  unanchoredPeriod: { id: 'unanchored-period', dimension: 'time', value: 'unclear',
    why: { zh: '“上周”“上月”但文件没有说明本期', en: 'last week/month, but the document states no period of its own' }, example: '12345热线上月受理群众诉求2102件。' },
} as const satisfies Record<string, Judgement>;

export const ALL_JUDGEMENTS: readonly Judgement[] = Object.values(JUDGEMENTS);

/** Words that open a category: 交通管理类, 城市管理方面. 各类, 此类, 多类 are not one category. */
export const CATEGORY_MARK = /(?:类|方面|领域)(?!型|别)/g;
export const NOT_A_CATEGORY = /[各多此该这两三几全分门种同等大]$/;

/** Words that bound a 累计 to a stated period (全年累计, 1-8月累计, 2024年累计). */
export const BOUNDED_PERIOD = /全年|年内|本年|今年|当年|年度|\d{4}年(?!以来)|本月|本周|本期|月份?|季度|上半年|下半年|年初/;

/** A department speaking of itself: in its report, such a sentence's counts are its own, not the region's. */
export const OWN_DEPARTMENT = /我局|本局|我单位|本单位|我委|本委|我办|本部门|我部门/;

/** A sentence that states its own time overrides the section's: a year, 过去一年, a part-year. */
export const STATES_OWN_TIME = /\d{4}年(?!以来)|过去一年|一年来|全年|本年|年内|今年|上半年|季度|\d{1,2}月/;
