/**
 * The landing snapshot (`<data>/snapshot.json`, written by `npm run extract`): the query results the
 * Trends view needs for its default state — the indicator catalog with coverage, the number of
 * places, the places that have the default indicator and the default places' trend points — so the
 * first chart paints before DuckDB has loaded. Only real extracted values, each point with its obs_id
 * (a click opens the source panel once DuckDB is ready). The rows are the same queries' results
 * (src/db/queries) run by DuckDB in Node on the tables just written, typed loosely here because
 * src/core sits below src/db.
 */
export const SNAPSHOT_FILE = 'snapshot.json';
export const SNAPSHOT_VERSION = 1;

export interface LandingSnapshot<Indicator = Record<string, unknown>, Region = Record<string, unknown>, Point = Record<string, unknown>> {
  snapshot: typeof SNAPSHOT_VERSION;
  note: string;
  /** The indicator drawn (pickIndicator(indicators, null)) and the places drawn (defaultRegions(regions)). */
  indicator: string;
  regionCodes: string[];
  indicators: Indicator[];
  regionCount: number;
  regions: Region[];
  trend: Point[];
}

/** Whether parsed JSON is a snapshot this code can use (an older or foreign file is ignored, never trusted). */
export function isLandingSnapshot(value: unknown): value is LandingSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return s.snapshot === SNAPSHOT_VERSION && typeof s.indicator === 'string' && typeof s.regionCount === 'number'
    && [s.regionCodes, s.indicators, s.regions, s.trend].every(Array.isArray);
}

/**
 * A short fingerprint of what the landing chart draws from a snapshot (FNV-1a of its indicator, places
 * and points): the build's prerender records it, and the page hands the prerendered chart over only when
 * the snapshot it fetched has the same one (another dataset served under the same build is drawn afresh).
 */
export function snapshotFingerprint(snapshot: LandingSnapshot): string {
  const text = JSON.stringify([snapshot.indicator, snapshot.regionCodes, snapshot.trend]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
