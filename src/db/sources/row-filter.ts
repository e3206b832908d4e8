/**
 * Each row once: a place's rows can arrive from its place file (place-files.ts) and from its
 * province's partitions. Whichever comes second leaves out the rows the first already inserted:
 * a partition leaves out the places whose file is loaded, a place file the years whose partition is.
 * Pure (decoded columns in, columns out), so it is tested on its own (tests/db/row-filter.test.ts).
 */
import type { Columns } from './parquet-table.ts';

const decoder = new TextDecoder();

/** A decoded text cell (UTF-8 bytes as parquet-table.ts keeps them, or text) as a string; null stays null. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Uint8Array ? decoder.decode(value) : String(value);
}

/** The rows for which `keep(i)` holds, every column cut alike; the same object when all are kept. */
export function keepRows(columns: Columns, rows: number, keep: (row: number) => boolean): { columns: Columns; rows: number } {
  const kept: number[] = [];
  for (let i = 0; i < rows; i++) if (keep(i)) kept.push(i);
  if (kept.length === rows) return { columns, rows };
  const out: Columns = {};
  for (const [name, data] of Object.entries(columns)) out[name] = kept.map((i) => data[i]);
  return { columns: out, rows: kept.length };
}

/** A partition's rows without those of places already loaded from their files. */
export function withoutPlaces(columns: Columns, rows: number, loadedPlaces: ReadonlySet<string>): { columns: Columns; rows: number } {
  const codes = columns.region_code;
  if (loadedPlaces.size === 0 || !codes) return { columns, rows };
  return keepRows(columns, rows, (i) => !loadedPlaces.has(cellText(codes[i]) ?? ''));
}

/** A place file's rows without those of years whose partition (of this place's province) is loaded. */
export function withoutYears(columns: Columns, rows: number, loadedYears: ReadonlySet<number>): { columns: Columns; rows: number } {
  const years = columns.year;
  if (loadedYears.size === 0 || !years) return { columns, rows };
  return keepRows(columns, rows, (i) => years[i] === null || years[i] === undefined || !loadedYears.has(Number(years[i])));
}
