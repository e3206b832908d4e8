/** The store's pure parts (我的数据): what is read back is checked, errors are named, exports keep provenance. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/core/user-data/types.ts';
import { UserStoreError, classifyStoreError, newestFirst } from '../../src/features/shared/user-data/store.ts';
import { USER_CSV_COLUMNS, userCsvFileName, userDatasetCsv } from '../../src/features/shared/user-data/user-data-csv.ts';
import { checkDataset, checkSummary, partition } from '../../src/features/shared/user-data/validate-record.ts';
import { userDataset, userObservation } from '../db/user-dataset-fixture.ts';

describe('stored records are checked before use', () => {
  const good = userDataset();

  it('accepts a dataset and its summary as the app writes them', () => {
    expect(checkDataset(good)).toEqual({ ok: true, value: good });
    expect(checkSummary(summarise(good))).toMatchObject({ ok: true });
  });

  it.each([
    ['a missing field (older version)', { ...good, fileName: undefined }, 'fileName'],
    ['a wrong type', { ...good, observations: 'rows' }, 'observations'],
    ['a bad row deep inside', { ...good, observations: [userObservation(), { ...userObservation(), value: '12' }] }, 'observations.1.value'],
    ['an id that could clash with a shipped one', { ...good, id: 'guangling-2024' }, 'id'],
    ['a row naming a report the dataset lacks', { ...good, observations: [{ ...userObservation(), report_id: 'elsewhere' }] }, 'observations.0.report_id'],
  ])('skips %s, naming the record and the field', (_, record, field) => {
    const result = checkDataset(record, 'key-1');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.skipped.problem.startsWith(`${field}:`)).toBe(true);
      expect(result.skipped.reason).toEqual({ kind: 'record-invalid', field, detail: expect.any(String) });
    }
  });

  it('never throws on junk', () => {
    for (const junk of [null, undefined, 42, 'text', [], { id: 7 }]) {
      expect(checkDataset(junk).ok).toBe(false);
      expect(checkSummary(junk).ok).toBe(false);
    }
    const split = partition([checkDataset(good), checkDataset(null, 'k2')]);
    expect(split.values).toHaveLength(1);
    expect(split.skipped).toEqual([{ key: 'k2', problem: expect.any(String), reason: { kind: 'record-invalid', field: '', detail: expect.any(String) } }]);
  });
});

describe('store errors and order', () => {
  it('names what the user can do about a failure', () => {
    expect(classifyStoreError(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    expect(classifyStoreError(new DOMException('stop', 'AbortError'))).toBe('aborted');
    expect(classifyStoreError(new DOMException('gone', 'InvalidStateError'))).toBe('unavailable');
    expect(classifyStoreError(new Error('?'))).toBe('failed');
    expect(new UserStoreError('quota', new DOMException('full', 'QuotaExceededError')).message).toContain('QuotaExceededError');
  });

  it('lists the newest import first', () => {
    const a = { id: 'user-a', importedAt: '2026-01-01T00:00:00Z' };
    const b = { id: 'user-b', importedAt: '2026-02-01T00:00:00Z' };
    expect([a, b].sort(newestFirst)).toEqual([b, a]);
  });
});

describe('a dataset as CSV', () => {
  it('keeps every row with origin=user and its provenance, neutralising formulas, in a safe file name', () => {
    const dataset = userDataset({ fileName: '=cmd|calc.csv' }, [userObservation({ region_name: '=HYPERLINK("x")', source_row: 7, source_column: '2020年' })]);
    const text = userDatasetCsv(dataset);
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(Object.keys(rows[0]!)).toEqual([...USER_CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      origin: 'user', dataset_id: dataset.id, file_name: "'=cmd|calc.csv", region_name: '\'=HYPERLINK("x")', source_row: '7',
      source_column: '2020年', report_title: '测试.csv', encoding: 'GB18030', value: '88',
    });
    expect(userCsvFileName({ id: 'user-x', fileName: '../a/b:c.csv' })).toBe('.._a_b_c-user-data.csv');
    expect(userCsvFileName({ id: 'user-x', fileName: '' })).toBe('user-x-user-data.csv');
  });

  it('keeps a table row\'s own quote, unit and source in their columns; a row stored before they were kept gets empty cells', () => {
    const fields = { table_quote: '全县调解成功率达88%。', table_unit: '%', table_source: '=WEBSERVICE("x")' };
    const older = userObservation({ source_row: 3 });
    delete older.table_quote; delete older.table_unit; delete older.table_source;
    const rows = Papa.parse<Record<string, string>>(userDatasetCsv(userDataset({}, [userObservation(fields), older])).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.table_quote, r.table_unit, r.table_source])).toEqual([
      ['全县调解成功率达88%。', '%', '\'=WEBSERVICE("x")'],
      ['', '', ''],
    ]);
  });
});
