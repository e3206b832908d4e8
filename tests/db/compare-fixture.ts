/**
 * Extra fake rows for the Compare and Profile query tests, inserted into the fixture database after
 * it is loaded (so the shared fixture files and the tests that count their rows stay as they are).
 * Every value is invented; quotes are marked 【虚构】.
 *
 * Peer structure: 990001–990004 share prefecture 990100 (province 990000); 990201 is in province
 * 990000 without a prefecture (like a municipality's district); 980001 is in another province.
 */
import type { NodeDb } from './node-db.ts';

const REGIONS = `INSERT INTO regions (region_code, region_name, name_pinyin, level, prefecture_code, prefecture_name, province_code, province_name) VALUES
  ('990004', '示范县', 'Shifan', 'county', '990100', '测试市', '990000', '测试省'),
  ('990201', '虚拟区', 'Xuni', 'district', NULL, NULL, '990000', '测试省'),
  ('980001', '外省县', 'Waisheng', 'county', '980100', '他市', '980000', '他省')`;

type Obs = [code: string, name: string, year: number, period: string, indicator: string, value: number | null, unit: string, approx: string, kind: string, id: string];

const OBS: Obs[] = [
  // mediation.success_rate, 2022: a tie (990002 ≈88 from the fixture, 990003 88), a part-year-only place (990004),
  // a place with a whole-year and a (higher) part-year figure (990001: the whole year is chosen).
  ['990001', '测试县', 2022, 'year', 'mediation.success_rate', 90, '%', 'exact', 'reported', 'cmp-1'],
  ['990001', '测试县', 2022, '2022-Q1', 'mediation.success_rate', 99, '%', 'exact', 'reported', 'cmp-2'],
  ['990003', '演示区', 2022, 'year', 'mediation.success_rate', 88, '%', 'exact', 'reported', 'cmp-3'],
  ['990004', '示范县', 2022, '2022-01/2022-06', 'mediation.success_rate', 80, '%', 'exact', 'reported', 'cmp-4'],
  ['980001', '外省县', 2022, 'year', 'mediation.success_rate', 70, '%', 'exact', 'reported', 'cmp-5'],
  ['990201', '虚拟区', 2022, 'year', 'mediation.success_rate', 95, '%', 'exact', 'reported', 'cmp-6'],
  // 2021: 990001 is in the fixture (≥95 printed, 93 derived); two more places.
  ['990003', '演示区', 2021, 'year', 'mediation.success_rate', 85, '%', 'exact', 'reported', 'cmp-7'],
  ['980001', '外省县', 2021, 'year', 'mediation.success_rate', 72, '%', 'exact', 'reported', 'cmp-8'],
  // mediation.cases for 990002 and 990003 in 2020, so 990001's 1,234 has peers.
  ['990002', '样例县', 2020, 'year', 'mediation.cases', 500, '件', 'exact', 'reported', 'cmp-9'],
  ['990003', '演示区', 2020, 'year', 'mediation.cases', 2000, '件', 'exact', 'reported', 'cmp-10'],
  ['990001', '测试县', 2019, 'year', 'mediation.cases', 1000, '件', 'exact', 'reported', 'cmp-11'],
];
import { CREATE_COVERAGE_SQL } from '../../src/db/pre-aggregates.ts';

const lit = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

export async function addCompareRows(db: NodeDb): Promise<void> {
  await db.exec(REGIONS);
  const values = OBS.map(([code, name, year, period, indicator, value, unit, approx, kind, id]) =>
    `(${[code, name, year, period, indicator, value, unit, approx, kind, `fake-${id}`, `【虚构】${name}${year}年数字${value}。`, 0, 1, 'fake/rule', 'county-gov', id].map(lit).join(', ')})`);
  await db.exec(`INSERT INTO shipped_observations (region_code, region_name, year, period, indicator_id, value, unit, approx, value_kind, report_id, quote, span_start, span_end, rule_id, publisher_kind, obs_id)
    VALUES ${values.join(',\n')}`);
  await db.exec(CREATE_COVERAGE_SQL); // the pre-aggregate follows the rows, as a publisher rebuilds it
}
