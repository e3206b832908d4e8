/**
 * The Trends view's words that the first chart does not need: the year range, scale and index
 * controls, the table tab, the notes on places not drawn. Keys are prefixed `trends`. Loaded with the
 * lazy parts that use them (useTrendsMoreMessages), never with the entry or the first chart.
 */
import type { NotIndexedReason } from '../../../charts/trend-index.ts';

const zh = {
  trendsYearsLabel: '年份范围',
  trendsFrom: '起始年份',
  trendsTo: '结束年份',
  trendsFromSlider: '起始年份(滑块)',
  trendsToSlider: '结束年份(滑块)',
  trendsAllYears: '全部年份',
  trendsYearsNote: (first: number, last: number) => `所选地区有 ${first}–${last} 年的数字。`,
  trendsScaleLabel: '纵轴刻度',
  trendsScales: { linear: '线性', log: '对数' },
  trendsLogUnusable: '对数刻度只用于件数等计数,且图中每个数字都须大于 0:此处按线性刻度显示。',
  trendsModeLabel: '显示',
  trendsModes: { value: '数值', index: '相对首年的变化(首年 = 100)' },
  trendsIndexOnlyCounts: '“相对首年的变化”只用于件数等计数;比率请直接比较数值。',
  trendsIndexNote: '每个地区以范围内第一个全年数字为 100;部分年度数字不参与。',
  trendsNotIndexed: (items: string) => `无法计算指数、未画入:${items}。`,
  trendsNotIndexedReason: {
    'no-whole-year': '范围内没有全年数字',
    'base-derived': (year: number) => `首个全年数字(${year} 年)是推算值`,
    'base-approx': (year: number) => `首个全年数字(${year} 年)是约数`,
    'base-zero': (year: number) => `首个全年数字(${year} 年)为 0`,
  } satisfies Record<NotIndexedReason, string | ((year: number) => string)>,
  trendsNoFigure: (names: string) => `无数字:${names}(所选地区没有此指标的数字)。`,
  trendsNoneShown: (names: string) => `图中未画出:${names}(所选年份内没有全年数字,或只有已隐藏的部分年度数字)。`,
  trendsTableCaption: (indicator: string, first: number, last: number) => `${indicator}:${first}–${last} 年各地区数字,每行一个地区的一年`,
  trendsTablePlace: '地区',
  trendsTableYear: '年份',
  trendsTableValue: '数值(原文)',
  trendsTableIndex: '指数',
  trendsTableMarks: '标注',
  trendsTableSource: '出处',
  trendsTableOpen: '查看出处',
  trendsTableOpenLabel: (place: string, year: number) => `查看出处:${place} ${year} 年`,
  trendsTableEmpty: '没有可列出的数字。',
  trendsMarkPartYear: (period: string) => `部分年度(${period})`,
  trendsMarkDerived: '推算值',
  trendsMarkUser: '我的数据',
  trendsMarkConflict: '另有不同数字',
};

type Words<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] };

const en: Words<typeof zh> = {
  trendsYearsLabel: 'Years',
  trendsFrom: 'From',
  trendsTo: 'To',
  trendsFromSlider: 'From (slider)',
  trendsToSlider: 'To (slider)',
  trendsAllYears: 'All years',
  trendsYearsNote: (first, last) => `The places chosen have figures for ${first}–${last}.`,
  trendsScaleLabel: 'Value axis',
  trendsScales: { linear: 'Linear', log: 'Logarithmic' },
  trendsLogUnusable: 'A logarithmic axis is for counts only, with every figure drawn above zero: shown on a linear axis here.',
  trendsModeLabel: 'Show',
  trendsModes: { value: 'Values', index: 'Change since the first year (first year = 100)' },
  trendsIndexOnlyCounts: '"Change since the first year" is for counts only; compare rates by their values.',
  trendsIndexNote: "Each place's first whole-year figure in the range is 100; part-year figures are left out.",
  trendsNotIndexed: (items) => `Cannot be indexed, not drawn: ${items}.`,
  trendsNotIndexedReason: {
    'no-whole-year': 'no whole-year figure in the range',
    'base-derived': (year: number) => `its first whole-year figure (${year}) is derived`,
    'base-approx': (year: number) => `its first whole-year figure (${year}) is approximate`,
    'base-zero': (year: number) => `its first whole-year figure (${year}) is zero`,
  },
  trendsNoFigure: (names) => `No figure: ${names} (chosen, but without a figure for this indicator).`,
  trendsNoneShown: (names) => `Not drawn: ${names} (no whole-year figure in the years chosen, or only part-year figures, which are hidden).`,
  trendsTableCaption: (indicator, first, last) => `${indicator}, ${first}–${last}: one row per place and year`,
  trendsTablePlace: 'Place',
  trendsTableYear: 'Year',
  trendsTableValue: 'Value (as printed)',
  trendsTableIndex: 'Index',
  trendsTableMarks: 'Marks',
  trendsTableSource: 'Source',
  trendsTableOpen: 'Source',
  trendsTableOpenLabel: (place, year) => `Source: ${place}, ${year}`,
  trendsTableEmpty: 'No figures to list.',
  trendsMarkPartYear: (period) => `part of the year (${period})`,
  trendsMarkDerived: 'derived',
  trendsMarkUser: 'my data',
  trendsMarkConflict: 'another source differs',
};

export const TRENDS_MORE_MESSAGES = { zh, en };
