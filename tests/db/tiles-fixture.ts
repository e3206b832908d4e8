/**
 * Tiles in the Node tests: the publisher's `tile_figures` built from the rows loaded (shipped rows only,
 * as the publisher writes them), and the first of its figures, beside which a test puts a user's row.
 */
import { tileSelect } from '../../src/db/tiles.ts';
import type { NodeDb } from './node-db.ts';

export const buildTiles = (db: NodeDb) => db.exec(`CREATE OR REPLACE TABLE tile_figures AS ${tileSelect()}`);

/** The first tile figure's place, indicator and year (in sort order). */
export async function firstTileFigure(db: NodeDb): Promise<{ region_code: string; indicator_id: string; year: number }> {
  const [first] = await db.query<{ region_code: string; indicator_id: string; year: number }>(
    'SELECT region_code, indicator_id, year::INTEGER AS year FROM tile_figures ORDER BY ALL LIMIT 1');
  if (!first) throw new Error('tile_figures is empty');
  return first;
}
