/**
 * The landing snapshot (public/data/snapshot.json) is what the Trends view would draw in its default
 * state: the same queries' results on the shipped tables, only real values, each point with an
 * obs_id that exists in observations (so a click opens the source panel once DuckDB is ready).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATOR, DEFAULT_REGION_COUNT } from '../../src/core/landing.ts';
import { isLandingSnapshot, SNAPSHOT_FILE } from '../../src/core/snapshot.ts';
import { isLandingState } from '../../src/features/trends/landing-snapshot.ts';
import { buildSnapshot } from '../../scripts/lib/write-snapshot.ts';
import { SHIPPED_DIR } from './helpers.ts';

const shipped = JSON.parse(readFileSync(join(SHIPPED_DIR, SNAPSHOT_FILE), 'utf8')) as unknown;

describe('snapshot.json', () => {
  it('is a landing snapshot of the default indicator and places', () => {
    expect(isLandingSnapshot(shipped)).toBe(true);
    if (!isLandingSnapshot(shipped)) return;
    expect(shipped.indicator).toBe(DEFAULT_INDICATOR);
    expect(shipped.regionCodes.length).toBeGreaterThan(0);
    expect(shipped.regionCodes.length).toBeLessThanOrEqual(DEFAULT_REGION_COUNT);
    expect(shipped.regionCodes).toEqual(shipped.regions.slice(0, DEFAULT_REGION_COUNT).map((r) => r.region_code));
  });

  it('holds only real observations: every point is a row of observations.csv with the same value', () => {
    if (!isLandingSnapshot(shipped)) throw new Error('not a snapshot');
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(SHIPPED_DIR, 'observations.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    const byId = new Map(rows.map((r) => [r.obs_id, r]));
    expect(shipped.trend.length).toBeGreaterThan(0);
    for (const point of shipped.trend as Array<Record<string, unknown>>) {
      const row = byId.get(String(point.obs_id));
      expect(row, `obs_id ${String(point.obs_id)}`).toBeDefined();
      expect(Number(row!.value)).toBe(point.value);
      expect(row!.indicator_id).toBe(shipped.indicator);
      expect(shipped.regionCodes).toContain(row!.region_code);
      expect(Number(row!.year)).toBe(point.year);
    }
  });

  it('equals the queries run afresh on the shipped tables', async () => {
    expect(JSON.parse(JSON.stringify(await buildSnapshot(SHIPPED_DIR)))).toEqual(shipped);
  });
});

describe('isLandingState', () => {
  it('is the Trends view with no indicator, places or part-year choice in the URL', () => {
    expect(isLandingState('')).toBe(true);
    expect(isLandingState('?view=trends&lang=en')).toBe(true);
    expect(isLandingState('?obs=abc')).toBe(true);
    expect(isLandingState('?view=compare')).toBe(false);
    expect(isLandingState('?indicator=hotline.tickets')).toBe(false);
    expect(isLandingState('?regions=140224')).toBe(false);
    expect(isLandingState('?partyear=false')).toBe(false);
  });
});
