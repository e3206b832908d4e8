import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/db/sources/manifest.ts';

const partitioned = () => ({
  dataset: 'fazhi-atlas-synthetic', format_version: 1, synthetic: true, layout: 'hive-parquet',
  csv: ['regions.csv', 'indicators.csv'],
  summaries: [{ table: 'coverage', path: 'coverage.parquet', bytes: 4097, rows: 250 }],
  partitions: [
    { province: '140000', year: 2024, files: [
      { table: 'observations', path: 'observations/province=140000/year=2024/data_0.parquet', bytes: 4751, rows: 5 },
      { table: 'reports', path: 'reports/province=140000/year=2024/data_0.parquet', bytes: 2356, rows: 1 },
    ] },
  ],
});

describe('parseManifest', () => {
  it('reads the shipped dataset\'s manifest (no layout) as CSV, not synthetic', () => {
    const shipped: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'data', 'manifest.json'), 'utf8'));
    expect(parseManifest(shipped)).toEqual({ layout: 'csv', synthetic: false });
  });

  it('reads a partitioned manifest with its partitions, files and summaries', () => {
    const m = parseManifest(partitioned());
    expect(m.layout).toBe('hive-parquet');
    if (m.layout !== 'hive-parquet') return;
    expect(m.synthetic).toBe(true);
    expect(m.partitions[0]).toMatchObject({ province: '140000', year: 2024 });
    expect(m.partitions[0]!.files.map((f) => f.table)).toEqual(['observations', 'reports']);
    expect(m.summaries[0]).toEqual({ table: 'coverage', path: 'coverage.parquet', bytes: 4097, rows: 250 });
  });

  it('names the field that is wrong', () => {
    const bad = partitioned();
    bad.partitions[0]!.files[0]!.bytes = -1;
    expect(() => parseManifest(bad)).toThrow('partitions[0].files[0].bytes must be a non-negative integer');
    expect(() => parseManifest({ ...partitioned(), layout: 'zip' })).toThrow('layout must be "csv" or "hive-parquet"');
    expect(() => parseManifest({ ...partitioned(), csv: ['regions.csv'] })).toThrow('csv must list indicators.csv');
  });

  it('refuses paths that leave the dataset', () => {
    for (const path of ['../secret.parquet', '/etc/passwd', 'https://elsewhere.example/x.parquet', 'a/../../b.parquet']) {
      const bad = partitioned();
      bad.partitions[0]!.files[0]!.path = path;
      expect(() => parseManifest(bad), path).toThrow('must be a path inside the dataset');
    }
  });

  it('refuses a partition listed twice', () => {
    const m = partitioned();
    m.partitions.push(m.partitions[0]!);
    expect(() => parseManifest(m)).toThrow('lists province 140000 year 2024 twice');
  });

  it('reads the optional tiles index and names a wrong field in it', () => {
    const withTiles = { ...partitioned(), tiles: { dir: 'tiles', years: { 'admin_review.received': [2023, 2024] } } };
    const m = parseManifest(withTiles);
    expect(m.layout === 'hive-parquet' && m.tiles).toEqual({ dir: 'tiles', years: { 'admin_review.received': [2023, 2024] } });
    const noTiles = parseManifest(partitioned());
    expect(noTiles.layout === 'hive-parquet' && noTiles.tiles).toBeUndefined();
    expect(() => parseManifest({ ...withTiles, tiles: { dir: '../elsewhere', years: {} } })).toThrow('tiles.dir must be a path inside the dataset');
    expect(() => parseManifest({ ...withTiles, tiles: { dir: 'tiles', years: { 'admin_review.received': [2024.5] } } }))
      .toThrow('tiles.years.admin_review.received[0] must be a non-negative integer');
  });

  it('reads the optional standings index and names a wrong field in it', () => {
    const withStandings = { ...partitioned(), standings: { dir: 'standings', provinces: ['140000'], years: [2024] } };
    const m = parseManifest(withStandings);
    expect(m.layout === 'hive-parquet' && m.standings).toEqual({ dir: 'standings', provinces: ['140000'], years: [2024] });
    expect(() => parseManifest({ ...withStandings, standings: { dir: 'standings', provinces: ['shanxi'], years: [] } }))
      .toThrow('standings.provinces[0] must be a province code, got "shanxi"');
  });

  it('reads the optional place-file index and names a wrong field in it', () => {
    const withPlaces = { ...partitioned(), places: { dir: 'places', regions: ['140223', '510104'] } };
    const m = parseManifest(withPlaces);
    expect(m.layout === 'hive-parquet' && m.places).toEqual({ dir: 'places', regions: ['140223', '510104'] });
    const without = parseManifest(partitioned());
    expect(without.layout === 'hive-parquet' && without.places).toBeUndefined();
    expect(() => parseManifest({ ...withPlaces, places: { dir: 'places', regions: ['1402'] } }))
      .toThrow('places.regions[0] must be a six-digit region code, got "1402"');
    expect(() => parseManifest({ ...withPlaces, places: { dir: '/etc', regions: [] } })).toThrow('places.dir must be a path inside the dataset');
  });
});
