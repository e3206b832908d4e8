/**
 * Per-place files (issue 12, national scale): every observation row of one place (every indicator ×
 * year, with quote, span, report, flags: all the columns of `observations`) and that place's reports,
 * so Trends adding a place, the Profile opening one and the source panel of a figure drawn from a tile
 * fetch that place's ≈ 25 KB instead of its province's ten years of partitions (0.4–4.4 MB on the
 * synthetic nation). One file per place, not per prefecture: measured in docs/BENCHMARKS.md
 * ("National scale: place files").
 *
 * The files hold rows, not answers: the very rows the partitions hold, so every query (and the pick
 * rule in it, pick-rule.ts) runs unchanged on them (tests/db/place-files.test.ts proves a view reads the
 * same from either). The partitioned source keeps each row once when both a place's file and a
 * partition holding it are loaded (sources/row-filter.ts).
 *
 * Written by the publisher (scripts/lib/write-place-files.ts: DuckDB's COPY … PARTITION_BY
 * (region_code)), indexed by the manifest's optional `places` (`dir`, the places that have a file).
 */
import { TABLES, type TableSpec } from './schema.ts';

/** The tables a place file exists for: the rows and the reports they cite. */
export const PLACE_FILE_TABLES = ['observations', 'reports'] as const;
export type PlaceFileTable = (typeof PLACE_FILE_TABLES)[number];

/** The columns read from a place file: exactly those read from a partition (schema.ts). */
export const placeFileSpec = (table: PlaceFileTable): TableSpec => TABLES.find((t) => t.name === table)!;

/** Where a place's file of a table lives inside the dataset (DuckDB's Hive naming, as the publisher's COPY writes it). */
export const placeFilePath = (dir: string, table: PlaceFileTable, regionCode: string): string =>
  `${dir}/${table}/region_code=${regionCode}/data_0.parquet`;

/**
 * The rows of a table to write per place, from `from` (a table with the partitions' rows): the
 * partitions' own columns except `province` (the place implies it), ordered so a place's rows sit
 * together (one file each) and its indicators' years are adjacent (Parquet compresses them better).
 */
export const placeFileSelect = (table: PlaceFileTable, from: string = table): string => {
  const order = table === 'observations' ? 'region_code, indicator_id, year, obs_id' : 'region_code, year, report_id';
  return `SELECT * EXCLUDE (province) FROM ${from} WHERE region_code IS NOT NULL ORDER BY ${order}`;
};
