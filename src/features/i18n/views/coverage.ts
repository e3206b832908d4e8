/** The Coverage view's words. Keys are prefixed `coverage` so views never collide in the merged catalog. */
import type { CoverageText } from '../../../charts/coverage-grid.ts';

const zhNumber = new Intl.NumberFormat('zh-CN');
const enNumber = new Intl.NumberFormat('en-GB');

const zh = {
  coverageTitle: '覆盖',
  coverageIntro: '哪些地区的哪些指标有数字、有几年:据此判断哪里可以看趋势、哪里可以横向比较。行是地区(按省、地级市排列),列是指标(按类别分组)。',
  coverageYearLabel: '年份',
  coverageAllYears: '全部年份',
  coverageYearOption: (year: number, places: number) => `${year} 年(${places} 个地区)`,
  coverageHideEmpty: '只显示有数据的地区和指标',
  coverageExpandAll: '全部展开',
  coverageCollapseAll: '全部收起',
  coverageTrendLine: (trend: number, pairs: number) =>
    `可看趋势:${zhNumber.format(trend)} 个“地区-指标”组合有 2 年或以上的全年数字(有全年数字的组合共 ${zhNumber.format(pairs)} 个;不受年份筛选影响)。`,
  coverageCompareLine: (n: number, total: number, year: number | null) =>
    `可横向比较:${n} 个指标(共 ${total} 个)${year === null ? '在同一年份' : `在 ${year} 年`}有 3 个或以上地区的全年数字。`,
  coverageCompareItem: (name: string, places: number, year: number) => `${name}(${year} 年 ${places} 个地区)`,
  coverageCompareNone: '没有任何指标在同一年份有 3 个地区的全年数字。',
  coverageOpenCompare: '在“对比”中查看这一年',
  coverageWholeOnly: '趋势与比较只计全年数字;部分年度(如月报、季报)的数字与全年不可比。',
  coveragePlacesLine: (shown: number, withData: number, total: number) =>
    `显示 ${zhNumber.format(shown)} 个地区,其中 ${zhNumber.format(withData)} 个有数据;数据集共 ${zhNumber.format(total)} 个地区。空白表示报告中没有这项数字,不等于零。`,
  coverageLegendTitle: '图例',
  coverageLegendWhole: '数字:有全年数字的年份数,颜色越深年份越多',
  coverageLegendWholeYear: '●:该年有全年数字',
  coverageLegendExtraPart: '右上角橙色三角:另有年份只有部分年度数字',
  coverageLegendPart: '◐ 斜纹:只有部分年度数字(月报、季报、“1至8月”等)',
  coverageLegendQual: '○:只有定性表述,没有数字',
  coverageLegendEmpty: '空白:报告中没有',
  coverageLegendProvince: '省份行:数字为有全年数字的地区数,颜色按其占该省地区的比例',
  coverageGridLabel: '地区 × 指标覆盖表',
  coverageKeyboardHint: '用方向键在格子间移动,按回车在“趋势”中打开该地区的该指标(只有定性表述的格子在“数据”中打开)。',
  coveragePlaceHeader: '地区',
  coverageCellLabel: (place: string, indicator: string, detail: string) => `${place},${indicator}:${detail}`,
  coverageOpenHint: '按回车或点击,在“趋势”中查看',
  coverageOpenDataHint: '没有数字可画图;按回车或点击,在“数据”中查看原文',
  coverageColumnTitle: (name: string, unit: string, places: number) => `${name}${unit ? `(${unit})` : ''}:${places} 个地区有全年数字`,
  coverageGroupLabel: (name: string, places: number, withData: number) => `${name}:${places} 个地区,${withData} 个有数据`,
  coverageGroupShort: (withData: number, places: number) => `${withData}/${places}`,
  coverageExpand: '展开',
  coverageCollapse: '收起',
  coverageCollapsedHint: (n: number) => `地区较多(${zhNumber.format(n)} 个):各省默认收起,点击省份逐个展开;省份行显示有全年数字的地区数。`,
  coverageNoPlaces: '没有可显示的地区。',
  coverageGrid: {
    wholeYears: (n, years) => `${n} 年有全年数字(${years})`,
    partYears: (n, years) => `${n} 年只有部分年度数字(${years})`,
    qualYears: (n, years) => `${n} 年只有定性表述(${years})`,
    empty: '没有报告',
    placesWhole: (n) => `${n} 个地区有全年数字`,
    placesPart: (n) => `${n} 个地区只有部分年度数字`,
    placesQual: (n) => `${n} 个地区只有定性表述`,
    otherProvince: '未知省份',
    listSeparator: '、',
    clauseSeparator: ';',
  } satisfies CoverageText as CoverageText,
};

export type CoverageMessages = typeof zh;

const en: CoverageMessages = {
  coverageTitle: 'Coverage',
  coverageIntro: 'Which places have which indicators, and for how many years: where a trend can be drawn and where places can be compared. Rows are places (by province, then prefecture); columns are indicators (grouped by category).',
  coverageYearLabel: 'Year',
  coverageAllYears: 'All years',
  coverageYearOption: (year, places) => `${year} (${places} place${places === 1 ? '' : 's'})`,
  coverageHideEmpty: 'Only places and indicators with data',
  coverageExpandAll: 'Expand all',
  coverageCollapseAll: 'Collapse all',
  coverageTrendLine: (trend, pairs) =>
    `Trends possible: ${enNumber.format(trend)} place–indicator pairs have whole-year figures for 2 or more years (of ${enNumber.format(pairs)} pairs with any whole-year figure; not affected by the year filter).`,
  coverageCompareLine: (n, total, year) =>
    `Comparisons possible: ${n} of ${total} indicators have whole-year figures for 3 or more places ${year === null ? 'in the same year' : `in ${year}`}.`,
  coverageCompareItem: (name, places, year) => `${name} (${places} places in ${year})`,
  coverageCompareNone: 'No indicator has whole-year figures for 3 places in the same year.',
  coverageOpenCompare: 'Open this year in Compare',
  coverageWholeOnly: 'Trends and comparisons count whole-year figures only; part-year figures (monthly or quarterly bulletins) are not comparable with a whole year.',
  coveragePlacesLine: (shown, withData, total) =>
    `Showing ${enNumber.format(shown)} places, ${enNumber.format(withData)} with data; the dataset has ${enNumber.format(total)} places. A blank cell means the reports do not give the figure — not zero.`,
  coverageLegendTitle: 'Key',
  coverageLegendWhole: 'Number: years with a whole-year figure (darker = more years)',
  coverageLegendWholeYear: '●: a whole-year figure for that year',
  coverageLegendExtraPart: 'Orange corner: other years have part-year figures only',
  coverageLegendPart: '◐ hatched: part-year figures only (monthly, quarterly, "Jan–Aug" …)',
  coverageLegendQual: '○: qualitative statements only, no number',
  coverageLegendEmpty: 'Blank: not reported',
  coverageLegendProvince: 'Province rows: places with a whole-year figure, shaded by their share of the province',
  coverageGridLabel: 'Coverage of indicators by place',
  coverageKeyboardHint: 'Arrow keys move between cells; Enter opens that place and indicator in Trends (a cell with qualitative statements only opens in Data).',
  coveragePlaceHeader: 'Place',
  coverageCellLabel: (place, indicator, detail) => `${place}, ${indicator}: ${detail}`,
  coverageOpenHint: 'Enter or click to open in Trends',
  coverageOpenDataHint: 'nothing to chart; Enter or click to read the sentence in Data',
  coverageColumnTitle: (name, unit, places) => `${name}${unit ? ` (${unit})` : ''}: ${places} place${places === 1 ? '' : 's'} with a whole-year figure`,
  coverageGroupLabel: (name, places, withData) => `${name}: ${places} place${places === 1 ? '' : 's'}, ${withData} with data`,
  coverageGroupShort: (withData, places) => `${withData}/${places}`,
  coverageExpand: 'Expand',
  coverageCollapse: 'Collapse',
  coverageCollapsedHint: (n) => `Many places (${enNumber.format(n)}): provinces start collapsed, open them one at a time; a province row counts its places with a whole-year figure.`,
  coverageNoPlaces: 'No places to show.',
  coverageGrid: {
    wholeYears: (n, years) => `whole-year figures in ${n} year${n === 1 ? '' : 's'} (${years})`,
    partYears: (n, years) => `part-year figures only in ${n} year${n === 1 ? '' : 's'} (${years})`,
    qualYears: (n, years) => `qualitative statements only in ${n} year${n === 1 ? '' : 's'} (${years})`,
    empty: 'not reported',
    placesWhole: (n) => `${n} place${n === 1 ? '' : 's'} with a whole-year figure`,
    placesPart: (n) => `${n} with part-year figures only`,
    placesQual: (n) => `${n} with qualitative statements only`,
    otherProvince: 'Province unknown',
    listSeparator: ', ',
    clauseSeparator: '; ',
  },
};

export const COVERAGE_MESSAGES = { zh, en };
