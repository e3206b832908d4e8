/**
 * The initial-JavaScript budget, checked on the build the browser suite already made (global setup):
 * the manifest and chunks are read over HTTP from the static server, so no second build is needed.
 * Fails when the initial JS is over the 150 KB gzip budget, or the first-chart JS (initial + Trends +
 * ECharts) over its ceiling (scripts/bench/bundle-size.ts says what counts).
 */
import { describe, expect, inject, it } from 'vitest';
import { bundleReport, formatBundleReport, LANDING_VIEW } from '../../scripts/bench/bundle-size.ts';

describe('bundle sizes', () => {
  it('keeps the initial JS within its budget, the first-chart JS within its ceiling and DuckDB out of both', async () => {
    const { baseUrl } = inject('e2e');
    const report = await bundleReport(async (path) => {
      const response = await fetch(new URL(path, baseUrl));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }, async (path) => {
      const response = await fetch(new URL(path, baseUrl), { method: 'HEAD', headers: { 'Accept-Encoding': 'identity' } });
      return response.ok ? Number(response.headers.get('content-length')) : null;
    });
    console.log(formatBundleReport(report));
    expect(report.initialJs.length, 'the entry chunk').toBeGreaterThan(0);
    expect(report.landingJs.length, `${LANDING_VIEW} and ECharts`).toBeGreaterThan(0);
    // DuckDB (duckdb-wasm, apache-arrow) loads in the background: never before the first chart.
    expect([...report.initialJs, ...report.landingJs].map((f) => f.file).filter((f) => /wasm-db|duckdb/.test(f))).toEqual([]);
    expect(report.wasm.length).toBeGreaterThan(0);
    expect(report.totals.initialJs.gzip, formatBundleReport(report)).toBeLessThanOrEqual(report.budgetGzip);
    expect(report.totals.firstChartJs.gzip, formatBundleReport(report)).toBeLessThanOrEqual(report.ceilingGzip);
  });
});
