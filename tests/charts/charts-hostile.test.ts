/**
 * Hostile names, quotes, units and indicator names through every chart builder: tooltips hold only
 * escaped text, the SVG drawn by ECharts (page SVG export and the export figure) holds no markup
 * from data, labels under ECharts rich text carry no token of the data's making, and plain labels
 * (legend, title, axis names, string templates) show `{a|x}` and `{b}` as written.
 */
import { describe, expect, it } from 'vitest';
import { endLabels } from './trend-text.ts';
import { buildCompareBarsOption } from '../../src/charts/compare-bars.ts';
import { buildDumbbellOption } from '../../src/charts/compare-dumbbell.ts';
import { echarts, type EChartsOption } from '../../src/charts/echarts.ts';
import { escapeHtml } from '../../src/charts/escape-html.ts';
import { renderExportSvg } from '../../src/charts/export-svg.ts';
import { buildSparklineOption } from '../../src/charts/sparkline.ts';
import { buildTrendOption } from '../../src/charts/trend-chart.ts';
import { quoteHtml, trendTooltip } from '../../src/charts/trend-tooltip.ts';
import { pairYears, rankFigures, spreadOf, type CompareFigure } from '../../src/db/queries/compare.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { ECHARTS_PAYLOADS, HTML_PAYLOADS, LONG_STRING, NAUGHTY_STRINGS, UNICODE_PAYLOADS } from '../fixtures/bad-inputs/naughty-strings.ts';
import { expectCleanSvg, expectNoRichFromData, expectOnlyEscapedText, svgText } from './hostile-markup.ts';
import { TEXT_WITH_USER as COMPARE_TEXT } from './compare-text.ts';
import { TEXT as TREND_TEXT } from './trend-text.ts';

const TREND_WORDS = { ...TREND_TEXT, userMark: '我的数据', userAlternatives: (n: number) => `另有 ${n} 条我的数据` };

/** Short payloads for drawing (ECharts lays out every label; the long string is tested on its own). */
const DRAWN = [...HTML_PAYLOADS, ...ECHARTS_PAYLOADS, ...UNICODE_PAYLOADS.filter((s) => !s.includes('\u0000'))];

const trendPoint = (i: number, name: string): TrendPoint => ({
  obs_id: `obs-${i}`, region_code: `99${String(i).padStart(4, '0')}`, region_name: name, name_pinyin: i % 2 ? name : '', year: 2020 + (i % 4),
  period: i % 3 ? 'year' : `${name}/${name}`, value: 50 + (i % 40), unit: i % 2 ? name : '%', approx: i % 5 ? 'exact' : 'about',
  value_kind: 'reported', report_id: name, publisher_kind: 'county-gov', quote: `${name}共50件${name}`, flags: [name], n_candidates: 2, conflict: true,
  // Half the points are the researcher's own (marked in the tooltip), the others have user alternatives.
  origin: i % 2 ? 'user' : 'shipped', n_user: i % 2 ? 0 : 1,
});

const figure = (i: number, name: string, year = 2022): CompareFigure => ({
  obs_id: `obs-${i}-${year}`, region_code: `99${String(i).padStart(4, '0')}`, region_name: name, name_pinyin: name, year, period: 'year',
  value: 40 + (i % 50), unit: '%', approx: i % 4 ? 'exact' : 'at_least', value_kind: i % 3 ? 'reported' : 'derived', flags: [name],
  n_candidates: 1, report_id: name, origin: i % 2 ? 'user' : 'shipped',
});

function drawSvg(option: EChartsOption, height = 600): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

type Formatter = (params: unknown) => string;
const tooltipOf = (option: EChartsOption): Formatter => (option.tooltip as { formatter: Formatter }).formatter;
const yLabelOf = (option: EChartsOption): Formatter => (option.yAxis as { axisLabel: { formatter: Formatter } }).axisLabel.formatter;

describe('escapeHtml', () => {
  it('escapes the five HTML characters and nothing else, for every naughty string', () => {
    for (const s of NAUGHTY_STRINGS) {
      const escaped = escapeHtml(s);
      expect(escaped).not.toMatch(/[<>"']/);
      expect(escapeHtml(s).replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
      expect(expectOnlyEscapedText(escaped)).toBe(s);
    }
  });
});

describe('the trend chart with hostile names, units, periods, flags and quotes', () => {
  const names = [...NAUGHTY_STRINGS];
  const points = names.map((n, i) => trendPoint(i, n));

  it('tooltips hold the data as escaped text only, for every point and both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const indicatorName of ['<img src=x onerror=alert(1)>', '{a|x}', LONG_STRING]) {
        const format = trendTooltip(points, { name: indicatorName, unit: '"><script>' }, { lang, text: TREND_WORDS });
        points.forEach((p) => {
          const text = expectOnlyEscapedText(format({ data: { obsId: p.obs_id } }));
          expect(text).toContain(p.region_name);
          expect(text).toContain(indicatorName);
          expect(text).toContain(p.origin === 'user' ? '我的数据' : '另有 1 条我的数据');
        });
      }
    }
  });

  it('the quote excerpt is escaped around the marked figure', () => {
    for (const s of NAUGHTY_STRINGS) {
      const html = quoteHtml(`${s}调解成功率98%${s}`, 98);
      expect(html).toContain('<b>98</b>');
      expectOnlyEscapedText(html);
    }
  });

  it('the drawn SVG holds no markup from data and shows line-end labels and the unit as written (no rich text, no template)', () => {
    const shown = DRAWN.slice(0, 24);
    const option = buildTrendOption(shown.map((n, i) => trendPoint(i, n)), { name: '{b}', unit: '{a|x}<img src=x>' }, { lang: 'zh', text: TREND_TEXT, animation: false });
    const svg = drawSvg(option, 900);
    expectCleanSvg(svg);
    const text = svgText(svg);
    expect(text).toContain('{a|x}<img src=x>'); // the y axis name, drawn literally
    // A line-end label: the name as written, cut with an ellipsis when long; the label's text itself is the whole name.
    expect(text).toContain('<img src=x on');
    expect(endLabels(option).map((l) => l.text)).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain('{focus|假冒的焦点}');
  });
});

describe('the compare charts with hostile names', () => {
  const figures = DRAWN.map((n, i) => figure(i, n));
  const ranked = rankFigures(figures, 'higher');
  const indicator = { name: '<script>alert(1)</script>{a|x}', unit: '{b}{@[0]}' };
  const quotes = new Map(figures.map((f) => [f.obs_id, `"${f.region_name}'98%`]));
  const settings = {
    lang: 'zh' as const, text: COMPARE_TEXT, focus: figures[1]!.region_code, focusName: figures[1]!.region_name, direction: 'higher' as const,
    title: `${indicator.name} · 2022`, spread: spreadOf(ranked.map((r) => r.value)), quoteOf: (id: string) => quotes.get(id), animation: false,
  };
  const bars = buildCompareBarsOption(ranked, indicator, settings);

  it('bar tooltips hold only escaped text', () => {
    for (const r of ranked) {
      const text = expectOnlyEscapedText(tooltipOf(bars)({ data: { obsId: r.obs_id } }));
      expect(text).toContain(r.region_name);
      expect(text).toContain(indicator.name);
    }
  });

  it('axis labels (rich text for the focal place) carry no rich-text token from data', () => {
    for (const label of (bars.yAxis as { data: string[] }).data) expectNoRichFromData(yLabelOf(bars)(label));
    expect(yLabelOf(bars)(bars.yAxis && (bars.yAxis as { data: string[] }).data.find((l) => l.startsWith('{focus'))!)).toBe('(focus/假冒的焦点)');
  });

  it('the median key is not a string template: a unit like {b} is drawn as written', () => {
    const markLine = (bars.series as { markLine?: { label: { show?: boolean } } }[])[0]!.markLine!;
    expect(markLine.label.show, 'no label inside the plot (the key is above it)').toBe(false);
    const text = svgText(drawSvg(bars, 1200));
    expect(text).toContain('{b}{@[0]}');
  });

  it('the drawn SVG holds no markup from data', () => {
    const svg = drawSvg(bars, 1200);
    expectCleanSvg(svg);
    expect(svgText(svg)).toContain(indicator.name); // the title, as written
  });

  it('the dumbbell: tooltips escaped, labels without rich tokens from data, clean SVG', () => {
    const { pairs } = pairYears(DRAWN.map((n, i) => figure(i, n, 2021)), figures);
    const option = buildDumbbellOption(pairs, indicator, { ...settings, fromYear: 2021, toYear: 2022 });
    for (const p of pairs) {
      const text = expectOnlyEscapedText(tooltipOf(option)({ data: { obsId: p.to.obs_id } }));
      expect(text).toContain(p.to.region_name);
    }
    for (const label of (option.yAxis as { data: string[] }).data) expectNoRichFromData(yLabelOf(option)(label));
    expectCleanSvg(drawSvg(option, 1200));
  });

  it('a very long name is escaped and drawn truncated without breaking the chart', () => {
    const long = rankFigures([figure(1, `<b>${LONG_STRING}</b>`), figure(2, '测试县')], 'higher');
    const hostile = long.find((f) => f.region_name.includes(LONG_STRING))!;
    const option = buildCompareBarsOption(long, indicator, { ...settings, focus: hostile.region_code, quoteOf: () => undefined });
    expect(expectOnlyEscapedText(tooltipOf(option)({ data: { obsId: hostile.obs_id } }))).toContain(LONG_STRING);
    expectCleanSvg(drawSvg(option, 300));
  });
});

describe('sparklines carry no text at all', () => {
  it('have no tooltip and no labels, so no data string reaches the DOM', () => {
    const option = buildSparklineOption([{ year: 2020, value: 1, period: 'year', approx: 'exact', value_kind: 'reported' }]);
    expect(option.tooltip).toEqual({ show: false });
    expect(JSON.stringify(option)).not.toMatch(/formatter|rich/);
  });
});

describe('the export figure (SVG export; the PNG draws the same option)', () => {
  it('title, subtitle, source line and notes from data are drawn as text, never as markup', () => {
    const option = buildTrendOption(DRAWN.slice(0, 8).map((n, i) => trendPoint(i, n)), { name: 'x', unit: '%' }, { lang: 'en', text: TREND_TEXT, animation: false });
    for (const hostile of ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', '{a|x}{b}', ']]><!--', '\u202egnp.exe']) {
      const svg = renderExportSvg(option, { title: hostile, subtitle: hostile, sourceLine: `来源:${hostile}`, notes: [hostile], date: hostile, lang: 'zh' });
      expectCleanSvg(svg);
      const text = svgText(svg);
      expect(text).toContain(hostile);
    }
  });
});
