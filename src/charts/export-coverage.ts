/**
 * The Coverage grid as CSV: one record per place × indicator shown (the grid's rows and columns in
 * its order, collapsed provinces included; empty cells too, as "not reported"), with the years that
 * have a whole-year figure, only part-year figures, or only a qualitative statement. Pure.
 */
import type { CoverageCell, CoveragePlace } from '../db/queries/coverage.ts';
import type { CellState, CoverageGrid } from './coverage-grid.ts';

export const COVERAGE_CSV_COLUMNS = [
  'province_name', 'prefecture_name', 'region_code', 'region_name', 'name_pinyin', 'category', 'indicator_id', 'indicator', 'unit',
  'year_filter', 'status', 'whole_years', 'n_whole_years', 'part_year_only_years', 'n_part_year_only_years',
  'qualitative_only_years', 'n_qualitative_only_years', 'n_obs',
] as const;

export type CoverageCsvRow = Record<(typeof COVERAGE_CSV_COLUMNS)[number], string | number | null>;

/** `status`: the cell's state as the grid draws it (a whole-year figure in any year wins). */
export const COVERAGE_STATUS: Record<CellState, string> = { whole: 'whole_year', part: 'part_year_only', qual: 'qualitative_only', empty: 'not_reported' };

const years = (ys: readonly number[]) => ys.join('; ');

/** The grid's cells as records; `year` is the grid's year filter (null: all years). */
export function coverageCsvRows(
  grid: CoverageGrid, places: readonly CoveragePlace[], cells: readonly CoverageCell[], year: number | null,
): CoverageCsvRow[] {
  const placeOf = new Map(places.map((p) => [p.region_code, p]));
  const byKey = new Map(cells.map((c) => [`${c.region_code}|${c.indicator_id}`, c]));
  const out: CoverageCsvRow[] = [];
  for (const group of grid.groups) {
    for (const row of group.rows) {
      const place = placeOf.get(row.code);
      grid.columns.forEach((column, j) => {
        const c = byKey.get(`${row.code}|${column.indicatorId}`);
        out.push({
          province_name: place?.province_name ?? '', prefecture_name: place?.prefecture_name ?? row.prefecture,
          region_code: row.code, region_name: place?.region_name ?? row.name, name_pinyin: place?.name_pinyin ?? '',
          category: column.category, indicator_id: column.indicatorId, indicator: column.name, unit: column.unit,
          year_filter: year, status: COVERAGE_STATUS[row.cells[j]?.state ?? 'empty'],
          whole_years: years(c?.whole_years ?? []), n_whole_years: c?.whole_years.length ?? 0,
          part_year_only_years: years(c?.part_years ?? []), n_part_year_only_years: c?.part_years.length ?? 0,
          qualitative_only_years: years(c?.qual_years ?? []), n_qualitative_only_years: c?.qual_years.length ?? 0,
          n_obs: c?.n_obs ?? 0,
        });
      });
    }
  }
  return out;
}
