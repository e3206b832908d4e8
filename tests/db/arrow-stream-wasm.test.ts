/**
 * The browser's engine (duckdb-wasm, run here through its Node build) takes a stored `arrow-v1`
 * stream in one `insertArrowFromIPCStream`: every column with its type, NULL apart from '', doubles
 * to the bit, unicode, dictionaries written once across batches; a stream cut short is refused or
 * comes up short (the loader's row count then refuses it).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArrowRowsEncoder } from '../../src/core/user-data/stored-rows-arrow.ts';
import { streamPieces } from '../../src/core/user-data/stored-rows-pieces.ts';
import { STORED_ROW_COLUMNS } from '../../src/core/user-data/stored-rows.ts';
import { syntheticRows, userObservation } from './user-dataset-fixture.ts';

const require = createRequire(import.meta.url);
type BlockingModule = typeof import('@duckdb/duckdb-wasm/blocking');
const duckdb = require('@duckdb/duckdb-wasm/blocking') as BlockingModule;
const wasm = (name: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${name}`);

let db: Awaited<ReturnType<BlockingModule['createDuckDB']>>;
let connection: ReturnType<typeof db.connect>;
beforeAll(async () => {
  db = await duckdb.createDuckDB({ mvp: { mainModule: wasm('duckdb-mvp.wasm'), mainWorker: '' }, eh: { mainModule: wasm('duckdb-eh.wasm'), mainWorker: '' } },
    new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  connection = db.connect();
}, 120_000);
afterAll(() => { connection?.close(); db?.reset(); });

const rowsOf = (sql: string): Array<Record<string, unknown>> => connection.query(sql).toArray().map((r) => ({ ...(r as { toJSON(): Record<string, unknown> }).toJSON() }));

describe('duckdb-wasm reads the stored Arrow stream', () => {
  const evil = "<img src=x onerror=alert(1)>'; DROP TABLE observations; --\n\"引号\",逗号 𠮷";
  const special = [
    userObservation({ value: null, source_row: null, quote: evil, region_name: '', unit: '', source_column: '' }),
    userObservation({ value: 0.1 + 0.2, region_name: '测试县', flags: ['rate_mismatch', 'x'], quote: '' }),
  ];
  const rows = [...syntheticRows(2_500), ...special];

  it('loads every row and column with its type, in one insert of the whole stream (three batches, dictionaries once)', () => {
    const encoder = new ArrowRowsEncoder();
    for (let start = 0; start < rows.length; start += 1_000) encoder.add(rows, start, start + 1_000);
    connection.insertArrowFromIPCStream(encoder.finish(), { name: 'staging_whole', create: true });
    expect(rowsOf("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'staging_whole' ORDER BY ordinal_position"))
      .toEqual(STORED_ROW_COLUMNS.map((c) => ({
        column_name: c, data_type: ['ordinal', 'year', 'span_start', 'span_end', 'quote_start', 'source_row'].includes(c) ? 'INTEGER' : c === 'value' ? 'DOUBLE' : 'VARCHAR',
      })));
    expect(rowsOf('SELECT count(*)::INTEGER AS n, count(DISTINCT ordinal)::INTEGER AS ordinals, count(value)::INTEGER AS values, sum(value) FILTER (WHERE ordinal <= 2500) AS total FROM staging_whole'))
      .toEqual([{ n: 2_502, ordinals: 2_502, values: 2_501, total: (2_499 * 2_500) / 2 }]);
    const [nullRow, textRow] = rowsOf('SELECT * FROM staging_whole WHERE ordinal > 2500 ORDER BY ordinal');
    expect(nullRow).toMatchObject({ ordinal: 2_501, value: null, source_row: null, quote: evil, region_name: '', unit: '', source_column: '', inputs: '', flags: '' });
    expect(textRow).toMatchObject({ ordinal: 2_502, region_name: '测试县', flags: 'rate_mismatch; x', quote: '' });
    // the double read back is the same 64 bits (0.30000000000000004, not 0.3)
    expect(Object.is(textRow!.value, 0.1 + 0.2)).toBe(true);
    expect(rowsOf("SELECT count(*)::INTEGER AS n FROM staging_whole WHERE region_name IS NULL OR quote IS NULL OR unit IS NULL")).toEqual([{ n: 0 }]);
  });

  it('refuses a stream cut short, or keeps fewer rows than were stored', () => {
    const stream = (() => { const e = new ArrowRowsEncoder(); e.add(rows, 0, 1_000); e.add(rows, 1_000, 2_502); return e.finish(); })();
    const cut = stream.slice(0, Math.floor(stream.length * 0.6));
    let loaded: number | null;
    try {
      connection.insertArrowFromIPCStream(cut, { name: 'staging_cut', create: true });
      loaded = rowsOf('SELECT count(*)::INTEGER AS n FROM staging_cut')[0]!.n as number;
    } catch {
      loaded = null; // refused outright
    }
    expect(loaded === null || loaded < rows.length).toBe(true);
  });

  it('builds the same table from the stream cut into pieces (created by the first, appended by the rest) as from the whole', () => {
    const encoder = new ArrowRowsEncoder();
    for (let start = 0; start < rows.length; start += 1_000) encoder.add(rows, start, start + 1_000);
    const stream = encoder.finish();
    // A connection of its own: the cut stream above left its connection waiting for the rest of that stream.
    const fresh = db.connect();
    fresh.insertArrowFromIPCStream(stream.slice(), { name: 'staging_once', create: true });
    const pieces = [...streamPieces(stream)];
    expect(pieces).toHaveLength(3);
    pieces.forEach((piece, i) => fresh.insertArrowFromIPCStream(piece, { name: 'staging_pieces', create: i === 0 }));
    fresh.close();
    const all = 'SELECT * FROM {t} ORDER BY ordinal';
    const once = rowsOf(all.replace('{t}', 'staging_once'));
    expect(once).toHaveLength(rows.length);
    expect(rowsOf(all.replace('{t}', 'staging_pieces'))).toEqual(once);
    expect(rowsOf("SELECT count(*)::INTEGER AS n FROM (SELECT * FROM staging_pieces EXCEPT ALL SELECT * FROM staging_once)")).toEqual([{ n: 0 }]);
  });
});
