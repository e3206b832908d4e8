import type { CompareText } from '../../src/charts/compare-bars.ts';

/** The compare charts' words as a test supplies them (the page takes them from its message catalog). */
export const TEXT: CompareText = {
  rank: (place, rank, n, tied) => `${place}:第 ${rank} 位,共 ${n} 个地区${tied ? '(并列)' : ''}`,
  notRanked: (place, range) => `${place}在${range}没有全年数字,未参与排名`,
  range: (target, tolerance) => (tolerance === 0 ? `${target}年` : `${target - tolerance}–${target + tolerance}年`),
  alone: (place, range) => `无法排名:只有${place}有${range}的数字`,
  otherYear: (place, year) => `${place}为${year}年数字`,
  otherYearsSeparator: ';',
  valueYear: (place, year) => `${year} · ${place}`,
  direction: { higher: '数值越高越好', lower: '数值越低越好', size: '按数值大小排序,不代表好坏' },
  median: (v) => `中位数 ${v}`,
  iqr: '四分位距',
  approx: { exact: '精确', at_least: '不少于', at_most: '不超过', about: '约' },
  derived: '推算值',
  clickForSource: '点击查看出处',
  yearLabel: (y) => `${y}年`,
  keyPartYear: '部分年度',
  keyApprox: '约数',
  keyDerived: '推算值',
};

/** The same, with the mark of the researcher's own rows (我的数据). */
export const TEXT_WITH_USER: CompareText = { ...TEXT, userMark: '我的数据' };
