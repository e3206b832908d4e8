/** A stored Arrow stream cut into self-contained pieces: every row once, in order, each piece readable alone. */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ArrowRowsEncoder, arrowRowsStream, decodeArrowRows } from '../../../src/core/user-data/stored-rows-arrow.ts';
import { planStreamPieces, streamPieces } from '../../../src/core/user-data/stored-rows-pieces.ts';
import type { UserObservation } from '../../../src/core/user-data/types.ts';
import { syntheticRows } from '../../db/user-dataset-fixture.ts';

function encoded(rows: readonly UserObservation[], batch: number): Uint8Array {
  const encoder = new ArrowRowsEncoder();
  for (let start = 0; start < rows.length; start += batch) encoder.add(rows, start, start + batch);
  return encoder.finish();
}

describe('stored rows cut into pieces', () => {
  const rows = syntheticRows(2500);
  const stream = encoded(rows, 1000);

  it('makes one piece per record batch when the dictionaries are small; the pieces hold every row once, in order', () => {
    const pieces = [...streamPieces(stream)];
    expect(pieces).toHaveLength(3);
    // Each piece alone is a stream a reader takes whole (its own schema and dictionaries).
    expect(pieces.map((p) => tableFromIPC(p).numRows)).toEqual([1000, 1000, 500]);
    expect(pieces.flatMap((p) => decodeArrowRows(p))).toEqual(decodeArrowRows(stream));
    expect(pieces.flatMap((p) => decodeArrowRows(p))).toEqual(rows);
    // Each piece is its own buffer (duckdb-wasm detaches what it is given), never a view of the stored bytes.
    for (const piece of pieces) expect(piece.buffer).not.toBe(stream.buffer);
  });

  it('groups batches when asked for fewer pieces, keeping the order', () => {
    const pieces = [...streamPieces(stream, 2)];
    expect(pieces.map((p) => tableFromIPC(p).numRows)).toEqual([1000, 1500]);
    expect(pieces.flatMap((p) => decodeArrowRows(p))).toEqual(rows);
  });

  it('makes fewer pieces when the dictionaries are large, so their repeats stay under a quarter of the batches', () => {
    // Every row a different table quote: that column's dictionary is as large as the rows.
    const distinct = syntheticRows(2500).map((o, i) => ({ ...o, table_quote: `第 ${i} 行的原文,每行不同 ${'文'.repeat(40)}` }));
    const bytes = encoded(distinct, 250);
    const plan = planStreamPieces(bytes)!;
    expect(plan.batches).toBe(10);
    const prefix = plan.prefix.end - plan.prefix.start;
    const batchBytes = plan.groups[plan.groups.length - 1]!.end - plan.groups[0]!.start;
    expect(prefix * (plan.groups.length - 1)).toBeLessThanOrEqual(0.25 * batchBytes);
    expect(plan.groups.length).toBeLessThan(10);
    expect([...streamPieces(bytes)].flatMap((p) => decodeArrowRows(p))).toEqual(distinct);
  });

  it('keeps a stream it cannot cut whole: no batches, damaged framing, not Arrow', () => {
    const empty = arrowRowsStream([]);
    expect(planStreamPieces(empty)).toBeNull();
    expect([...streamPieces(empty)]).toEqual([empty]);
    const truncated = stream.subarray(0, stream.length - 100);
    expect(planStreamPieces(truncated)).toBeNull();
    expect([...streamPieces(truncated)][0]).toBe(truncated);
    const text = new TextEncoder().encode('region_code,year\n110101,2020\n');
    expect(planStreamPieces(text)).toBeNull();
  });
});
