/**
 * Loads the pre-aggregated Profile standings (src/db/standings.ts) of a place: its province's file of
 * standings, then the other-year lists of the years those standings compare at. Each file once in
 * the page's life; a province or year the manifest does not list has no file (no standing there).
 */
import { STANDING_YEARS } from '../queries/profile-standings.ts';
import { STANDING_OTHERS_TABLE, STANDING_PLACES_TABLE } from '../standings.ts';
import type { StandingsIndex } from './manifest.ts';
import { toArrow, type ByteCounter } from './parquet-table.ts';
import { provinceOf } from './scope.ts';
import type { Engine } from './source.ts';
import { fetchWholeParquet, type TileLoad } from './tile-loader.ts';

export function standingsLoader(engine: Engine, index: StandingsIndex, base: string, counter: ByteCounter) {
  const loaded = new Set<string>();
  const provinces = new Set(index.provinces);
  const years = new Set(index.years);
  /** Places whose standings (their province's file and the other-year lists they compare at) are loaded. */
  const done = new Set<string>();

  async function loadOnce(key: string, url: string, table: typeof STANDING_PLACES_TABLE | typeof STANDING_OTHERS_TABLE, load: TileLoad): Promise<void> {
    if (loaded.has(key)) return;
    const { columns, rows } = await fetchWholeParquet(url, Object.keys(table.columns), counter);
    if (rows > 0) await engine.insertArrow(table.name, toArrow(table, columns, rows));
    loaded.add(key);
    load.files += 1;
    load.rows += rows;
  }

  /** Whether the place's standings are in DuckDB already, or it has none to load (nothing `load` would fetch). */
  const has = (regionCode: string): boolean => {
    const province = provinceOf(regionCode);
    return done.has(regionCode) || province === null || !provinces.has(province);
  };
  return { has, load: async function loadStandings(regionCode: string): Promise<TileLoad> {
    const before = counter.bytes;
    const load: TileLoad = { files: 0, bytes: 0, rows: 0 };
    const province = provinceOf(regionCode);
    if (province === null || !provinces.has(province)) return load;
    await loadOnce(`places/${province}`, `${base}${index.dir}/places/province=${province}/data_0.parquet`, STANDING_PLACES_TABLE, load);
    const compared = await engine.db.query<{ year: number }>(STANDING_YEARS, [regionCode]);
    for (const { year } of compared.filter((y) => years.has(y.year))) {
      await loadOnce(`others/${year}`, `${base}${index.dir}/others/part_year=${year}/data_0.parquet`, STANDING_OTHERS_TABLE, load);
    }
    done.add(regionCode);
    return { ...load, bytes: counter.bytes - before };
  } };
}
