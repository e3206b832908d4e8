/** The Profile view's words. Keys are prefixed `profile` so views never collide in the merged catalog. */
const zh = {
  profileTitle: '画像',
  profileExportTitle: (place: string) => `${place} 画像 指标表`,
  profileExportHint: '下载此表:每个指标一行(含未报告的),最新值、单位、年份、时段、较上年、对比组百分位、标记、原文与报告',
  profilePlaceLabel: '地区',
  profilePlaceFacts: (level: string, prefecture: string, province: string, code: string) =>
    [level, prefecture, province, `代码 ${code}`].filter(Boolean).join(' · '),
  profileHeading: (place: string) => `${place} 画像`,
  profileSummary: (reported: number, total: number, first: number | null, last: number | null) =>
    `报告了目录中 ${total} 个指标里的 ${reported} 个${first === null ? '' : first === last ? `,年份 ${first}` : `,年份 ${first}–${last}`};其余 ${total - reported} 个列为“未报告”。`,
  profileNoFigures: (place: string) => `数据集中没有${place}的任何数字。`,
  profileColIndicator: '指标',
  profileColLatest: '最新值',
  profileColWhen: '年份 · 时段',
  profileColChange: '较上年',
  profileColPercentile: '对比组百分位',
  profileColTrend: '历年',
  profileColFlags: '标记',
  profileNotReported: '未报告',
  profileChange: (prevYear: number, year: number, change: string) => `${prevYear}→${year}:${change}`,
  profileNoPrevious: (prevYear: number) => `无 ${prevYear} 年数字`,
  profileNotComparable: (prevYear: number, year: number) => `${prevYear}→${year}:有部分年度数字,不可比`,
  profilePercentile: (p: number, n: number) => `第 ${Math.round(p)} 百分位(共 ${n} 地)`,
  profileTooFew: (n: number) => `仅 ${n} 地有数字,太少`,
  profileAlone: '对比组仅此一地有数字',
  profileStandingYear: (year: number) => `按 ${year} 年全年数字`,
  profilePartYearNotRanked: '部分年度数字,不参与比较',
  profilePercentileExplain: '百分位按数值排列:0 为对比组中最低,100 为最高,并列各算一半;只比较同一年的全年数字。“最新值”一栏是该地区最近一年的数字,可能是部分年度。',
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
  profileSummary: (reported, total, first, last) =>
    `Reports ${reported} of the ${total} indicators of the catalog${first === null ? '' : first === last ? `, in ${first}` : `, ${first}–${last}`}; the other ${total - reported} are listed as "not reported".`,
  profileNoFigures: (place) => `The dataset has no figure for ${place}.`,
  profileColIndicator: 'Indicator',
  profileColLatest: 'Latest',
  profileColWhen: 'Year · period',
  profileColChange: 'Change',
  profileColPercentile: 'Percentile among peers',
  profileColTrend: 'Years',
  profileColFlags: 'Flags',
  profileNotReported: 'not reported',
  profileChange: (prevYear, year, change) => `${prevYear}→${year}: ${change}`,
  profileNoPrevious: (prevYear) => `no figure for ${prevYear}`,
  profileNotComparable: (prevYear, year) => `${prevYear}→${year}: a part-year figure, not comparable`,
  profilePercentile: (p, n) => `${ordinal(Math.round(p))} percentile (of ${n})`,
  profileTooFew: (n) => `only ${n} places: too few`,
  profileAlone: 'the only one in the group',
  profileStandingYear: (year) => `by the whole-year figures of ${year}`,
  profilePartYearNotRanked: 'part-year figure: not compared',
  profilePercentileExplain: 'Percentiles go by value: 0 is the lowest of the peer group, 100 the highest, ties count half; only whole-year figures of the same year are compared. "Latest" is the place\'s most recent figure, which may cover part of a year.',
  profileChangeExplain: '"Change" is given only when the latest year and the year before both have whole-year figures.',
  profileSparkAria: (indicator, years) => `${indicator} by year: ${years}`,
  profileValueTitle: 'See the source',
  profileFlagPartYear: 'part-year',
  profileFlagDerived: 'derived',
};

export const PROFILE_MESSAGES = { zh, en };
