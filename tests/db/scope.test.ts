import { describe, expect, it } from 'vitest';
import type { Partition } from '../../src/db/sources/manifest.ts';
import {
  ALL, NONE, missingPartitions, partitionKey, peerScope, placesScope, provinceOf, provincesOf, scopeKey, selectPartitions, unionScope,
} from '../../src/db/sources/scope.ts';

const part = (province: string, year: number): Partition => ({
  province, year, files: [{ table: 'observations', path: `observations/province=${province}/year=${year}/data_0.parquet`, bytes: 100, rows: 10 }],
});
const PARTITIONS = ['110000', '140000', '410000'].flatMap((p) => [2022, 2023, 2024].map((y) => part(p, y)));
const keys = (ps: Partition[]) => ps.map(partitionKey);

describe('provinceOf', () => {
  it('reads the province from the first two digits of a GB/T 2260 code', () => {
    expect(provinceOf('140223')).toBe('140000');
    expect(provinceOf('419001')).toBe('410000');
    expect(provinceOf('110105')).toBe('110000');
  });
  it('has no province for a code that is not six digits', () => {
    expect(provinceOf('99')).toBeNull();
    expect(provinceOf('14022x')).toBeNull();
  });
  it('lists each province once, sorted', () => {
    expect(provincesOf(['419001', '140223', '140224', 'bad'])).toEqual(['140000', '410000']);
  });
});

describe('selectPartitions', () => {
  it('takes the places\' provinces, every year', () => {
    expect(keys(selectPartitions(PARTITIONS, placesScope(['140223', '140224'])))).toEqual(['140000/2022', '140000/2023', '140000/2024']);
  });
  it('takes every province for the given years', () => {
    expect(keys(selectPartitions(PARTITIONS, { provinces: 'all', years: [2024, 2023] })))
      .toEqual(['110000/2023', '110000/2024', '140000/2023', '140000/2024', '410000/2023', '410000/2024']);
  });
  it('takes everything for ALL and nothing for NONE', () => {
    expect(selectPartitions(PARTITIONS, ALL)).toHaveLength(PARTITIONS.length);
    expect(selectPartitions(PARTITIONS, NONE)).toEqual([]);
  });
  it('leaves out a province or year the dataset does not have', () => {
    expect(keys(selectPartitions(PARTITIONS, { provinces: ['650000', '410000'], years: [2019, 2022] }))).toEqual(['410000/2022']);
  });
});

describe('missingPartitions', () => {
  it('does not fetch a partition again', () => {
    const loaded = new Set(['140000/2022', '140000/2023']);
    expect(keys(missingPartitions(PARTITIONS, placesScope(['140223']), loaded))).toEqual(['140000/2024']);
  });
});

describe('peerScope', () => {
  const focus = '140223';
  it('needs the focal province for a prefecture or province group', () => {
    expect(peerScope({ group: 'prefecture', focus, custom: [] }, [2024])).toEqual({ provinces: ['140000'], years: [2024] });
    expect(peerScope({ group: 'province', focus, custom: [] }, 'all')).toEqual({ provinces: ['140000'], years: 'all' });
  });
  it('needs every province for "all"', () => {
    expect(peerScope({ group: 'all', focus, custom: [] }, [2023, 2024])).toEqual({ provinces: 'all', years: [2023, 2024] });
  });
  it('needs the provinces of the reader\'s own list and the focal place', () => {
    expect(peerScope({ group: 'custom', focus, custom: ['419001', '110105'] }, [2024])).toEqual({ provinces: ['110000', '140000', '410000'], years: [2024] });
  });
});

describe('unionScope and scopeKey', () => {
  it('joins two scopes; "all" absorbs lists', () => {
    expect(unionScope(placesScope(['140223'], [2024]), placesScope(['419001'], [2023]))).toEqual({ provinces: ['140000', '410000'], years: [2023, 2024] });
    expect(unionScope(placesScope(['140223']), { provinces: 'all', years: [2024] })).toEqual({ provinces: 'all', years: 'all' });
  });
  it('writes a stable key', () => {
    expect(scopeKey(ALL)).toBe('*|*');
    expect(scopeKey(placesScope(['410100', '140223'], [2024]))).toBe('140000,410000|2024');
  });
});
