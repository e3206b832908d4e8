/**
 * `tsx scripts/add-place-files.ts --data <dir>`: adds the per-place files (src/db/place-files.ts) to a
 * partitioned dataset written before they existed, and indexes them in its manifest.json. The same
 * writer as `npm run gen:synthetic` (scripts/lib/write-place-files.ts), from the partitions' rows, so
 * a national dataset (6–16 min to generate on a loaded machine) need not be generated again.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseManifest } from '../src/db/sources/manifest.ts';
import { writePlaceFiles } from './lib/write-place-files.ts';

const { values: args } = parseArgs({ options: { data: { type: 'string' } } });
if (!args.data) throw new Error('usage: tsx scripts/add-place-files.ts --data <partitioned dataset dir>');
const out = resolve(args.data);
const raw = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const manifest = parseManifest(raw);
if (manifest.layout !== 'hive-parquet') throw new Error(`${out}: not a partitioned (hive-parquet) dataset`);

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const started = performance.now();
// One thread: with more, how COPY … PARTITION_BY splits a partition into files depends on scheduling.
const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const db = await instance.connect();
try {
  for (const table of ['observations', 'reports'] as const) {
    const paths = manifest.partitions.flatMap((p) => p.files.filter((f) => f.table === table).map((f) => lit(join(out, f.path))));
    await db.run(`CREATE TABLE ${table} AS SELECT * FROM read_parquet([${paths.join(', ')}], hive_partitioning = false)`);
  }
  const places = await writePlaceFiles(db, out);
  // The index goes before the partition list, where gen-synthetic puts it.
  const { partitions, ...rest } = raw;
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ ...rest, places, partitions }, null, 1)}\n`);
  console.log(`${places.regions.length} places' files → ${join(out, places.dir)} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
} finally {
  db.closeSync();
  instance.closeSync();
}
