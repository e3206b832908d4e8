/** The researcher's own figures are marked in the trend chart, its tooltip, key and export notes. */
import { USER_COLOR } from '../../src/charts/theme.ts';
import { describe, expect, it } from 'vitest';
import { buildCompareBarsOption } from '../../src/charts/compare-bars.ts';
import { echarts } from '../../src/charts/echarts.ts';
import { compareCsvRows } from '../../src/charts/export-compare.ts';
import { buildSparklineOption } from '../../src/charts/sparkline.ts';
import { rankFigures, type CompareFigure } from '../../src/db/queries/compare.ts';
import { exportNotes, type ExportText } from '../../src/charts/export-meta.ts';
import { TREND_CSV_COLUMNS, trendCsvRows, trendFlaggedRows } from '../../src/charts/export-trend.ts';
import { buildTrendOption, isPlain, symbolOf } from '../../src/charts/trend-chart.ts';
import { trendTooltip } from '../../src/charts/trend-tooltip.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { TEXT_WITH_USER as TEXT_C } from './compare-text.ts';
import { TEXT } from './trend-text.ts';

const USER_TEXT = { ...TEXT, keyUser: '我的数据', userMark: '我的数据', userAlternatives: (n: number) => `另有 ${n} 条我的数据` };
const EVIL = '<img src=x onerror=alert(1)>';

const point = (over: Partial<TrendPoint>): TrendPoint => ({
  obs_id: `${over.region_code ?? '140223'}-${over.year ?? 2024}`, region_code: '140223', region_name: '广灵县', name_pinyin: 'Guangling', year: 2024,
  period: 'year', value: 98.4, unit: '%', approx: 'exact', value_kind: 'reported', report_id: 'r', publisher_kind: 'county-gov',
  quote: '', flags: [], n_candidates: 1, conflict: false, origin: 'shipped', n_user: 0, ...over,
});

const POINTS = [
  point({ year: 2022, value: 97, origin: 'user', n_user: 1, obs_id: 'user-1#1', region_name: EVIL, quote: `地区: ${EVIL}; 2022: 97` }),
  point({ year: 2023, value: 98, origin: 'user', n_user: 1, obs_id: 'user-1#2' }),
  point({ year: 2024, value: 98.4, n_user: 1, n_candidates: 2 }),
];
const option = buildTrendOption(POINTS, { name: '人民调解成功率', unit: '%' }, { lang: 'zh', text: USER_TEXT, animation: false });
type Item = { symbol: string; itemStyle: { borderColor: string; borderType?: string } };
const scatter = (option.series as { type: string; name: string; data: unknown[] }[]).find((s) => s.type === 'scatter' && s.data.length > 0)!;

describe('user figures in the trend chart', () => {
  it('draws them as squares with a dashed purple outline, never as plain published figures', () => {
    const items = scatter.data as Item[];
    expect(items.map((d) => d.symbol)).toEqual(['rect', 'rect', 'circle']);
    expect(items.slice(0, 2).every((d) => d.itemStyle.borderColor === USER_COLOR && d.itemStyle.borderType === 'dashed')).toBe(true);
    expect(items[2]!.itemStyle.borderType).toBeUndefined();
    expect(isPlain(POINTS[0]!)).toBe(false);
    expect(symbolOf({ period: '2023-01/2023-06', approx: 'exact', value_kind: 'reported', origin: 'user' })).toBe('emptyRect');
  });

  it('explains the mark in the key only when a user figure is drawn', () => {
    const keyNames = (o: typeof option) => (o.legend as { data: (string | { name: string })[] }[])[0]!.data;
    expect(keyNames(option)).toContain('我的数据');
    const shippedOnly = buildTrendOption([POINTS[2]!], { name: 'x', unit: '%' }, { lang: 'zh', text: USER_TEXT, animation: false });
    expect(keyNames(shippedOnly)).not.toContain('我的数据');
  });

  it('says 我的数据 in the tooltip, escapes the user text, and counts user alternatives under a published point', () => {
    const tooltip = trendTooltip(POINTS, { name: '人民调解成功率', unit: '%' }, { lang: 'zh', text: USER_TEXT });
    const html = tooltip({ data: { obsId: 'user-1#1' } });
    expect(html).toContain('我的数据');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tooltip({ data: { obsId: '140223-2024' } })).toContain('另有 1 条我的数据');
  });

  it('renders to SVG (Node SSR) with the user marks', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 440 });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('我的数据');
    expect(svg.toLowerCase()).toContain(USER_COLOR);
    expect(svg).not.toContain('<img');
  });

  it('names the user values in the export notes and marks them in the CSV', () => {
    const text = { approx: {}, more: (n: number) => `等${n}处`, notePartYear: () => '', noteApprox: () => '', noteDerived: () => '',
      noteConflict: () => '', noteFlag: () => '', noteUser: (items: string) => `我的数据:${items}` } as unknown as ExportText;
    const notes = exportNotes(trendFlaggedRows(POINTS, 'zh'), text, 'zh');
    expect(notes[0]).toMatch(/^我的数据:.*2022、广灵县2023$/);
    const rows = trendCsvRows(POINTS, [], { id: 'mediation.success_rate', name: '人民调解成功率', unit: '%' });
    expect(TREND_CSV_COLUMNS).toContain('origin');
    expect(rows.map((r) => r.origin)).toEqual(['user', 'user', 'shipped']);
  });
});

describe('user figures in the compare bars and the profile sparkline', () => {
  const fig = (code: string, value: number, over: Partial<CompareFigure> = {}): CompareFigure => ({
    obs_id: `obs-${code}`, region_code: code, region_name: `县${code}`, name_pinyin: '', year: 2022, period: 'year', value, unit: '%',
    approx: 'exact', value_kind: 'reported', flags: [], n_candidates: 1, report_id: 'r', ...over,
  });
  const ranked = rankFigures([fig('990001', 90), fig('990002', 80, { origin: 'user', region_name: EVIL })], 'higher');

  it('outlines a user bar in dashed purple and says so in its tooltip, escaped', () => {
    const option = buildCompareBarsOption(ranked, { name: '率', unit: '%' }, {
      lang: 'zh', text: TEXT_C, focus: '990001', focusName: '县990001', direction: 'higher', title: '', spread: null, animation: false,
    });
    const bars = (option.series as { type: string; data: { obsId: string; itemStyle: { borderColor?: string; borderType?: string } }[] }[])
      .find((s) => s.type === 'bar')!.data;
    expect(bars.find((b) => b.obsId === 'obs-990002')!.itemStyle).toMatchObject({ borderColor: USER_COLOR, borderType: 'dashed' });
    // The published focal bar: its dark solid outline (the focal mark), never the user's dashed purple.
    expect(bars.find((b) => b.obsId === 'obs-990001')!.itemStyle.borderColor).not.toBe(USER_COLOR);
    expect(bars.find((b) => b.obsId === 'obs-990001')!.itemStyle.borderType).toBeUndefined();
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ data: { obsId: 'obs-990002' } });
    expect(html).toContain('我的数据');
    expect(html).not.toContain('<img');
    expect(compareCsvRows(ranked, new Map(ranked.map((r) => [r.obs_id, ''])), [], { id: 'x', name: '率', unit: '%' }).map((r) => r.origin)).toEqual(['shipped', 'user']);
  });

  it('gives a user point of a sparkline the square and the purple outline', () => {
    const option = buildSparklineOption([
      { year: 2022, value: 1, period: 'year', approx: 'exact', value_kind: 'reported', origin: 'user' },
      { year: 2023, value: 2, period: 'year', approx: 'exact', value_kind: 'reported' },
    ], { animation: false });
    const dots = (option.series as { type: string; data: { symbol: string; itemStyle: { borderColor: string } }[] }[]).find((s) => s.type === 'scatter')!.data;
    expect(dots.map((d) => d.symbol)).toEqual(['rect', 'circle']);
    expect(dots[0]!.itemStyle.borderColor).toBe(USER_COLOR);
  });
});
