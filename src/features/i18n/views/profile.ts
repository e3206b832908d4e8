/** The Profile view's words. Keys are prefixed `profile` so views never collide in the merged catalog. */
import type { Absence } from '../../../db/queries/place-reports.ts';

const zh = {
  profileTitle: '画像',
  profileExportTitle: (place: string) => `${place} 画像 指标表`,
  profileExportHint: '下载此表:每个指标一行(含未报告的),最新值、单位、年份、时段、较上年、对比组百分位、标记、原文与报告',
  profilePlaceLabel: '地区',
  profilePlaceFacts: (level: string, prefecture: string, province: string, code: string) =>
    [level, prefecture, province, `代码 ${code}`].filter(Boolean).join(' · '),
  profileHeading: (place: string) => `${place} 画像`,
  profileSummary: (reported: number, total: number, first: number | null, last: number | null, partYears: number) =>
    `有目录中 ${total} 个指标里 ${reported} 个的数字${first === null ? '' : first === last ? `,全年数字为 ${first} 年` : `,全年数字在 ${first}–${last} 年`}${partYears ? `;另有 ${partYears} 个年份只有部分年度的数字(不算作年份)` : ''}。`,
  profileRest: (n: number, absence: Absence['kind'], years: string) => (absence === 'not-reported'
    ? `其余 ${n} 个列为“未报告”:${years} 年的全文报告中没有。`
    : absence === 'not-in-excerpt'
      ? `其余 ${n} 个不在我们现有的文本中:我们只有该地区 ${years} 年报告的摘录,报告全文可能有这些数字。`
      : `其余 ${n} 个没有数字:数据集中没有该地区的报告文本。`),
  profileNoFigures: (place: string) => `数据集中没有${place}的任何数字。`,
  profileColIndicator: '指标',
  profileColLatest: '最新值',
  profileColWhen: '年份 · 时段',
  profileColChange: '较上年',
  profileColPercentile: '对比组百分位',
  profileColTrend: '历年',
  profileColFlags: '标记',
  profileNotReported: '未报告',
  profileNotReportedTitle: (years: string) => `${years} 年的全文报告中没有此指标`,
  profileNotInExcerpt: '不在我们现有的文本中(摘录)',
  profileNotInExcerptTitle: (years: string) => `我们只有 ${years} 年报告的摘录;报告全文可能有此数字`,
  profileNoText: '没有该地区的报告文本',
  profileChange: (prevYear: number, year: number, change: string) => `${prevYear}→${year}:${change}`,
  profileNoPrevious: (prevYear: number) => `无 ${prevYear} 年数字`,
  profileNotComparable: (prevYear: number, year: number) => `${prevYear}→${year}:有部分年度数字,不可比`,
  profilePercentile: (p: number) => `第 ${Math.round(p)} 百分位`,
  profileTooFew: (n: number) => `仅 ${n} 地有数字,太少`,
  profileAloneInRange: (range: string) => `${range}无其他地区有数字`,
  profileRank: (rank: number, n: number, tied: boolean) => `第 ${rank} 位${tied ? '(并列)' : ''}(共 ${n} 地)`,
  profileMedian: (value: string) => `中位数 ${value}`,
  profileStandingYear: (year: number) => `按 ${year} 年全年数字`,
  profilePartYearNotRanked: '部分年度数字,不参与比较',
  profilePercentileExplain: (tolerance: number) => `百分位按数值排列:0 为对比组中最低,100 为最高,并列各算一半;名次按指标方向;少于 3 地时不给百分位和中位数(中位数至少需要 3 个地区)。只比较全年数字:各地区取离焦点地区最新年份最近的全年数字${tolerance === 0 ? '(仅同一年)' : `(前后 ${tolerance} 年内),其他年份的数字注明年份`}。“最新值”一栏是该地区最近一年的数字,可能是部分年度。`,
  profileChangeExplain: '“较上年”只在最新年份和前一年都有全年数字时计算。',
  profileSparkAria: (indicator: string, years: string) => `${indicator}历年数字:${years}`,
  profileValueTitle: '查看出处',
  profileFlagPartYear: '部分年度',
  profileFlagDerived: '推算值',
};

export type ProfileMessages = typeof zh;

/** 1st, 2nd, 3rd, 4th, 11th, 21st. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

const en: ProfileMessages = {
  profileTitle: 'Profile',
  profileExportTitle: (place) => `${place} profile table`,
  profileExportHint: 'Download this table: one row per indicator (unreported ones included) with the latest value, unit, year, period, change, peer percentile, flags, quote and report',
  profilePlaceLabel: 'Place',
  profilePlaceFacts: (level, prefecture, province, code) => [level, prefecture, province, `code ${code}`].filter(Boolean).join(' · '),
  profileHeading: (place) => `Profile of ${place}`,
  profileSummary: (reported, total, first, last, partYears) =>
    `Has figures for ${reported} of the ${total} indicators of the catalog${first === null ? '' : first === last ? `, whole-year figures for ${first}` : `, whole-year figures for ${first}–${last}`}${partYears ? `; ${partYears} more year${partYears === 1 ? ' has' : 's have'} only part-year figures (not counted as years)` : ''}.`,
  profileRest: (n, absence, years) => (absence === 'not-reported'
    ? `The other ${n} are listed as "not reported": the full report${years.includes(',') ? 's' : ''} for ${years} ${years.includes(',') ? 'do' : 'does'} not have them.`
    : absence === 'not-in-excerpt'
      ? `The other ${n} are not in the text we have: we hold only excerpts of this place's reports for ${years}, and the full reports may have them.`
      : `The other ${n} have no figure: the dataset holds no report text of this place.`),
  profileNoFigures: (place) => `The dataset has no figure for ${place}.`,
  profileColIndicator: 'Indicator',
  profileColLatest: 'Latest',
  profileColWhen: 'Year · period',
  profileColChange: 'Change',
  profileColPercentile: 'Percentile among peers',
  profileColTrend: 'Years',
  profileColFlags: 'Flags',
  profileNotReported: 'not reported',
  profileNotReportedTitle: (years) => `The full report for ${years} does not have this indicator`,
  profileNotInExcerpt: 'not in the text we have (excerpt)',
  profileNotInExcerptTitle: (years) => `We hold only excerpts of the reports for ${years}; the full report may have this figure`,
  profileNoText: 'no report text of this place',
  profileChange: (prevYear, year, change) => `${prevYear}→${year}: ${change}`,
  profileNoPrevious: (prevYear) => `no figure for ${prevYear}`,
  profileNotComparable: (prevYear, year) => `${prevYear}→${year}: a part-year figure, not comparable`,
  profilePercentile: (p) => `${ordinal(Math.round(p))} percentile`,
  profileTooFew: (n) => `only ${n} places: too few`,
  profileAloneInRange: (range) => `no peer has a figure for ${range}`,
  profileRank: (rank, n, tied) => `rank ${rank}${tied ? ' (tied)' : ''} of ${n}`,
  profileMedian: (value) => `median ${value}`,
  profileStandingYear: (year) => `by the whole-year figures of ${year}`,
  profilePartYearNotRanked: 'part-year figure: not compared',
  profilePercentileExplain: (tolerance) => `Percentiles go by value: 0 is the lowest of the peer group, 100 the highest, ties count half; the rank follows the indicator's direction; with fewer than 3 places there is no percentile and no median (a median needs three places). Only whole-year figures are compared: each peer's whole-year figure nearest the place's latest year${tolerance === 0 ? ' (the same year only)' : ` (within ±${tolerance}; figures of another year are labelled with it)`}. "Latest" is the place's most recent figure, which may cover part of a year.`,
  profileChangeExplain: '"Change" is given only when the latest year and the year before both have whole-year figures.',
  profileSparkAria: (indicator, years) => `${indicator} by year: ${years}`,
  profileValueTitle: 'See the source',
  profileFlagPartYear: 'part-year',
  profileFlagDerived: 'derived',
};

export const PROFILE_MESSAGES = { zh, en };
