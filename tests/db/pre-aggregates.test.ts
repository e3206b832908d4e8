/**
 * `coverage` as built by CREATE_COVERAGE_SQL agrees, cell by cell, with the same rules applied in
 * JavaScript to the observations themselves: year lists ascending (rows inserted out of order),
 * a year whole if any row covers the whole year, part-year only, or qualitative only; counts summed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_COVERAGE_SQL } from '../../src/db/pre-aggregates.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

interface Obs { region_code: string; region_name: string; indicator_id: string; year: number | null; period: string; value: number | null }
interface CoverageRow {
  region_code: string; indicator_id: string; whole_years: string; part_years: string; qual_years: string;
  n_years: number; first_year: number | null; last_year: number | null; n_values: number; n_qualitative: number; n_obs: number;
}

/** The rules of COVERAGE_SELECT, written independently over the rows. */
function expectedCoverage(rows: readonly Obs[]): CoverageRow[] {
  const cells = new Map<string, Obs[]>();
  for (const o of rows) {
    if (o.year === null) continue;
    const key = `${o.region_code}|${o.indicator_id}`;
    cells.set(key, [...(cells.get(key) ?? []), o]);
  }
  return [...cells].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, obs]) => {
    const [region_code, indicator_id] = key.split('|') as [string, string];
    const years = [...new Set(obs.map((o) => o.year!))].sort((a, b) => a - b);
    const of = (y: number) => obs.filter((o) => o.year === y);
    const whole = years.filter((y) => of(y).some((o) => o.value !== null && o.period === 'year'));
    const numeric = years.filter((y) => of(y).some((o) => o.value !== null));
    const part = numeric.filter((y) => !whole.includes(y));
    const qual = years.filter((y) => !numeric.includes(y));
    return {
      region_code, indicator_id, whole_years: whole.join(','), part_years: part.join(','), qual_years: qual.join(','),
      n_years: numeric.length, first_year: numeric[0] ?? null, last_year: numeric[numeric.length - 1] ?? null,
      n_values: obs.filter((o) => o.value !== null).length, n_qualitative: obs.filter((o) => o.value === null).length, n_obs: obs.length,
    };
  });
}

describe('the coverage pre-aggregate', () => {
  let db: NodeDb;
  beforeAll(async () => {
    db = await openNodeDb();
    // Invented rows, years out of order, whole / part-year / qualitative mixed in one cell, a year from the 1990s beside 2000s.
    const rows: string[] = [];
    const years = [2020, 1998, 2012, 2005, 2024, 1999, 2016, 2001];
    years.forEach((year, i) => {
      const period = i % 3 === 0 ? 'year' : i % 3 === 1 ? 'h1' : 'year';
      const value = i % 3 === 2 ? 'NULL' : String(i);
      rows.push(`('990004', '虚构县', ${year}, '${period}', 'synthetic.mixed', ${value}, 'fake-cov', 'fake-cov#${i}')`);
      if (i % 4 === 0) rows.push(`('990004', '虚构县', ${year}, 'h1', 'synthetic.mixed', 1, 'fake-cov', 'fake-cov#${i}b')`);
    });
    await db.exec(`INSERT INTO shipped_observations (region_code, region_name, year, period, indicator_id, value, report_id, obs_id) VALUES ${rows.join(', ')}`);
    await db.exec(CREATE_COVERAGE_SQL);
  });
  afterAll(() => db.close());

  it('holds, for every place × indicator, what the rows say, year lists ascending', async () => {
    const observations = await db.query<Obs>('SELECT region_code, region_name, indicator_id, year, period, value FROM observations');
    const coverage = await db.query<CoverageRow>(`SELECT region_code, indicator_id, whole_years, part_years, qual_years, n_years, first_year, last_year,
      n_values, n_qualitative, n_obs FROM coverage ORDER BY region_code, indicator_id`);
    expect(coverage).toEqual(expectedCoverage(observations));
    const mixed = coverage.find((c) => c.region_code === '990004')!;
    expect(mixed).toMatchObject({ whole_years: '2005,2016,2020', part_years: '1998,2001,2024', qual_years: '1999,2012', n_years: 6, first_year: 1998, last_year: 2024 });
  });
});
