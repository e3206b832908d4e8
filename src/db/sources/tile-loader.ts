/**
 * Loads pre-aggregated tiles (src/db/tiles.ts) of a partitioned dataset into `tile_figures`: one
 * small Parquet file per indicator × year, fetched whole (one GET, no range, no HEAD: the manifest
 * lists which exist, and a tile is tens of KB), decoded by hyparquet, appended through Arrow. A tile
 * is fetched once in the page's life. An indicator-year the manifest does not list has no figure
 * with a number, so there is nothing to load for it.
 */
import { TILE_TABLE, tilePath } from '../tiles.ts';
import type { TilesIndex } from './manifest.ts';
import { readColumns, toArrow, type ByteCounter, type Columns } from './parquet-table.ts';
import type { Engine } from './source.ts';

/** A small Parquet file fetched whole (one GET) and decoded: the declared columns it has. */
export async function fetchWholeParquet(url: string, wanted: readonly string[], counter: ByteCounter): Promise<{ columns: Columns; rows: number }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  const buffer = await response.arrayBuffer();
  counter.requests += 1;
  counter.bytes += buffer.byteLength;
  return readColumns({ byteLength: buffer.byteLength, slice: (start: number, end?: number) => buffer.slice(start, end) }, wanted);
}

export interface TileLoad { files: number; bytes: number; rows: number }

export function tileLoader(engine: Engine, index: TilesIndex, base: string, counter: ByteCounter) {
  const loaded = new Set<string>();
  /** The years of these with a tile not loaded yet. */
  const toLoad = (indicatorId: string, years: readonly number[]): number[] => {
    const listed = new Set(index.years[indicatorId] ?? []);
    return [...new Set(years)].filter((y) => listed.has(y) && !loaded.has(`${indicatorId}/${y}`));
  };
  /** Whether every tile of these years is in DuckDB already (nothing `load` would fetch). */
  const has = (indicatorId: string, years: readonly number[]): boolean => toLoad(indicatorId, years).length === 0;
  return { has, load: async function loadTiles(indicatorId: string, years: readonly number[]): Promise<TileLoad> {
    const wanted = toLoad(indicatorId, years);
    const before = counter.bytes;
    const decoded = await Promise.all(wanted.map(async (year) => {
      const url = `${base}${tilePath(index.dir, indicatorId, year)}`;
      return { year, ...(await fetchWholeParquet(url, Object.keys(TILE_TABLE.columns), counter)) };
    }));
    let rows = 0;
    for (const d of decoded) {
      if (d.rows > 0) await engine.insertArrow(TILE_TABLE.name, toArrow(TILE_TABLE, d.columns, d.rows));
      loaded.add(`${indicatorId}/${d.year}`);
      rows += d.rows;
    }
    return { files: decoded.length, bytes: counter.bytes - before, rows };
  } };
}
