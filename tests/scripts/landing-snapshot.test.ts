/**
 * The landing snapshot (public/data/snapshot.json) is what the Trends view would draw in its default
 * state: the same queries' results on the shipped tables, only real values, each point with an
 * obs_id that exists in observations (so a click opens the source panel once DuckDB is ready).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATOR, DEFAULT_MIN_WHOLE_YEARS, DEFAULT_REGION_COUNT, defaultRegions } from '../../src/core/landing.ts';
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
    expect(shipped.regionCodes).toEqual(defaultRegions(shipped.regions as Array<{ region_code: string; n_whole_years: number }>));
  });

  it('opens on a real series: 通州区 drawn first, every place drawn with at least two whole years', () => {
    if (!isLandingSnapshot(shipped)) throw new Error('not a snapshot');
    expect(shipped.indicator).toBe('admin_review.received');
    expect(shipped.regionCodes[0]).toBe('110112');
    const byCode = new Map((shipped.regions as Array<{ region_code: string; n_whole_years: number }>).map((r) => [r.region_code, r]));
    for (const code of shipped.regionCodes) expect(byCode.get(code)!.n_whole_years).toBeGreaterThanOrEqual(DEFAULT_MIN_WHOLE_YEARS);
    const tongzhou = (shipped.trend as Array<{ region_code: string; year: number; period: string }>)
      .filter((p) => p.region_code === '110112' && p.period === 'year').map((p) => p.year);
    expect(tongzhou).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
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

describe('defaultRegions', () => {
  const place = (region_code: string, n_whole_years: number) => ({ region_code, n_whole_years });
  it('draws places with two or more whole years, in the order given, at most DEFAULT_REGION_COUNT', () => {
    expect(defaultRegions([place('a', 1), place('b', 3), place('c', 0), place('d', 2)])).toEqual(['b', 'd']);
    const many = Array.from({ length: DEFAULT_REGION_COUNT + 3 }, (_, i) => place(String(i), 5));
    expect(defaultRegions(many)).toHaveLength(DEFAULT_REGION_COUNT);
  });
  it('falls back to places with one whole year, then to part-year-only places', () => {
    expect(defaultRegions([place('a', 0), place('b', 1)])).toEqual(['b']);
    expect(defaultRegions([place('a', 0), place('b', 0)])).toEqual(['a', 'b']);
    expect(defaultRegions([])).toEqual([]);
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
