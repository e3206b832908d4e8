import type { TrendText } from '../../src/charts/trend-chart.ts';

/** The chart's words as a test supplies them (the page takes them from its message catalog). */
export const TEXT: TrendText = {
  yearAxis: '年份',
  keyPlain: '全年原文精确值',
  keyPartYear: '部分年度',
  keyApprox: '约数',
  keyDerived: '推算值',
  keyDashed: '虚线:连接非全年/约数/推算值',
  approx: { exact: '精确', at_least: '不少于', at_most: '不超过', about: '约' },
  derived: '推算值',
  partYear: (period) => `部分年度:${period}`,
  alternatives: (n) => `另有${n}条`,
  conflict: '同一时段另有不同的数字',
  clickForSource: '点击查看出处',
};
