/**
 * `npm run bench:scale-views`: the Coverage and Data views' queries at national scale, on a
 * SYNTHETIC ≈ 3 M-row dataset generated in memory (scale-views-data.ts), under @duckdb/node-api.
 * Prints ms p50 / p95 over REPS runs (after one warm-up) for the coverage queries, the pure grid
 * builder, and the Data table's pages (first, 10th, last) by OFFSET (before) and by key (after),
 * for every sort, without and with filters, then a chunked CSV export. Runs twice: with DuckDB's
 * default threads and with `SET threads = 1` (duckdb-wasm in the browser is single-threaded and
 * slower than native, so even the threads=1 figures are a lower bound for the browser).
 *
 *   REPS=5 THREADS=both|default|1 npm run bench:scale-views
 */
import { performance } from 'node:perf_hooks';
import { buildCoverageGrid, type GridIndicator } from '../../src/charts/coverage-grid.ts';
import { coverageCells, coveragePlaces, coverageSummary, dataYears } from '../../src/db/queries/coverage.ts';
import { dataCount, dataPageAt, NO_FILTERS, SORTS, type DataFilters, type PageAt } from '../../src/db/queries/data-table.ts';
import { exportCsvParts } from '../../src/features/data/data-csv.ts';
import { MESSAGES } from '../../src/features/i18n/messages.ts';
import { openBenchDb, SYNTH, type BenchDb } from './scale-views-data.ts';

const REPS = Number(process.env.REPS ?? 5);
const PAGE = 50;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function time(label: string, run: () => Promise<unknown>, reps = REPS): Promise<void> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} p50 ${quantile(ms, 0.5).toFixed(1).padStart(8)}  p95 ${quantile(ms, 0.95).toFixed(1).padStart(8)}`);
}

async function coverage(db: BenchDb): Promise<void> {
  console.log('-- Coverage');
  await time('coveragePlaces', () => coveragePlaces(db));
  await time('dataYears', () => dataYears(db));
  await time('coverageCells (all years)', () => coverageCells(db, null));
  await time('coverageCells (one year)', () => coverageCells(db, SYNTH.firstYear + 5));
  await time('coverageSummary (all years)', () => coverageSummary(db, null));
  const places = await coveragePlaces(db);
  const indicators = await db.query<GridIndicator>('SELECT indicator_id, name_zh, name_en, unit, category_zh, category_en FROM indicators');
  const cells = await coverageCells(db, null);
  const settings = { lang: 'zh' as const, year: null, hideEmpty: false, text: MESSAGES.zh.coverageGrid };
  const grid = buildCoverageGrid(places, indicators, cells, settings);
  console.log(`   ${cells.length} cells for ${grid.nPlaces} places × ${grid.columns.length} indicators, ${grid.groups.length} provinces`);
  await time(`buildCoverageGrid (${grid.nPlaces} × ${grid.columns.length}, JS)`, async () => buildCoverageGrid(places, indicators, cells, settings));
}

const FILTER_CASES: Array<[string, DataFilters]> = [
  ['no filter', NO_FILTERS],
  ['one indicator', { ...NO_FILTERS, indicatorId: 'synthetic.i042' }],
  ['part-year, place text 合成省2', { ...NO_FILTERS, period: 'part', placeText: '合成省2' }],
];

async function dataTable(db: BenchDb): Promise<void> {
  console.log('-- Data: count (once per filter; page turns do not count again)');
  for (const [name, filters] of FILTER_CASES) await time(`dataCount, ${name}`, () => dataCount(db, filters));
  console.log(`-- Data: pages of ${PAGE}, OFFSET (before) vs keyset (after)`);
  for (const [name, filters] of FILTER_CASES) {
    const total = (await dataCount(db, filters)).n_rows;
    const pages = Math.ceil(total / PAGE);
    for (const sort of SORTS) {
      const page = (at: PageAt) => dataPageAt(db, filters, sort, PAGE, at);
      const ninth = await page({ at: 'offset', offset: 8 * PAGE });
      const tag = `${name}, ${sort}`;
      await time(`${tag}: first page`, () => page({ at: 'first' }));
      await time(`${tag}: page 10 OFFSET`, () => page({ at: 'offset', offset: 9 * PAGE }));
      await time(`${tag}: page 10 keyset`, () => page({ at: 'after', key: ninth.last! }));
      await time(`${tag}: last page OFFSET (${total} rows)`, () => page({ at: 'offset', offset: (pages - 1) * PAGE }));
      await time(`${tag}: last page keyset`, () => page({ at: 'last', rows: total - (pages - 1) * PAGE }));
      const last = await page({ at: 'last', rows: total - (pages - 1) * PAGE });
      await time(`${tag}: previous from last, keyset`, () => page({ at: 'before', key: last.first! }));
    }
  }
  console.log('-- Data: CSV export, chunks of 20,000 by key');
  const filters = FILTER_CASES[1]![1];
  const rows = (await dataCount(db, filters)).n_rows;
  await time(`exportCsvParts, one indicator (${rows} rows)`, () => exportCsvParts(db, filters, 'place', () => undefined), 2);
}

async function main(): Promise<void> {
  const modes = process.env.THREADS === '1' ? [1] : process.env.THREADS === 'default' ? [null] : [null, 1];
  for (const threads of modes) {
    const start = performance.now();
    const db = await openBenchDb(threads);
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM observations')) as [{ n: number }];
    const [{ t }] = (await db.query<{ t: string }>(`SELECT current_setting('threads')::VARCHAR AS t`)) as [{ t: string }];
    console.log(`\n== SYNTHETIC dataset: ${n} observation rows, built in ${(performance.now() - start).toFixed(0)} ms; threads = ${t}; ${REPS} reps after a warm-up`);
    await coverage(db);
    await dataTable(db);
    db.close();
  }
}

await main();
