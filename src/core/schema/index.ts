/**
 * The dataset schema: one declaration per table (tables.ts), and the types derived from it. Import
 * the schema from here.
 */
import type { LoadedRowOf, RowOf } from './table.ts';
import type { APPROX, COVERAGES, DIVISIONS, INDICATORS_TABLE, OBSERVATIONS, ORIGINS, PUBLISHER_KINDS, REGIONS, SOURCE_KINDS, REJECTS, REPORTS, VALUE_KINDS } from './tables.ts';

export * from './column.ts';
export * from './table.ts';
export * from './tables.ts';

export type Approx = (typeof APPROX)[number];
export type ValueKind = (typeof VALUE_KINDS)[number];
export type PublisherKind = (typeof PUBLISHER_KINDS)[number];
export type Coverage = (typeof COVERAGES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Origin = (typeof ORIGINS)[number];

export type ObservationRow = RowOf<typeof OBSERVATIONS>;
/** An observation in the dashboard's DuckDB: the file's columns and the user columns. */
export type LoadedObservationRow = LoadedRowOf<typeof OBSERVATIONS>;
export type ReportRow = RowOf<typeof REPORTS>;
export type RegionRow = RowOf<typeof REGIONS>;
export type IndicatorRow = RowOf<typeof INDICATORS_TABLE>;
export type RejectRow = RowOf<typeof REJECTS>;
export type DivisionRow = RowOf<typeof DIVISIONS>;
