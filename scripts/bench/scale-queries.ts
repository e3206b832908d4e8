/**
 * `tsx scripts/bench/scale-queries.ts [--data .tmp/synthetic-national] [--runs 7] [--threads 1] [--scope loaded|all]`
 *
 * The dashboard's typed queries (src/db/queries) timed under @duckdb/node-api on a partitioned
 * dataset (npm run gen:synthetic), with one thread by default like duckdb-wasm. Tables are built
 * as the browser's partitioned source builds them: regions and indicators from CSV, `coverage`
 * from its shipped file, observations and reports from the partitions a view would load
 * (`--scope loaded`: one province, all years + every province for the last two years; `all`:
 * everything). Prints the median and the slowest run of each query; no assertion (a benchmark).
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { plainRow, type Db, type SqlParam } from '../../src/db/db.ts';
import { CREATE_EMPTY_COVERAGE_SQL } from '../../src/db/pre-aggregates.ts';
import { compareFigures, compareYears, latestYearCoverage } from '../../src/db/queries/compare.ts';
import { countRegions, regionsWithIndicator } from '../../src/db/queries/regions.ts';
import { listIndicators } from '../../src/db/queries/indicators.ts';
import { listPlaces, peerMembers, type PeerSpec } from '../../src/db/queries/peers.ts';
import { datasetYears, peerStandings, profileFigures } from '../../src/db/queries/profile.ts';
import { observationSiblings } from '../../src/db/queries/provenance.ts';
import { trendPoints } from '../../src/db/queries/trend.ts';
import { TABLES, emptyTableSql, loadTableSql } from '../../src/db/schema.ts';
import { SHIPPED_ONLY_VIEW_SQL, physicalTableName } from '../../src/db/observations-view.ts';
import { parseManifest } from '../../src/db/sources/manifest.ts';
import { ALL, peerScope, placesScope, selectPartitions, type Scope } from '../../src/db/sources/scope.ts';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '.tmp/synthetic-national' },
    runs: { type: 'string', default: '7' },
    threads: { type: 'string', default: '1' },
    scope: { type: 'string', default: 'loaded' },
  },
});
const dir = resolve(args.data);
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
if (manifest.layout !== 'hive-parquet') throw new Error(`${dir} is not a partitioned dataset (manifest layout ${manifest.layout})`);

const instance = await DuckDBInstance.create(':memory:', { threads: args.threads });
const connection = await instance.connect();
const db: Db = {
  async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const statement = await connection.prepare(sql);
    if (params.length > 0) statement.bind(params as DuckDBValue[]);
    return (await statement.runAndReadAll()).getRowObjectsJS().map((row) => plainRow(row) as T);
  },
  async exec(sql: string): Promise<void> { await connection.run(sql); },
};

const FOCUS = '440103'; // 荔湾区 (Guangdong): a real code, synthetic figures
const INDICATOR = 'mediation.cases';
const years = manifest.partitions.map((p) => p.year);
const last = Math.max(...years);
// What Trends + Compare ("all", two years) + Profile of one place leave loaded in the browser.
const scopes: Scope[] = args.scope === 'all' ? [ALL] : [placesScope([FOCUS]), peerScope({ group: 'all', focus: FOCUS, custom: [] }, [last, last - 1])];

const loadStarted = performance.now();
for (const table of TABLES) {
  await db.exec(manifest.csv.includes(table.file) ? loadTableSql(table, join(dir, table.file)) : emptyTableSql(table));
}
await db.exec(SHIPPED_ONLY_VIEW_SQL); // queries read the view; partitions go into the shipped table under it
await db.exec(CREATE_EMPTY_COVERAGE_SQL);
for (const s of manifest.summaries) await db.exec(`INSERT INTO coverage BY NAME SELECT * FROM read_parquet(${lit(join(dir, s.path))})`);
const partitions = [...new Set(scopes.flatMap((s) => selectPartitions(manifest.partitions, s)))];
for (const table of ['observations', 'reports'] as const) {
  const files = partitions.flatMap((p) => p.files.filter((f) => f.table === table).map((f) => lit(join(dir, f.path))));
  const columns = Object.keys(TABLES.find((t) => t.name === table)!.columns).map((c) => `"${c}"`).join(', ');
  if (files.length > 0) await db.exec(`INSERT INTO ${physicalTableName(table)} (${columns}) SELECT ${columns} FROM read_parquet([${files.join(', ')}], hive_partitioning = false)`);
}
const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM observations') as [{ n: number }];
console.log(`${manifest.synthetic ? 'SYNTHETIC ' : ''}dataset ${dir}: ${partitions.length}/${manifest.partitions.length} partitions loaded, ${n.toLocaleString('en')} observation rows, threads=${args.threads}, ${Math.round(performance.now() - loadStarted)} ms to load`);

const peers = (group: PeerSpec['group']): PeerSpec => ({ group, focus: FOCUS, custom: [] });
const trendPlaces = ['440103', '440104', '440105', '440106', '440111'];
const [obs] = await db.query<{ obs_id: string }>('SELECT obs_id FROM observations WHERE region_code = ? AND indicator_id = ? LIMIT 1', [FOCUS, INDICATOR]);

const CASES: [string, () => Promise<unknown>][] = [
  ['listIndicators (coverage)', () => listIndicators(db)],
  ['countRegions', () => countRegions(db)],
  ['regionsWithIndicator (coverage)', () => regionsWithIndicator(db, INDICATOR)],
  ['listPlaces', () => listPlaces(db)],
  ['latestYearCoverage (coverage)', () => latestYearCoverage(db)],
  ['datasetYears (coverage)', () => datasetYears(db)],
  ['peerMembers all', () => peerMembers(db, peers('all'))],
  ['trendPoints 5 places', () => trendPoints(db, INDICATOR, trendPlaces)],
  ['compareYears all (coverage)', () => compareYears(db, INDICATOR, peers('all'))],
  ['compareFigures province, 2 years', () => compareFigures(db, INDICATOR, [last, last - 1], peers('province'))],
  ['compareFigures all, 2 years', () => compareFigures(db, INDICATOR, [last, last - 1], peers('all'))],
  ['profileFigures', () => profileFigures(db, FOCUS)],
  ['peerStandings province', () => peerStandings(db, peers('province'))],
  ['peerStandings all', () => peerStandings(db, peers('all'))],
  ['observationSiblings', () => observationSiblings(db, obs!.obs_id)],
];

const runs = Number(args.runs);
// CPU time of this process (DuckDB's one thread included) next to wall time: on a shared machine the
// wall time includes waiting for a core; the CPU time is what the query costs.
console.log(`query (median / max of ${runs} runs, wall ms; median CPU ms; rows)`);
for (const [name, run] of CASES) {
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    const result = await run();
    times.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    rows = Array.isArray(result) ? result.length : 1;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log(`  ${name.padEnd(36)} ${times[Math.floor(runs / 2)]!.toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)} ${cpu[Math.floor(runs / 2)]!.toFixed(1).padStart(8)}  ${rows}`);
}
connection.closeSync();
instance.closeSync();
