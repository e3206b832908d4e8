/**
 * What `npm run gen:synthetic` writes is what the browser's partitioned source reads: a small run
 * (50 places, 2 years, 5 indicators), read back with hyparquet exactly as parquet-table.ts does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COVERAGE_TABLE } from '../../src/db/pre-aggregates.ts';
import { TABLES } from '../../src/db/schema.ts';
import { TILE_TABLE, tilePath } from '../../src/db/tiles.ts';
import { parseManifest, type PartitionedManifest } from '../../src/db/sources/manifest.ts';
import { readColumns, toArrow } from '../../src/db/sources/parquet-table.ts';

let dir: string;
let manifest: PartitionedManifest;
const observations = TABLES.find((t) => t.name === 'observations')!;

const fileBuffer = (path: string) => {
  const buf = readFileSync(join(dir, path));
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  return { byteLength: ab.byteLength, slice: (start: number, end?: number) => ab.slice(start, end) };
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-synthetic-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-synthetic.ts', '--out', dir, '--regions', '50', '--years', '2', '--indicators', '5'], { stdio: 'pipe' });
  const parsed = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (parsed.layout !== 'hive-parquet') throw new Error('expected a partitioned manifest');
  manifest = parsed;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gen-synthetic', () => {
  it('says it is synthetic and lists one partition per province and year', () => {
    expect(manifest.synthetic).toBe(true);
    expect(manifest.partitions.length).toBeGreaterThan(10);
    for (const p of manifest.partitions) {
      expect([2023, 2024]).toContain(p.year);
      expect(p.files.find((f) => f.table === 'observations')!.path).toBe(`observations/province=${p.province}/year=${p.year}/data_0.parquet`);
    }
    const rows = manifest.partitions.reduce((sum, p) => sum + p.files.find((f) => f.table === 'observations')!.rows, 0);
    expect(rows).toBe(50 * 2 * 5);
  });

  it('writes partitions hyparquet reads, with every contract column, marked synthetic', async () => {
    const seen = new Set<string>();
    for (const p of manifest.partitions) {
      const entry = p.files.find((f) => f.table === 'observations')!;
      const { columns, rows } = await readColumns(fileBuffer(entry.path), Object.keys(observations.columns));
      expect(rows).toBe(entry.rows);
      const table = toArrow(observations, columns, rows);
      for (const row of table.toArray().map((r) => (r as { toJSON(): Record<string, unknown> }).toJSON())) {
        expect(String(row.region_code).slice(0, 2) + '0000').toBe(p.province);
        expect(row.year).toBe(p.year);
        expect(String(row.quote)).toMatch(/^【合成数据】/);
        expect(row.report_id).toBe(`synthetic-${String(row.region_code)}-${p.year}`);
        expect(row).toMatchObject({ period: 'year', approx: 'exact', value_kind: 'reported' });
        if (row.value !== null) {
          // The figure sits at its span inside the quote (quote_start 0), as provenance reads it.
          expect(Number(String(row.quote).slice(Number(row.span_start), Number(row.span_end)))).toBeCloseTo(Number(row.value), 5);
        }
        expect(seen.has(String(row.obs_id))).toBe(false);
        seen.add(String(row.obs_id));
      }
    }
    expect(seen.size).toBe(500);
  });

  it('ships the pre-aggregated coverage, one row per place × indicator', async () => {
    const summary = manifest.summaries.find((s) => s.table === 'coverage')!;
    const { columns, rows } = await readColumns(fileBuffer(summary.path), Object.keys(COVERAGE_TABLE.columns));
    expect(rows).toBe(250);
    const years = Array.from(columns.whole_years!, (b) => new TextDecoder().decode(b as Uint8Array));
    expect(years.every((y) => /^(2023|2024|2023,2024)?$/.test(y))).toBe(true);
  });

  it('writes a tile per indicator × year with one chosen figure per place, and lists them', async () => {
    const tiles = manifest.tiles!;
    expect(Object.keys(tiles.years)).toHaveLength(5);
    for (const [indicator, years] of Object.entries(tiles.years)) {
      expect(years).toEqual([2023, 2024]);
      const { columns, rows } = await readColumns(fileBuffer(tilePath(tiles.dir, indicator, 2024)), Object.keys(TILE_TABLE.columns));
      // 50 places, one figure each where the value is a number (≈ 2 % are qualitative: no figure).
      expect(rows).toBeGreaterThan(40);
      expect(rows).toBeLessThanOrEqual(50);
      expect(new Set(Array.from(columns.region_code!, (b) => new TextDecoder().decode(b as Uint8Array))).size).toBe(rows);
    }
    expect(manifest.standings!.provinces.length).toBeGreaterThan(10);
  });

  it('never writes into the shipped dataset', () => {
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-synthetic.ts', '--out', 'public/data/x', '--regions', '1'], { stdio: 'pipe' }))
      .toThrow(/never goes under public/);
  });
});
