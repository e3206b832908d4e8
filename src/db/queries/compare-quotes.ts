/**
 * The quotes of Compare's figures, asked for apart from the figures (issue 12, national scale): among
 * all places of a nation a year step fetched ≈ 5,600 figures, and their quotes were most of the bytes
 * turned into objects on the main thread, while the bars draw a window of ≈ 60 (`barsToDraw`) and only
 * an export writes them all. The view asks for the drawn bars' quotes after it draws them (the tooltip
 * shows them) and for every quote when the reader exports.
 *
 * By obs_id, from where the figures were read: the rows (compare.ts's `compareFigures`) or the tiles
 * with the researcher's own rows beside them (compare-tiles.ts). A figure's quote is its row's, as the
 * figures query selected it before (`coalesce(quote, '')`): tests/db/compare-quotes.test.ts.
 */
import type { Db } from '../db.ts';

export interface FigureQuote {
  obs_id: string;
  quote: string;
}

/**
 * The ids bound as one parameter, split in SQL. A shipped id is hexadecimal and a researcher's is
 * `user-…#<n>` (validate-record.ts), so a comma never occurs in one; one that does is refused, not split.
 */
function idList(obsIds: readonly string[]): string {
  const bad = obsIds.find((id) => id.includes(','));
  if (bad !== undefined) throw new Error('obs_id with a comma cannot be looked up: ' + JSON.stringify(bad));
  return [...new Set(obsIds)].join(',');
}

const FROM_ROWS = `
  SELECT obs_id, coalesce(quote, '') AS quote FROM observations
  WHERE obs_id IN (SELECT unnest(string_split($1::VARCHAR, ',')))`;

/** The quotes of figures read from the rows (`compareFigures`). */
export async function figureQuotes(db: Db, obsIds: readonly string[]): Promise<FigureQuote[]> {
  if (obsIds.length === 0) return [];
  return db.query<FigureQuote>(FROM_ROWS, [idList(obsIds)]);
}

// A tile's figure is found in `tile_figures` (its row need not be loaded), the researcher's own in
// `observations`; a tile never holds a user row, so an id is found at most once.
const FROM_TILES = `
  WITH wanted AS (SELECT unnest(string_split($1::VARCHAR, ',')) AS obs_id)
  SELECT obs_id, quote FROM tile_figures WHERE obs_id IN (SELECT obs_id FROM wanted)
  UNION ALL
  SELECT obs_id, coalesce(quote, '') FROM observations WHERE origin = 'user' AND obs_id IN (SELECT obs_id FROM wanted)`;

/** The quotes of figures read from the tiles (`compareFiguresFromTiles`). */
export async function figureQuotesFromTiles(db: Db, obsIds: readonly string[]): Promise<FigureQuote[]> {
  if (obsIds.length === 0) return [];
  return db.query<FigureQuote>(FROM_TILES, [idList(obsIds)]);
}

/** The quotes by obs_id. */
export const quotesById = (rows: readonly FigureQuote[]): ReadonlyMap<string, string> => new Map(rows.map((r) => [r.obs_id, r.quote]));
