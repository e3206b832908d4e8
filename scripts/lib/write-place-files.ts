/**
 * Writes the per-place files of a partitioned dataset (src/db/place-files.ts) from a DuckDB holding
 * its `observations` and `reports` (with the partitions' columns), and returns the manifest's index.
 * Used by scripts/gen-synthetic.ts, and by scripts/add-place-files.ts for a dataset already written.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PLACE_FILE_TABLES, placeFilePath, placeFileSelect } from '../../src/db/place-files.ts';
import type { PlacesIndex } from '../../src/db/sources/manifest.ts';

export const PLACES_DIR = 'places';

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function writePlaceFiles(db: DuckDBConnection, out: string, dir = PLACES_DIR): Promise<PlacesIndex> {
  rmSync(join(out, dir), { recursive: true, force: true });
  mkdirSync(join(out, dir), { recursive: true });
  // Rows arrive sorted by place, so one file per place is open at a time (the default limit of open
  // partition files, 100, is never reached and each place gets exactly data_0.parquet).
  for (const table of PLACE_FILE_TABLES) {
    await db.run(`COPY (${placeFileSelect(table)}) TO ${lit(join(out, dir, table))}
      (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (region_code), WRITE_PARTITION_COLUMNS true, OVERWRITE_OR_IGNORE true)`);
  }
  const regions = readdirSync(join(out, dir, 'observations')).map((d) => d.replace('region_code=', '')).sort();
  for (const code of regions) {
    for (const table of PLACE_FILE_TABLES) {
      const folder = join(out, dir, table, `region_code=${code}`);
      const files = existsSync(folder) ? readdirSync(folder) : [];
      // The loader fetches exactly placeFilePath(): a place split over two files, or without its reports, is a publisher bug.
      if (files.length !== 1 || !existsSync(join(out, placeFilePath(dir, table, code)))) {
        throw new Error(`Place ${code}: expected ${placeFilePath(dir, table, code)} alone, found ${files.join(', ') || 'nothing'}`);
      }
    }
  }
  return { dir, regions };
}
