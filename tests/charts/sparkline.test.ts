import { describe, expect, it } from 'vitest';
import '../../src/charts/echarts-extras.ts'; // the SVG renderer (server-side rendering here)
import { echarts } from '../../src/charts/echarts.ts';
import { buildSparklineOption, sparklineYears, type SparkPoint } from '../../src/charts/sparkline.ts';

const p = (year: number, value: number, over: Partial<SparkPoint> = {}): SparkPoint => ({ year, value, period: 'year', approx: 'exact', value_kind: 'reported', ...over });

type Series = { type: string; data: unknown[] };

describe('buildSparklineOption', () => {
  it('gives every year of the shared range a slot, so a missing year is a gap', () => {
    const o = buildSparklineOption([p(2020, 5), p(2022, 7)], { years: [2019, 2025] });
    expect((o.xAxis as { data: string[] }).data).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    const [line] = o.series as Series[];
    expect(line!.data).toEqual([null, 5, null, 7, null, null, null]);
    expect(sparklineYears([p(2018, 1)], [2019, 2020])).toEqual([2018, 2019, 2020]);
  });

  it('draws a single year as a single dot', () => {
    const o = buildSparklineOption([p(2025, 84.8)], { years: [2019, 2025] });
    const [line, dots] = o.series as Series[];
    expect(dots!.data).toHaveLength(1);
    expect(line!.data.filter((v) => v !== null)).toEqual([84.8]);
    const svg = render(o);
    expect(svg).toMatch(/<path|<circle/);
  });

  it('leaves part-year figures off the line, hollow; approximate and derived keep their shapes', () => {
    const o = buildSparklineOption([p(2021, 3), p(2022, 9, { period: '2022-Q1' }), p(2023, 4, { approx: 'about' }), p(2024, 5, { value_kind: 'derived' })]);
    const [line, dots] = o.series as Series[];
    expect(line!.data).toEqual([3, null, 4, 5]);
    expect((dots!.data as { symbol: string; symbolSize: number }[]).map((d) => d.symbol)).toEqual(['circle', 'emptyCircle', 'diamond', 'triangle']);
    expect((dots!.data as { symbolSize: number }[]).map((d) => d.symbolSize)).toEqual([5, 5, 5, 7]);
  });

  it('has no axes or tooltip and survives an empty series', () => {
    const o = buildSparklineOption([]);
    expect((o.xAxis as { show: boolean }).show).toBe(false);
    expect((o.yAxis as { show: boolean }).show).toBe(false);
    expect(render(o)).toContain('<svg');
  });
});

function render(o: ReturnType<typeof buildSparklineOption>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 120, height: 32 });
  chart.setOption(o);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
