/**
 * `npx tsx scripts/bench/table-read.ts [--mb 200]`: the table import's CSV reader (the code the
 * import worker runs) on a SYNTHETIC long-format CSV of the given size, fed in 1 MB pieces as the
 * worker feeds decoded chunks: rows, time, and the heap after reading (the rows are kept, as the
 * worker keeps them for the check). Synthetic data, benchmarks only, never shipped.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createCsvTableReader } from '../../src/core/user-data/read-table.ts';

const { values } = parseArgs({ options: { mb: { type: 'string' } } });
const target = Number(values.mb ?? 200) * 1024 * 1024;
const places = ['140223,广灵县', '140224,灵丘县', '419001,济源市'];
const reader = createCsvTableReader();
const started = performance.now();
let bytes = 0;
let i = 0;
reader.push('region_code,region_name,year,indicator_id,value\n');
while (bytes < target) {
  const lines: string[] = [];
  let piece = 0;
  while (piece < 1024 * 1024) {
    const line = `${places[i % 3]},${1990 + (i % 37)},mediation.success_rate,${(i % 1000) / 10}\n`;
    lines.push(line);
    piece += Buffer.byteLength(line);
    i += 1;
  }
  reader.push(lines.join(''));
  bytes += piece;
}
const table = reader.finish();
const ms = performance.now() - started;
globalThis.gc?.();
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
console.log(JSON.stringify({
  bench: 'table-read', synthetic: true, mb: Math.round(bytes / 2 ** 20), rows: table.rows.length, broken: table.broken.length,
  seconds: Number((ms / 1000).toFixed(1)), mbPerS: Number((bytes / 2 ** 20 / (ms / 1000)).toFixed(1)), heapAfterMb: Math.round(heapMb),
  loadAverage: loadavg().map((x) => Number(x.toFixed(2))),
}));
