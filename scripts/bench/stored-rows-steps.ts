/**
 * `npx tsx scripts/bench/stored-rows-steps.ts [--rows N]`: where a stored dataset's load goes in the
 * browser's engine (duckdb-wasm's Node build, single-threaded like the page), step by step, on the
 * shipped tables plus N SYNTHETIC user rows (benchmarks only, never shipped; a distinct quote per row
 * like a real table's). Runs the real loader (src/db/stored-datasets.ts) and prints its step measures
 * (`atlas:user-rows-step`) and the start-up's coverage recompute as one JSON line with the load average.
 *
 * `--datasets N [--rows-each K] [--one-by-one]`: instead, N small SYNTHETIC datasets (synthetic-datasets.ts),
 * loaded together as start-up loads them, or (`--one-by-one`) one load per dataset as start-up did before:
 * one process per mode, run them interleaved to compare.
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { plainRow, withSql, type Db, type SqlParam } from '../../src/db/db.ts';
import { createTables } from '../../src/db/schema.ts';
import { recomputeCoverage } from '../../src/db/pre-aggregates.ts';
import { prepareUserTables } from '../../src/db/user-rows.ts';
import { insertStoredDataset, insertStoredDatasets } from '../../src/db/stored-datasets.ts';
import { syntheticDatasets } from './synthetic-datasets.ts';
import { arrowRowsStream } from '../../src/core/user-data/stored-rows-arrow.ts';
import { ArrowRowsEncoder } from '../../src/core/user-data/stored-rows-arrow.ts';
import { ARROW_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta } from '../../src/core/user-data/stored-rows.ts';
import type { UserDataset, UserObservation } from '../../src/core/user-data/types.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
type BlockingModule = typeof import('@duckdb/duckdb-wasm/blocking');
const duckdb = require('@duckdb/duckdb-wasm/blocking') as BlockingModule;
const wasm = (name: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${name}`);

/** SYNTHETIC rows shaped like an imported long table's: distinct place × year × indicator, a quote each. */
function syntheticRows(n: number, reportId: string): UserObservation[] {
  return Array.from({ length: n }, (_, i) => {
    const code = String(110101 + (i % 2800)), year = 1990 + (Math.floor(i / 2800) % 36), indicator = `synthetic.${Math.floor(i / 100_800)}`;
    return {
      region_code: code, region_name: '', year, period: 'year', indicator_id: indicator, value: i % 5000, unit: '件', approx: 'exact',
      value_kind: 'reported', report_id: reportId, quote: `region_code: ${code}; year: ${year}; indicator_id: ${indicator}; value: ${i % 5000}`,
      span_start: 0, span_end: 0, rule_id: 'user-table', quote_start: 0, derivation: '', inputs: [], flags: [], source_row: i + 2,
      source_column: 'value', table_quote: '', table_unit: '', table_source: '',
    };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, datasets: { type: 'string' }, 'rows-each': { type: 'string' }, 'one-by-one': { type: 'boolean' } } });
  const datasets = Number(values.datasets ?? 0);
  const rows = datasets > 0 ? datasets * Number(values['rows-each'] ?? 2) : Number(values.rows ?? 100_000);
  const instance = await duckdb.createDuckDB({ mvp: { mainModule: wasm('duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: wasm('duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await instance.instantiate();
  instance.open({ query: { castBigIntToDouble: true } });
  const connection = instance.connect();
  const db: Db = {
    query: async <T>(sql: string, params: readonly SqlParam[] = []) => withSql(sql, params, async () => {
      const statement = connection.prepare(sql);
      try {
        return statement.query(...params).toArray().map((r) => plainRow((r as { toJSON(): Record<string, unknown> }).toJSON()) as T);
      } finally { statement.close(); }
    }),
    exec: async (sql: string) => { await withSql(sql, [], async () => { connection.query(sql); }); },
  };
  await createTables((sql) => db.exec(sql), (table) => join(REPO, 'public/data', table.file));
  await prepareUserTables(db, {
    insertArrowStream: async (table, stream, create) => { connection.insertArrowFromIPCStream(stream, { name: table, create }); },
    register: async (name, text) => { instance.registerFileText(name, text); return name; },
    registerBytes: async (name, bytes) => { instance.registerFileBuffer(name, bytes); return name; },
    drop: async (name) => { instance.dropFile(name); },
  });
  await recomputeCoverage(db);
  if (datasets > 0) {
    const blobs = syntheticDatasets(REPO, datasets, rows / datasets).map((d) => {
      const bytes = arrowRowsStream(d.observations);
      return { meta: storedRowsMeta(d, { format: ARROW_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: d.observations.length, byteLength: bytes.length, sha256: '' }), rows: bytes };
    });
    // A query over the view before and after (the same query): what each dataset's branch of the view costs every query.
    const countSql = "SELECT count(*)::INTEGER AS n FROM observations WHERE origin = 'user'";
    const emptyStarted = performance.now();
    await db.query(countSql);
    const beforeCountMs = performance.now() - emptyStarted;
    const loadBefore = loadavg();
    performance.clearMeasures();
    const started = performance.now();
    if (values['one-by-one']) for (const { meta, rows: bytes } of blobs) await insertStoredDataset(db, meta, bytes, async () => () => null);
    else await insertStoredDatasets(db, blobs, async () => () => null);
    const loadedMs = performance.now() - started;
    const coverageStarted = performance.now();
    await recomputeCoverage(db);
    const coverageMs = performance.now() - coverageStarted;
    const queryStarted = performance.now();
    const [answer] = await db.query<{ n: number }>(countSql);
    const queryMs = performance.now() - queryStarted;
    const steps = performance.getEntriesByName('atlas:user-rows-step').reduce<Record<string, number>>((sum, e) => {
      const name = String((e as PerformanceMeasure).detail);
      sum[name] = Math.round((sum[name] ?? 0) + e.duration);
      return sum;
    }, {});
    console.log(JSON.stringify({
      bench: 'stored-rows-steps', engine: 'duckdb-wasm (Node)', synthetic: true, datasets, rows, mode: values['one-by-one'] ? 'one-by-one' : 'together',
      loadMs: Math.round(loadedMs), steps, coverageRecomputeMs: Math.round(coverageMs), userRowsCountMs: { withoutDatasets: Math.round(beforeCountMs), after: Math.round(queryMs) }, answer: answer?.n,
      loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) },
    }));
    connection.close();
    return;
  }
  const id = 'user-20261206-bench';
  const dataset: UserDataset = {
    id, kind: 'table', fileName: 'synthetic.csv', importedAt: '2026-12-06T00:00:00.000Z', encoding: 'UTF-8', observations: syntheticRows(rows, `${id}-r1`),
    reports: [{ meta: { id: `${id}-r1`, region_code: '', region_name: '', year: 2020, publisher: '', publisher_kind: 'other', source_kind: 'other', title: 'synthetic.csv', url: '', published: '', coverage: 'excerpt' }, body: '' }],
  };
  const encoder = new ArrowRowsEncoder();
  for (let start = 0; start < rows; start += 25_000) encoder.add(dataset.observations, start, Math.min(rows, start + 25_000));
  const bytes = encoder.finish();
  const meta = storedRowsMeta(dataset, { format: ARROW_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: rows, byteLength: bytes.length, sha256: '' });
  const loadBefore = loadavg();
  performance.clearMeasures();
  const started = performance.now();
  await insertStoredDataset(db, meta, bytes, async () => () => null);
  const loadedMs = performance.now() - started;
  const coverageStarted = performance.now();
  await recomputeCoverage(db);
  const coverageMs = performance.now() - coverageStarted;
  const queryStarted = performance.now();
  const [answer] = await db.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM observations WHERE origin = 'user' AND year = 2000");
  const queryMs = performance.now() - queryStarted;
  console.log(JSON.stringify({
    bench: 'stored-rows-steps', engine: 'duckdb-wasm (Node)', synthetic: true, rows, blobMb: Number((bytes.length / 2 ** 20).toFixed(1)),
    loadMs: Math.round(loadedMs),
    steps: performance.getEntriesByName('atlas:user-rows-step').map((e) => ({ step: (e as PerformanceMeasure).detail as string, ms: Math.round(e.duration) })),
    coverageRecomputeMs: Math.round(coverageMs), firstQueryMs: Math.round(queryMs), answer: answer?.n,
    loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: loadavg().map((x) => Number(x.toFixed(2))) },
  }));
  connection.close();
}

await main();
