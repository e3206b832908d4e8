/** A small user dataset for tests (fake values, named as such); `rows` builds a large synthetic one for benchmarks. */
import type { UserDataset, UserObservation } from '../../src/core/user-data/types.ts';

export function userObservation(over: Partial<UserObservation> = {}): UserObservation {
  return {
    region_code: '990001', region_name: '测试县', year: 2020, period: 'year', indicator_id: 'mediation.success_rate',
    value: 88, unit: '%', approx: 'exact', value_kind: 'reported', report_id: 'user-20261123-test-r1',
    quote: '地区: 测试县; 2020: 88', span_start: 0, span_end: 0, rule_id: 'user-table', quote_start: 0, derivation: '',
    inputs: [], flags: [], source_row: 2, source_column: '2020', table_quote: '', table_unit: '', table_source: '', ...over,
  };
}

export function userDataset(over: Partial<UserDataset> = {}, observations: UserObservation[] = [userObservation()]): UserDataset {
  const id = over.id ?? 'user-20261123-test';
  return {
    id, kind: 'table', fileName: '测试.csv', importedAt: '2026-11-23T10:00:00.000Z', encoding: 'GB18030',
    observations: observations.map((o) => ({ ...o, report_id: `${id}-r1` })),
    reports: [{
      meta: {
        id: `${id}-r1`, region_code: '', region_name: '', year: 2020, publisher: '', publisher_kind: 'other', source_kind: 'other',
        title: '测试.csv', url: '', published: '', coverage: 'excerpt',
      },
      body: '',
    }],
    ...over,
  };
}

/** Synthetic rows for measuring inserts (never shipped). */
export function syntheticRows(n: number): UserObservation[] {
  return Array.from({ length: n }, (_, i) => userObservation({
    region_code: String(990001 + (i % 2)), year: 2000 + (i % 20), indicator_id: `synthetic.${Math.floor(i / 40)}`,
    value: i, source_row: i + 2,
  }));
}
