/**
 * Where a figure drawn from a tile (src/db/tiles.ts) comes from: its place and year, i.e. its partition,
 * so the source panel can load that one partition. Its own small module: the page's database handle
 * imports it only on a partitioned dataset, off the first chart's path.
 */
import type { Db } from '../db.ts';

const PLACE_OF = `SELECT region_code, year FROM tile_figures WHERE obs_id = ? LIMIT 1`;

/** The place and year of a loaded tile's figure, or null when no loaded tile has it. */
export async function tileFigurePlace(db: Db, obsId: string): Promise<{ region_code: string; year: number } | null> {
  const [row] = await db.query<{ region_code: string; year: number }>(PLACE_OF, [obsId]);
  return row ?? null;
}
