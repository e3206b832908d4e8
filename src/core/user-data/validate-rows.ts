/**
 * Mapped table rows → the user's observations, or rejects that name the row, the column and the
 * reason. Nothing is dropped silently: every non-blank value cell becomes an observation or a
 * reject; blank cells ("not reported", `-`, `无`) are counted, never read as zero.
 *
 * Every problem of a row is listed (a bad place and a bad value in one row are two rejects), and a
 * row the file reader could not take apart (a bad quote, too many cells) is listed by its line.
 * An indicator cell must be a catalog id or mapped by the user (`mapping.indicatorValues`).
 *
 * Each observation keeps its provenance like a shipped row: its "quote" is the row as the file had
 * it (`header: value` pairs of the mapped cells), the span locates the value inside that quote; the
 * optional unit, quote and source columns are kept in their own fields (`table_unit`, `table_quote`,
 * `table_source`), as written.
 */
import { z } from '../zod-csp.ts';
import { getIndicator, INDICATORS, type Indicator } from '../catalog/indicators.ts';
import type { DivisionRow, RegionLookup, RegionMatch } from '../regions/region-lookup.ts';
import { checkValue, unitAgrees, type ValueProblem } from './check-value.ts';
import type { BrokenRow, BrokenRowCode } from './read-table.ts';
import { isBlankCell } from './read-cell-number.ts';
import { OPTIONAL_ROLES, type TableMapping } from './table-shape.ts';
import type { UserObservation } from './types.ts';

export type RejectCode =
  | 'region-missing' | 'region-unknown' | 'region-ambiguous'
  | 'year-missing' | 'year-invalid' | 'year-out-of-range'
  | 'indicator-missing' | 'indicator-unknown'
  | ValueProblem
  | 'duplicate'
  | `row-${BrokenRowCode}`;

export interface TableReject {
  /** 1-based row of the file (the header is row 1). */
  row: number;
  /** Header of the column at fault. */
  column: string;
  /** The cell as the file had it. */
  value: string;
  code: RejectCode;
  /** Detail for the message: candidates of an ambiguous place, the allowed years, the first row of a duplicate. */
  detail: string;
}

export interface ParsedTable {
  headers: string[];
  rows: string[][];
  /** File row number of rows[0] (2 when the header is the first row), when `rowNumbers` is not given. */
  firstRow: number;
  /** The file line each row starts on (blank lines and line breaks inside quoted cells counted). */
  rowNumbers?: readonly number[];
  /** Rows the reader could not take apart: listed as rejects by their line. */
  broken?: readonly BrokenRow[];
}

export interface ValidateOptions {
  datasetId: string;
  lookup: Pick<RegionLookup, 'match'>;
  minYear: number;
  maxYear: number;
  /** Called with the fraction of rows checked, every 50,000 rows. */
  onProgress?: (fraction: number) => void;
}

export interface ValidationResult {
  observations: UserObservation[];
  rejects: TableReject[];
  /** Value cells that were empty or said "no figure". */
  blankCells: number;
}

const RULE_ID = 'user-table';

/** A year cell: four digits (2021, 2021年, 2021.0 from a spreadsheet), within the allowed range. */
function yearSchema(minYear: number, maxYear: number) {
  return z.string().trim()
    .regex(/^\d{4}(?:年|\.0+)?$/, { message: 'year-invalid' })
    .transform((text) => Number(text.slice(0, 4)))
    .pipe(z.number().int().min(minYear, { message: 'year-out-of-range' }).max(maxYear, { message: 'year-out-of-range' }));
}

const firstIssue = (error: z.ZodError): RejectCode => (error.issues[0]?.message ?? 'value-not-numeric') as RejectCode;

const divisionLabel = (r: DivisionRow): string =>
  `${r.region_name} (${[r.province_name, r.prefecture_name].filter((n) => n && n !== r.region_name).join('')} ${r.region_code})`;

const indicatorIds = new Set(INDICATORS.map((i) => i.indicator_id));

export function validateRows(table: ParsedTable, mapping: TableMapping, options: ValidateOptions): ValidationResult {
  const { headers } = table;
  const observations: UserObservation[] = [];
  const rejects: TableReject[] = [];
  const seen = new Map<string, number>();
  const years = yearSchema(options.minYear, options.maxYear);
  const indicatorCache = new Map<string, string | null>();
  // A table repeats its places on every row and year: each distinct place text (with its context) is matched once.
  const regionCache = new Map<string, RegionMatch>();
  const matchRegion = (text: string, province: string, prefecture: string): RegionMatch => {
    const key = `${text}\u0000${province}\u0000${prefecture}`;
    let found = regionCache.get(key);
    if (!found) regionCache.set(key, (found = options.lookup.match(text, { province, prefecture })));
    return found;
  };
  let blankCells = 0;

  const cell = (row: readonly string[], index: number | null): string => (index === null ? '' : (row[index] ?? '').trim());
  const reject = (row: number, column: number | null, value: string, code: RejectCode, detail = '') =>
    rejects.push({ row, column: column === null ? '' : (headers[column] ?? ''), value, code, detail });

  // Exactly a catalog id, or what the user mapped the cell to: never a guess.
  const resolveIndicator = (text: string): string | null => {
    if (!indicatorCache.has(text)) {
      const mapped = mapping.indicatorValues.get(text) ?? null;
      indicatorCache.set(text, indicatorIds.has(text) ? text : mapped !== null && indicatorIds.has(mapped) ? mapped : null);
    }
    return indicatorCache.get(text)!;
  };

  // The value cells of one row: (column, indicator) pairs.
  const valueColumns = (row: readonly string[], rowNumber: number): Array<{ column: number; indicatorId: string }> => {
    if (mapping.format === 'wide') {
      return Object.entries(mapping.indicatorColumns)
        .filter((entry): entry is [string, string] => entry[1] !== null)
        .map(([column, indicatorId]) => ({ column: Number(column), indicatorId }));
    }
    const text = cell(row, mapping.indicator);
    if (isBlankCell(text)) {
      reject(rowNumber, mapping.indicator, text, 'indicator-missing');
      return [];
    }
    const indicatorId = resolveIndicator(text);
    if (!indicatorId) {
      reject(rowNumber, mapping.indicator, text, 'indicator-unknown');
      return [];
    }
    return [{ column: mapping.value!, indicatorId }];
  };

  table.rows.forEach((row, index) => {
    if (options.onProgress && index > 0 && index % 50_000 === 0) options.onProgress(index / table.rows.length);
    const rowNumber = table.rowNumbers?.[index] ?? table.firstRow + index;
    const columns = valueColumns(row, rowNumber);
    if (columns.length === 0) return;
    const filled = columns.filter(({ column }) => {
      if (!isBlankCell(cell(row, column))) return true;
      blankCells += 1;
      return false;
    });
    if (filled.length === 0) return;

    // Region and year are checked once per row; their failure keeps every value of the row out,
    // but the values are still checked so the row's every problem is listed at once.
    const regionText = cell(row, mapping.region);
    let region: DivisionRow | null = null;
    if (regionText === '') reject(rowNumber, mapping.region, regionText, 'region-missing');
    else {
      const found = matchRegion(regionText, cell(row, mapping.province), cell(row, mapping.prefecture));
      if (found.kind === 'match') region = found.region;
      else if (found.kind === 'ambiguous') reject(rowNumber, mapping.region, regionText, 'region-ambiguous', found.candidates.slice(0, 5).map(divisionLabel).join(' / '));
      else reject(rowNumber, mapping.region, regionText, 'region-unknown');
    }
    const yearText = cell(row, mapping.year);
    let year: number | null = null;
    if (yearText === '') reject(rowNumber, mapping.year, yearText, 'year-missing');
    else {
      const parsed = years.safeParse(yearText);
      if (parsed.success) year = parsed.data;
      else reject(rowNumber, mapping.year, yearText, firstIssue(parsed.error), `${options.minYear}–${options.maxYear}`);
    }
    const unitText = cell(row, mapping.unit);

    for (const { column, indicatorId } of filled) {
      const raw = cell(row, column);
      const indicator = getIndicator(indicatorId);
      if (!unitAgrees(unitText, indicator)) {
        reject(rowNumber, mapping.unit, unitText, 'unit-mismatch', indicator.unit);
        continue;
      }
      const checked = checkValue(raw, indicator);
      if (!checked.ok) {
        reject(rowNumber, column, raw, checked.problem, checked.detail);
        continue;
      }
      if (!region || year === null) continue;
      const key = `${region.region_code}|${year}|${indicatorId}`;
      const first = seen.get(key);
      if (first !== undefined) {
        reject(rowNumber, column, raw, 'duplicate', String(first));
        continue;
      }
      seen.set(key, rowNumber);
      observations.push(toObservation(row, rowNumber, column, indicator, checked.value, checked.approx, region, year));
    }
  });
  for (const b of table.broken ?? []) rejects.push({ row: b.row, column: '', value: b.detail, code: `row-${b.code}`, detail: b.detail });
  // Rows in file order; within a row, the order the checks ran. (Array sort is stable.)
  rejects.sort((a, b) => a.row - b.row);

  function toObservation(row: readonly string[], rowNumber: number, column: number, indicator: Indicator, value: number,
    approx: UserObservation['approx'], region: DivisionRow, year: number): UserObservation {
    const indicatorId = indicator.indicator_id;
    const quoted = [mapping.region, mapping.province, mapping.prefecture, mapping.year, mapping.format === 'long' ? mapping.indicator : null]
      .filter((c): c is number => c !== null);
    let quote = quoted.map((c) => `${headers[c] ?? ''}: ${cell(row, c)}`).join('; ');
    quote += `${quote ? '; ' : ''}${headers[column] ?? ''}: `;
    const spanStart = quote.length;
    const raw = cell(row, column);
    quote += raw;
    // The optional columns the user mapped are kept as they are, each in its own field (the source panel labels them).
    const optional = Object.fromEntries(OPTIONAL_ROLES.map((role) => [role, cell(row, mapping[role])])) as Record<(typeof OPTIONAL_ROLES)[number], string>;
    return {
      region_code: region.region_code,
      region_name: region.region_name,
      year,
      period: 'year',
      indicator_id: indicatorId,
      value,
      unit: indicator.unit,
      approx,
      value_kind: 'reported',
      report_id: options.datasetId,
      quote,
      span_start: spanStart,
      span_end: spanStart + raw.length,
      quote_start: 0,
      rule_id: RULE_ID,
      derivation: '',
      inputs: [],
      flags: [],
      source_row: rowNumber,
      source_column: headers[column] ?? '',
      table_quote: optional.quote,
      table_unit: optional.unit,
      table_source: optional.source,
    };
  }

  return { observations, rejects, blankCells };
}
