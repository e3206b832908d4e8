/**
 * arrowRows (src/db/arrow-rows.ts) on a table shaped like Compare's figures among all places of the
 * synthetic nation (5,600 rows: two years × 2,800 places; the columns the figures query returns, values
 * as the synthetic data has them), against reading every column through the vector (the path before
 * ASCII text columns were decoded in one call). Interleaved, warm, in Node's V8; prints medians.
 *
 * Usage: npx tsx scripts/bench/arrow-rows.ts [--rows N] [--rounds N]
 */
import { parseArgs } from 'node:util';
import { Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, Utf8, vectorFromArray, type DataType } from 'apache-arrow';
import { arrowRows } from '../../src/db/arrow-rows.ts';
import { plainValue } from '../../src/db/db.ts';

const { values } = parseArgs({ options: { rows: { type: 'string' }, rounds: { type: 'string' } } });
const n = Number(values.rows ?? 5600);
const rounds = Number(values.rounds ?? 30);

const text = (name: string, f: (i: number) => string): [Field, DataType, unknown[]] => [new Field(name, new Utf8(), true), new Utf8(), Array.from({ length: n }, (_, i) => f(i))];
const columns: [Field, DataType, unknown[]][] = [
  text('obs_id', (i) => `syn-${510000 + (i % 2800)}-${2022 + (i % 2)}-55`), text('region_code', (i) => String(510000 + (i % 2800))),
  text('region_name', (i) => `合成县${i % 2800}`), text('name_pinyin', (i) => `Hecheng ${i % 2800}`), [new Field('year', new Int32(), true), new Int32(), Array.from({ length: n }, (_, i) => 2022 + (i % 2))],
  text('period', () => 'year'), [new Field('value', new Float64(), true), new Float64(), Array.from({ length: n }, (_, i) => i * 1.5)], text('unit', () => '件'),
  text('approx', () => 'exact'), text('value_kind', () => 'reported'), text('flags', () => ''), text('derivation', () => ''),
  [new Field('n_candidates', new Int32(), true), new Int32(), Array.from({ length: n }, () => 1)], text('report_id', (i) => `syn-${510000 + (i % 2800)}-${2022 + (i % 2)}`),
  text('origin', () => 'shipped'),
];
const fields = columns.map(([f]) => f);
const children = columns.map(([, type, data]) => vectorFromArray(data, type).data[0]!);
const table = new Table(new Schema(fields), [new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: n, nullCount: 0, children }))]);

/** Every column through the vector, as arrowRows read them before. */
function perValue(t: Table): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = Array.from({ length: t.numRows }, () => ({}));
  t.schema.fields.forEach((field, index) => {
    let i = 0;
    for (const value of t.getChildAt(index)!) rows[i++]![field.name] = plainValue(value);
  });
  return rows;
}

const time = (f: () => unknown): number => { const t0 = performance.now(); f(); return performance.now() - t0; };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
if (JSON.stringify(perValue(table)) !== JSON.stringify(arrowRows(table))) throw new Error('the two paths differ');
const before: number[] = [];
const after: number[] = [];
for (let r = 0; r < rounds; r += 1) { before.push(time(() => perValue(table))); after.push(time(() => arrowRows(table))); }
console.log(`${n} rows × ${fields.length} columns, ${rounds} rounds interleaved: per value ${median(before).toFixed(1)} ms, ASCII columns at once ${median(after).toFixed(1)} ms (medians)`);
