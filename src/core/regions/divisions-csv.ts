/**
 * The pipeline's `divisions.csv` (every GB/T 2260 place, ~3,200 rows) as a region lookup. The one
 * parser of that file: the page (user-data/divisions.ts) and the table-import worker both call it
 * on the text the page fetched once.
 */
import Papa from 'papaparse';
import { createRegionLookup, type DivisionRow, type RegionLookup } from './region-lookup.ts';

/** `source` names the file in an error (its URL). An empty prefecture is null, as in `regions`. */
export function parseDivisions(text: string, source: string): RegionLookup {
  const parsed = Papa.parse<DivisionRow>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${source}: row ${(parsed.errors[0]!.row ?? 0) + 2}: ${parsed.errors[0]!.message}`);
  return createRegionLookup(parsed.data.map((row) => ({
    ...row, prefecture_code: row.prefecture_code || null, prefecture_name: row.prefecture_name || null,
  })));
}
