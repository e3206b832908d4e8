/**
 * Every GB/T 2260 place (the pipeline's `divisions.csv`), fetched once per page when an import first
 * needs to name a place: the text goes to the table-import worker as it is, the lookup built from it
 * serves the report import and the loading of stored datasets. A failed fetch may be retried.
 */
import { useQuery } from '@tanstack/react-query';
import { parseDivisions } from '../../../core/regions/divisions-csv.ts';
import type { RegionLookup } from '../../../core/regions/region-lookup.ts';
import { dataBaseUrl } from '../../../db/data-url.ts';

const divisionsUrl = (): string => `${dataBaseUrl()}divisions.csv`;

let text: Promise<string> | null = null;
let lookup: Promise<RegionLookup> | null = null;

/** The file's text, fetched at most once (a failure is forgotten, so the next call retries). */
export function divisionsText(): Promise<string> {
  text ??= (async () => {
    const url = divisionsUrl();
    const response = await fetch(url);
    if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) {
      throw new Error(`Could not load ${url}: ${response.ok ? 'not a CSV file' : `HTTP ${response.status}`}`);
    }
    return response.text();
  })().catch((error: unknown) => { text = null; throw error; });
  return text;
}

/** The places as a lookup, parsed at most once on the page. */
export function divisionLookup(): Promise<RegionLookup> {
  lookup ??= divisionsText().then((csv) => parseDivisions(csv, divisionsUrl()))
    .catch((error: unknown) => { lookup = null; throw error; });
  return lookup;
}

export function useDivisions() {
  return useQuery({ queryKey: ['divisions'], queryFn: divisionLookup, staleTime: Infinity });
}
