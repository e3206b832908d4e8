/**
 * The prerendered first chart (src/charts/static-chart.ts): one drawing per width, each the trend
 * option's own SVG stretched to the box, and CSS that shows exactly the drawing nearest the box's width.
 */
import { describe, expect, it } from 'vitest';
import { buildTrendOption } from '../../src/charts/trend-chart.ts';
import { renderStaticChart, STATIC_CHART_WIDTHS, staticChartCss } from '../../src/charts/static-chart.ts';
import { isLandingSnapshot } from '../../src/core/snapshot.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { readFileSync } from 'node:fs';
import { TEXT } from './trend-text.ts';

const snapshot: unknown = JSON.parse(readFileSync(new URL('../../public/data/snapshot.json', import.meta.url), 'utf8'));
if (!isLandingSnapshot(snapshot)) throw new Error('public/data/snapshot.json is not a landing snapshot');
const points = snapshot.trend as unknown as TrendPoint[];
const option = buildTrendOption(points, { name: '测试指标', unit: '%' }, { lang: 'zh', text: TEXT, order: snapshot.regionCodes });

/** The width ranges the CSS gives each drawing: [min, max] in px (null: open). */
function ranges(css: string): Map<number, [number | null, number | null]> {
  const found = new Map<number, [number | null, number | null]>();
  for (const match of css.matchAll(/@container ([^{]+)\{ \.static-chart > \.static-chart-w(\d+)/g)) {
    const min = /min-width: ([\d.]+)px/.exec(match[1]!)?.[1];
    const max = /max-width: ([\d.]+)px/.exec(match[1]!)?.[1];
    found.set(Number(match[2]), [min ? Number(min) : null, max ? Number(max) : null]);
  }
  return found;
}

describe('the static first chart', () => {
  it('draws the option once per width, with its places, stretched to the box', () => {
    const html = renderStaticChart(option, 440);
    const svgs = [...html.matchAll(/<svg [^>]*viewBox="0 0 (\d+) 440"/g)].map((m) => Number(m[1]));
    expect(svgs).toEqual([...STATIC_CHART_WIDTHS]);
    expect(html.match(/<svg width="100%" height="100%" preserveAspectRatio="none"/g)?.length).toBe(STATIC_CHART_WIDTHS.length);
    for (const name of new Set(points.map((p) => p.region_name))) expect(html).toContain(name);
  });

  it('shows exactly one drawing for any box width, the nearest one', () => {
    const css = ranges(staticChartCss());
    expect([...css.keys()]).toEqual([...STATIC_CHART_WIDTHS]);
    for (let width = 200; width <= 2000; width += 7) {
      const shown = [...css].filter(([, [min, max]]) => (min === null || width >= min) && (max === null || width <= max)).map(([w]) => w);
      const nearest = [...STATIC_CHART_WIDTHS].sort((a, b) => Math.abs(a - width) - Math.abs(b - width) || a - b)[0];
      expect(shown, `box ${width} px`).toEqual([nearest]);
    }
  });
});
