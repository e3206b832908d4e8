/**
 * The Profile view's data: every figure one place reports (one per indicator and year, by the pick
 * rule), and where its latest whole-year figure of each indicator stands among its peers.
 */
import type { Db } from '../db.ts';
import { changeBetween, type Change, type RankDirection } from './compare.ts';
import { peerCtes, peerParams, type PeerSpec } from './peers.ts';
import { codeList, parseFlags, pickKey, pickOrder, type ChosenFigure } from './pick.ts';

/**
 * The chosen figure of the place for one indicator and year (`period`: the part of the year covered
 * when the place has no whole-year figure that year).
 */
export interface ProfileFigure extends Pick<ChosenFigure,
  'obs_id' | 'year' | 'period' | 'value' | 'unit' | 'approx' | 'value_kind' | 'flags' | 'n_candidates' | 'origin'> {
  indicator_id: string;
}

type Row = Omit<ProfileFigure, 'flags'> & { flags: string | null };

const FIGURES = `
  WITH ranked AS (
    SELECT o.*,
      row_number() OVER (PARTITION BY o.indicator_id, o.year ORDER BY ${pickOrder('o')}) AS pick,
      count(*) OVER (PARTITION BY o.indicator_id, o.year) AS n_candidates
    FROM observations o
    WHERE o.region_code = $1::VARCHAR AND o.value IS NOT NULL
  )
  SELECT indicator_id, obs_id, year, period, value, coalesce(unit, '') AS unit, approx, value_kind, flags,
    n_candidates::INTEGER AS n_candidates, coalesce(origin, 'shipped') AS origin
  FROM ranked WHERE pick = 1
  ORDER BY indicator_id, year`;

/** One figure per indicator and year for the place (whole year preferred), oldest year first. */
export async function profileFigures(db: Db, regionCode: string): Promise<ProfileFigure[]> {
  const rows = await db.query<Row>(FIGURES, [regionCode]);
  return rows.map((row) => ({ ...row, flags: parseFlags(row.flags) }));
}

/**
 * The same figures for several places in one statement (the idle prefetch of likely profiles, issue 12):
 * partitioned by place as well, so each place's rows are exactly profileFigures' for it.
 */
const FIGURES_OF_PLACES = `
  WITH ranked AS (
    SELECT o.*,
      row_number() OVER (PARTITION BY o.region_code, o.indicator_id, o.year ORDER BY ${pickOrder('o')}) AS pick,
      count(*) OVER (PARTITION BY o.region_code, o.indicator_id, o.year) AS n_candidates
    FROM observations o
    WHERE o.region_code IN (SELECT unnest(string_split(?, ','))) AND o.value IS NOT NULL
  )
  SELECT region_code, indicator_id, obs_id, year, period, value, coalesce(unit, '') AS unit, approx, value_kind, flags,
    n_candidates::INTEGER AS n_candidates, coalesce(origin, 'shipped') AS origin
  FROM ranked WHERE pick = 1
  ORDER BY region_code, indicator_id, year`;

/** profileFigures of each place (every place asked for is in the map, an empty list when it has none). */
export async function profileFiguresOfPlaces(db: Db, regionCodes: readonly string[]): Promise<Map<string, ProfileFigure[]>> {
  const byPlace = new Map<string, ProfileFigure[]>(regionCodes.map((code) => [code, []]));
  if (regionCodes.length === 0) return byPlace;
  const rows = await db.query<Row & { region_code: string }>(FIGURES_OF_PLACES, [codeList(regionCodes)]);
  for (const { region_code, ...row } of rows) byPlace.get(region_code)?.push({ ...row, flags: parseFlags(row.flags) });
  return byPlace;
}

/**
 * Where the place's latest whole-year figure of an indicator stands among the peers: each peer's
 * whole-year figure nearest that year within ±tolerance (year-tolerance.ts; at equal distance the later).
 */
export interface PeerStanding {
  indicator_id: string;
  year: number;
  value: number;
  /** Peers with a whole-year figure in range, the place included. */
  n: number;
  n_below: number;
  n_above: number;
  /** The median of those figures (meaningful from three places). */
  median: number;
  /** Peers whose figure is of another year than the place's, with that year. */
  other_years: { region_name: string; name_pinyin: string; year: number }[];
}

type StandingRow = Omit<PeerStanding, 'other_years'> & { other_years: string | null };

/**
 * The focal place's latest chosen whole-year figures first (`mine`), then only the peers' rows of those
 * indicators within ±tolerance of those years (a few years of rows, not the whole table); the pick
 * rule as `arg_min(…, pickKey)`; then each peer's nearest year. Other-year peers come back as one text
 * (name, U+001E, pinyin, U+001E, year; items joined by U+001F: neither occurs in a place name) to stay one row per indicator.
 */
const STANDINGS = `
  WITH ${peerCtes(1)},
  own AS (
    SELECT o.indicator_id, o.year, arg_min(o.value, ${pickKey('o')}) AS value
    FROM observations o
    WHERE o.region_code = $1::VARCHAR AND o.value IS NOT NULL AND o.period = 'year'
    GROUP BY o.indicator_id, o.year
  ),
  mine AS (
    SELECT indicator_id, year, value FROM own
    QUALIFY row_number() OVER (PARTITION BY indicator_id ORDER BY year DESC) = 1
  ),
  chosen AS (
    SELECT o.indicator_id, o.region_code, o.year, arg_min(o.value, ${pickKey('o')}) AS value,
      arg_min(coalesce(o.region_name, o.region_code), ${pickKey('o')}) AS region_name
    FROM observations o SEMI JOIN mine m ON o.indicator_id = m.indicator_id AND abs(o.year - m.year) <= $5::INTEGER
    WHERE o.year BETWEEN (SELECT min(year) FROM mine) - $5::INTEGER AND (SELECT max(year) FROM mine) + $5::INTEGER  -- an integer filter first
      AND o.value IS NOT NULL AND o.period = 'year' AND o.region_code IN (SELECT region_code FROM peers)
    GROUP BY o.indicator_id, o.region_code, o.year
  ),
  nearest AS (
    SELECT c.* FROM chosen c JOIN mine m USING (indicator_id)
    QUALIFY row_number() OVER (PARTITION BY c.indicator_id, c.region_code ORDER BY abs(c.year - m.year), c.year DESC) = 1
  )
  SELECT m.indicator_id, m.year, m.value, count(*)::INTEGER AS n,
    (count(*) FILTER (WHERE c.value < m.value - 1e-9 * greatest(1, abs(m.value))))::INTEGER AS n_below,
    (count(*) FILTER (WHERE c.value > m.value + 1e-9 * greatest(1, abs(m.value))))::INTEGER AS n_above,
    quantile_cont(c.value, 0.5) AS median,
    string_agg(c.region_name || chr(30) || coalesce(g.name_pinyin, '') || chr(30) || c.year::VARCHAR, chr(31) ORDER BY c.year DESC, c.region_code)
      FILTER (WHERE c.year <> m.year) AS other_years
  FROM mine m JOIN nearest c USING (indicator_id) LEFT JOIN regions g ON g.region_code = c.region_code
  GROUP BY m.indicator_id, m.year, m.value
  ORDER BY m.indicator_id`;

/** Reads `other_years` back: "广灵县␞Guangling␞2024␟…" → [{广灵县, Guangling, 2024}, …]. */
export function readOtherYears(text: string | null): PeerStanding['other_years'] {
  if (!text) return [];
  return text.split('\u001f').map((item) => {
    const [region_name = '', name_pinyin = '', year = ''] = item.split('\u001e');
    return { region_name, name_pinyin, year: Number(year) };
  });
}

/** For each indicator the focal place has a whole-year figure of, its latest such year among the peers in range (±tolerance). */
export async function peerStandings(db: Db, peers: PeerSpec, tolerance = 0): Promise<PeerStanding[]> {
  if (!peers.focus) return [];
  const rows = await db.query<StandingRow>(STANDINGS, [...peerParams(peers), tolerance]);
  return rows.map((r) => ({ ...r, other_years: readOtherYears(r.other_years) }));
}

/** The focal place's rank among the peers in range (1 = first; ties share the better rank), by the indicator's direction. */
export function rankOf(s: Pick<PeerStanding, 'n_below' | 'n_above'>, direction: RankDirection): number {
  return (direction === 'lower' ? s.n_below : s.n_above) + 1;
}

/** From the pre-aggregated `coverage` (first and last year with a number, per place and indicator). */
const YEAR_RANGE = `SELECT min(first_year)::INTEGER AS first, max(last_year)::INTEGER AS last FROM coverage WHERE n_years > 0`;

/** The first and last year with any figure in the dataset (the shared slots of the Profile's sparklines); null when empty. */
export async function datasetYears(db: Db): Promise<[number, number] | null> {
  const [row] = await db.query<{ first: number | null; last: number | null }>(YEAR_RANGE);
  return row && row.first !== null && row.last !== null ? [row.first, row.last] : null;
}

// ---------------------------------------------------------------------------------------------
// Pure helpers.

/**
 * The percentile of the place among the n figures by value (0 = the lowest, 100 = the highest; ties
 * count half): (below + (equal − 1) / 2) / (n − 1) × 100. null for fewer than two figures.
 */
export function percentileOf(s: Pick<PeerStanding, 'n' | 'n_below' | 'n_above'>): number | null {
  if (s.n < 2) return null;
  const equal = s.n - s.n_below - s.n_above;
  return ((s.n_below + (equal - 1) / 2) / (s.n - 1)) * 100;
}

/** What the Profile shows for one indicator of the place. */
export interface ProfileSummary {
  indicator_id: string;
  /** Every chosen figure, oldest first ([] when the place does not report the indicator). */
  series: ProfileFigure[];
  /** The latest year's figure. */
  latest: ProfileFigure | null;
  /** The figure of the year before the latest, if the place has one. */
  previous: ProfileFigure | null;
  /** latest − previous, only when both are whole-year figures. */
  change: Change | null;
  standing: PeerStanding | null;
}

/** Groups the place's figures by indicator, in the catalog's order; indicators it lacks get an empty series. */
export function summarise(indicatorIds: readonly string[], figures: readonly ProfileFigure[], standings: readonly PeerStanding[]): ProfileSummary[] {
  const byIndicator = new Map<string, ProfileFigure[]>();
  for (const f of figures) byIndicator.set(f.indicator_id, [...(byIndicator.get(f.indicator_id) ?? []), f]);
  const standingOf = new Map(standings.map((s) => [s.indicator_id, s]));
  return indicatorIds.map((id) => {
    const series = [...(byIndicator.get(id) ?? [])].sort((a, b) => a.year - b.year);
    const latest = series.at(-1) ?? null;
    const previous = latest ? series.find((f) => f.year === latest.year - 1) ?? null : null;
    const change = latest && previous && latest.period === 'year' && previous.period === 'year' ? changeBetween(previous.value, latest.value) : null;
    return { indicator_id: id, series, latest, previous, change, standing: standingOf.get(id) ?? null };
  });
}
