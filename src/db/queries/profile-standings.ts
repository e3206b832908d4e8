/**
 * The Profile's standings read from the pre-aggregated standings (src/db/standings.ts) instead of the
 * peers' rows: the same answer as profile.ts's `peerStandings` for the default peer group (all places
 * of the place's tier), any tolerance 0–3 (tests/db/standings.test.ts). null when they cannot answer:
 * another group or level, or the researcher's own rows are loaded (the publisher's standings do not
 * count them); the caller then reads the rows.
 */
import type { Db } from '../db.ts';
import type { PeerSpec } from './peers.ts';
import { readOtherYears, type PeerStanding } from './profile.ts';

type Row = Omit<PeerStanding, 'other_years'> & { other_years: string | null };

const STANDINGS = `
  SELECT s.indicator_id, s.year, s.value, s.n, s.n_below, s.n_above, s.median, o.other_years
  FROM standing_places s
  LEFT JOIN standing_others o ON o.indicator_id = s.indicator_id AND o.year = s.year AND o.peer_level = s.peer_level AND o.tolerance = s.tolerance
  WHERE s.region_code = ? AND s.tolerance = ? AND s.peer_level = ?
  ORDER BY s.indicator_id`;

/** The level the place's standings were computed for, and whether any user row is loaded. */
const APPLIES = `
  SELECT (SELECT any_value(peer_level) FROM standing_places WHERE region_code = ?) AS peer_level,
    EXISTS (SELECT 1 FROM observations WHERE origin = 'user') AS user_rows`;

/** The years whose other-year lists the place's standings need (the source loads those files). */
export const STANDING_YEARS = `SELECT DISTINCT year FROM standing_places WHERE region_code = ? ORDER BY year`;

export async function peerStandingsFromTiles(db: Db, peers: PeerSpec, tolerance: number): Promise<PeerStanding[] | null> {
  if (peers.group !== 'all' || !peers.focus) return null;
  const [applies] = await db.query<{ peer_level: string | null; user_rows: boolean }>(APPLIES, [peers.focus]);
  if (!applies || applies.user_rows) return null;
  // No row: the place has no whole-year figure, so it stands nowhere, whatever the level.
  if (applies.peer_level === null) return [];
  if (applies.peer_level !== (peers.level ?? 'all')) return null;
  const rows = await db.query<Row>(STANDINGS, [peers.focus, tolerance, applies.peer_level]);
  return rows.map((r) => ({ ...r, other_years: readOtherYears(r.other_years) }));
}
