/**
 * Loads per-place files (src/db/place-files.ts) of a partitioned dataset into `observations` and
 * `reports`: a place's two small Parquet files, fetched whole (one GET each: the manifest lists which
 * places have them), decoded by hyparquet, appended through Arrow, once in the page's life. Rows whose
 * year's partition is already loaded are left out (row-filter.ts), and the partitioned source leaves
 * out of later partitions the places loaded here (`loaded`), so each row is in DuckDB once.
 */
import { PLACE_FILE_TABLES, placeFilePath, placeFileSpec } from '../place-files.ts';
import type { Partition, PlacesIndex } from './manifest.ts';
import { toArrow, type ByteCounter } from './parquet-table.ts';
import { withoutYears } from './row-filter.ts';
import { partitionKey, provinceOf } from './scope.ts';
import type { Engine } from './source.ts';
import { fetchWholeParquet, type TileLoad } from './tile-loader.ts';

/** Places fetched at a time (two files each): the browser opens six connections to a host. */
const PLACES_AT_ONCE = 3;

export interface PlaceLoader {
  /** The places whose file is loaded: a partition loaded later leaves their rows out. */
  readonly loaded: ReadonlySet<string>;
  /** Loads the files of the places not loaded yet (rows: observations added). */
  load(regionCodes: readonly string[]): Promise<TileLoad>;
  /** Whether every one of these places' rows is in DuckDB already (nothing `load` would fetch). */
  has(regionCodes: readonly string[]): boolean;
}

export function placeLoader(engine: Engine, index: PlacesIndex, base: string, counter: ByteCounter,
  partitions: readonly Partition[], loadedPartitions: ReadonlySet<string>): PlaceLoader {
  const listed = new Set(index.regions);
  const loaded = new Set<string>();
  const yearsOf = new Map<string, number[]>();
  for (const p of partitions) yearsOf.set(p.province, [...(yearsOf.get(p.province) ?? []), p.year]);
  /** The years of a province whose partition is loaded. */
  const loadedYears = (province: string): Set<number> =>
    new Set((yearsOf.get(province) ?? []).filter((year) => loadedPartitions.has(partitionKey({ province, year }))));

  /** A place's two files, fetched and decoded (in parallel with other places'). */
  const fetchPlace = (regionCode: string) => Promise.all(PLACE_FILE_TABLES.map(async (table) => {
    const spec = placeFileSpec(table);
    return { spec, ...(await fetchWholeParquet(`${base}${placeFilePath(index.dir, table, regionCode)}`, Object.keys(spec.columns), counter)) };
  }));

  /** Inserted one after another (one connection); loads are queued (partitioned-source.ts), so no partition lands meanwhile. */
  async function insertPlace(regionCode: string, province: string, decoded: Awaited<ReturnType<typeof fetchPlace>>, load: TileLoad): Promise<void> {
    const skip = loadedYears(province);
    for (const d of decoded) {
      const { columns, rows } = withoutYears(d.columns, d.rows, skip);
      if (rows > 0) await engine.insertArrow(d.spec.name, toArrow(d.spec, columns, rows));
      if (d.spec.name === 'observations') load.rows += rows;
      load.files += 1;
    }
    loaded.add(regionCode);
  }

  /** The places of these whose file is still to load. */
  const toLoad = (regionCodes: readonly string[]) => [...new Set(regionCodes)].flatMap((code) => {
    const province = provinceOf(code);
    if (province === null || !listed.has(code) || loaded.has(code)) return [];
    // Every partition of its province loaded: the place's rows are all there already.
    const all = yearsOf.get(province) ?? [];
    return loadedYears(province).size === all.length ? [] : [{ code, province }];
  });

  return {
    loaded,
    has: (regionCodes) => toLoad(regionCodes).length === 0,
    async load(regionCodes: readonly string[]): Promise<TileLoad> {
      const before = counter.bytes;
      const load: TileLoad = { files: 0, bytes: 0, rows: 0 };
      const wanted = toLoad(regionCodes);
      for (let i = 0; i < wanted.length; i += PLACES_AT_ONCE) {
        const batch = wanted.slice(i, i + PLACES_AT_ONCE);
        const decoded = await Promise.all(batch.map(({ code }) => fetchPlace(code)));
        for (const [k, { code, province }] of batch.entries()) await insertPlace(code, province, decoded[k]!, load);
      }
      return { ...load, bytes: counter.bytes - before };
    },
  };
}
