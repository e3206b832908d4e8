/**
 * Writes the landing snapshot (src/core/snapshot.ts) for a dataset folder of CSVs: the Trends view's
 * default-state queries, run with the app's own SQL (src/db/queries) by DuckDB in Node. Deterministic
 * (every query is ordered), so the dataset stays byte-identical from one build to the next.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultRegions, pickIndicator } from '../../src/core/landing.ts';
import { SNAPSHOT_FILE, SNAPSHOT_VERSION, type LandingSnapshot } from '../../src/core/snapshot.ts';
import { countRegions, listIndicators, regionsWithIndicator, trendPoints } from '../../src/db/queries/index.ts';
import type { IndicatorCoverage } from '../../src/db/queries/indicators.ts';
import type { RegionCoverage } from '../../src/db/queries/regions.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { openNodeDb } from './node-db.ts';

export type Snapshot = LandingSnapshot<IndicatorCoverage, RegionCoverage, TrendPoint>;

export async function buildSnapshot(dir: string): Promise<Snapshot> {
  const db = await openNodeDb(dir);
  try {
    const [indicators, regionCount] = await Promise.all([listIndicators(db), countRegions(db)]);
    const indicator = pickIndicator(indicators, null);
    const regions = indicator === null ? [] : await regionsWithIndicator(db, indicator);
    const regionCodes = defaultRegions(regions);
    const trend = indicator === null ? [] : await trendPoints(db, indicator, regionCodes);
    return {
      snapshot: SNAPSHOT_VERSION,
      note: 'The landing chart before the database has loaded: the results of the Trends view queries for its default state, from this folder\'s tables.',
      indicator: indicator ?? '', regionCodes, indicators, regionCount, regions, trend,
    };
  } finally {
    db.close();
  }
}

/** Builds the snapshot of the CSVs in `dir` and writes it there; returns the file's name. */
export async function writeSnapshot(dir: string): Promise<string> {
  writeFileSync(join(dir, SNAPSHOT_FILE), `${JSON.stringify(await buildSnapshot(dir))}\n`);
  return SNAPSHOT_FILE;
}
