/**
 * Every GB/T 2260 place (the pipeline's `divisions.csv`, ~3,200 rows), fetched once when an import
 * first needs to name a place, as a region lookup (src/core/regions/region-lookup.ts).
 */
import { useQuery } from '@tanstack/react-query';
import Papa from 'papaparse';
import { createRegionLookup, type DivisionRow, type RegionLookup } from '../../core/regions/region-lookup.ts';
import { dataBaseUrl } from '../../db/data-url.ts';

export async function fetchDivisions(base = dataBaseUrl()): Promise<RegionLookup> {
  const url = `${base}divisions.csv`;
  const response = await fetch(url);
  if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new Error(`Could not load ${url}: ${response.ok ? 'not a CSV file' : `HTTP ${response.status}`}`);
  }
  const parsed = Papa.parse<DivisionRow>((await response.text()).replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`${url}: row ${(parsed.errors[0]!.row ?? 0) + 2}: ${parsed.errors[0]!.message}`);
  return createRegionLookup(parsed.data.map((row) => ({
    ...row, prefecture_code: row.prefecture_code || null, prefecture_name: row.prefecture_name || null,
  })));
}

export function useDivisions() {
  return useQuery({ queryKey: ['divisions'], queryFn: () => fetchDivisions(), staleTime: Infinity });
}
