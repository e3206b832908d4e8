/**
 * A chart drawn once as static SVG, for the page's first paint before any script runs (the build's
 * prerender, src/app/prerender.tsx): the very option the live chart gets, drawn by ECharts' SVG
 * renderer in its server-side mode at several widths. The page shows the drawing made for the width
 * nearest its chart box (CSS container queries on the box), stretched to the box; the live chart then
 * draws over it at the box's exact width. Animation is off: the live chart's first draw takes over
 * without animating (EChart.tsx), so the two match.
 */
import './echarts-extras.ts';
import { echarts, type EChartsOption } from './echarts.ts';

/**
 * The chart-box widths drawn, in CSS pixels: the Trends chart box at a 375, 768, 1024, 1280, 1440
 * and 1920 px wide window (main padding, grid columns and the card's padding taken off; measured
 * in Chromium, docs/BENCHMARKS.md "First paint").
 */
export const STATIC_CHART_WIDTHS: readonly number[] = [297, 394, 530, 650, 690, 1170];

/** The class of the wrapper holding one width's drawing. */
const variantClass = (width: number) => `static-chart-w${width}`;

/** One drawing: the SVG ECharts writes, made to fill its wrapper (the box's height is the chart's). */
export function renderStaticSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, animation: false });
    // ECharts writes width/height in pixels and a viewBox: stretch to the box instead (at most a few
    // per cent between two drawn widths), so nothing is cut off or left blank at in-between widths.
    return chart.renderToSVGString().replace(/^<svg width="\d+" height="\d+"/, '<svg width="100%" height="100%" preserveAspectRatio="none" focusable="false"');
  } finally {
    chart.dispose();
  }
}

/** The CSS that shows exactly one drawing: the one whose width is nearest the chart box's. */
export function staticChartCss(widths: readonly number[] = STATIC_CHART_WIDTHS): string {
  const rules = widths.map((width, i) => {
    const lower = i === 0 ? null : Math.floor((widths[i - 1]! + width) / 2) + 1;
    const upper = i === widths.length - 1 ? null : Math.floor((width + widths[i + 1]!) / 2);
    const query = [lower === null ? null : `(min-width: ${lower}px)`, upper === null ? null : `(max-width: ${upper + 0.98}px)`].filter(Boolean).join(' and ');
    return `@container ${query} { .static-chart > .${variantClass(width)} { display: block; } }`;
  });
  return [
    '.static-chart { position: absolute; inset: 0; container-type: size; pointer-events: none; }',
    '.static-chart > div { display: none; width: 100%; height: 100%; }',
    '.static-chart svg { display: block; }',
    ...rules,
  ].join('\n');
}

/** Every width's drawing, each in its wrapper (the HTML placed in the chart box). */
export function renderStaticChart(option: EChartsOption, height: number, widths: readonly number[] = STATIC_CHART_WIDTHS): string {
  return widths.map((width) => `<div class="${variantClass(width)}">${renderStaticSvg(option, width, height)}</div>`).join('');
}
