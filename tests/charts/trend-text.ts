import type { buildTrendOption, TrendText } from '../../src/charts/trend-chart.ts';

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

type LabelItem = { value: [string, number]; itemStyle: { color: string }; label: { formatter: () => string } };
/** The line-end labels (the silent scatter whose items carry a label), in order: [text, colour, height]. */
export function endLabels(built: ReturnType<typeof buildTrendOption>): { text: string; color: string; value: number }[] {
  const labelled = (built.series as { type: string; silent?: boolean; data: unknown[] }[]).find((s) => s.type === 'scatter' && s.silent === true);
  return ((labelled?.data ?? []) as LabelItem[]).map((d) => ({ text: d.label.formatter(), color: d.itemStyle.color, value: d.value[1] }));
}
