/** The browser's region lookup, built from the shipped divisions table (what the import worker uses). */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { createRegionLookup, type DivisionRow } from '../../../src/core/regions/region-lookup.ts';

const csv = readFileSync(new URL('../../../public/data/divisions.csv', import.meta.url), 'utf8').replace(/^\ufeff/, '');
export const divisionLookup = createRegionLookup(Papa.parse<DivisionRow>(csv, { header: true, skipEmptyLines: true }).data
  .map((r) => ({ ...r, prefecture_code: r.prefecture_code || null, prefecture_name: r.prefecture_name || null })));
