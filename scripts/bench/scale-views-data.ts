/**
 * A SYNTHETIC national dataset for the Coverage and Data benchmarks, generated in SQL inside an
 * in-memory DuckDB (nothing is written to disk, nothing to public/data): 2,850 county-level places
 * in 31 provinces × 10 years × 100 indicators, one whole-year row per cell (≈ 2.85 M) plus a
 * part-year row for ≈ 4 % of cells and a second, department-report row for ≈ 1 % (≈ 3 M rows).
 * About 3 % of whole-year rows are qualitative (value NULL). Every name says 合成 (synthetic).
 */
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { plainRow, withSql, type Db, type SqlParam } from '../../src/db/db.ts';
import { emptyTableSql, TABLES } from '../../src/db/schema.ts';

export interface SynthShape { places: number; provinces: number; years: number; firstYear: number; indicators: number; categories: number }
export const SYNTH: SynthShape = { places: 2850, provinces: 31, years: 10, firstYear: 2015, indicators: 100, categories: 10 };

export interface BenchDb extends Db {
  close(): void;
}

export async function openBenchDb(threads: number | null, shape: SynthShape = SYNTH): Promise<BenchDb> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const db: BenchDb = {
    query<T>(sql: string, params: readonly SqlParam[] = []) {
      return withSql(sql, params, async () => {
        const statement = await connection.prepare(sql);
        if (params.length > 0) statement.bind(params as DuckDBValue[]);
        return (await statement.runAndReadAll()).getRowObjectsJS().map((row) => plainRow(row) as T);
      });
    },
    async exec(sql: string) { await withSql(sql, [], () => connection.run(sql)); },
    close() { connection.closeSync(); instance.closeSync(); },
  };
  if (threads !== null) await db.exec(`SET threads = ${threads}`);
  for (const table of TABLES) await db.exec(emptyTableSql(table));
  await fill(db, shape);
  return db;
}

/** Deterministic pseudo-random 0…999 from a row's numbers (no random(): the same dataset every run). */
const h = (expr: string) => `(hash(${expr}) % 1000)::INTEGER`;

async function fill(db: Db, shape: SynthShape): Promise<void> {
  const { places, provinces, years, firstYear, indicators, categories } = shape;
  await db.exec(`
    INSERT INTO regions (region_code, region_name, name_pinyin, level, prefecture_code, prefecture_name, province_code, province_name)
    SELECT code, '合成县' || lpad(p::VARCHAR, 4, '0'), 'Hecheng ' || p, 'county',
      substr(code, 1, 4) || '00', '合成市' || substr(code, 1, 4), substr(code, 1, 2) || '0000', '合成省' || substr(code, 1, 2)
    FROM (SELECT p, lpad((11 + p % ${provinces})::VARCHAR, 2, '0') || lpad((1 + (p // ${provinces}) % 12)::VARCHAR, 2, '0')
      || lpad((1 + p // (${provinces} * 12))::VARCHAR, 2, '0') AS code FROM range(${places}) t(p))`);
  await db.exec(`
    INSERT INTO indicators (indicator_id, name_zh, name_en, unit, category, category_zh, category_en, core)
    SELECT 'synthetic.i' || lpad(i::VARCHAR, 3, '0'), '合成指标' || i, 'Synthetic indicator ' || i, '件',
      'c' || (i % ${categories}), '合成类' || (i % ${categories}), 'Synthetic category ' || (i % ${categories}), 'false'
    FROM range(${indicators}) t(i)`);
  await db.exec(`
    INSERT INTO reports (report_id, region_code, region_name, publisher, publisher_kind, title, url, published, year)
    SELECT 'synth-' || g.region_code || '-' || y, g.region_code, g.region_name, g.region_name || '人民政府', 'county-gov',
      g.region_name || y || '年法治政府建设年度报告(合成)', '', '', y
    FROM regions g, range(${firstYear}, ${firstYear + years}) t(y)`);
  const base = `
    SELECT g.region_code, g.region_name, y AS year, 'synthetic.i' || lpad(i::VARCHAR, 3, '0') AS indicator_id, i, ${h('g.region_code, y, i')} AS r
    FROM regions g, range(${firstYear}, ${firstYear + years}) ty(y), range(${indicators}) ti(i)`;
  // Whole-year rows (3 % qualitative), then part-year rows (4 %), then department duplicates (1 %).
  await db.exec(`
    INSERT INTO shipped_observations (region_code, region_name, year, period, indicator_id, value, unit, approx, value_kind, report_id,
      quote, span_start, span_end, rule_id, publisher_kind, obs_id, quote_start)
    SELECT region_code, region_name, year, 'year', indicator_id, CASE WHEN r < 30 THEN NULL ELSE r * 7 + i END, '件',
      CASE WHEN r % 17 = 0 THEN 'about' ELSE 'exact' END, 'reported', 'synth-' || region_code || '-' || year,
      '【合成】' || region_name || year || '年指标' || i || '共' || (r * 7 + i) || '件。', 100, 104, 'synthetic', 'county-gov',
      'synth-' || region_code || '-' || year || '#' || i, 96
    FROM (${base})
    UNION ALL
    SELECT region_code, region_name, year, year || '-1/8', indicator_id, r * 5 + i, '件', 'exact', 'reported', 'synth-' || region_code || '-' || year,
      '【合成】1至8月共' || (r * 5 + i) || '件。', 200, 204, 'synthetic', 'county-gov', 'synth-' || region_code || '-' || year || '#p' || i, 196
    FROM (${base}) WHERE r BETWEEN 100 AND 139
    UNION ALL
    SELECT region_code, region_name, year, 'year', indicator_id, r * 7 + i + 1, '件', 'exact', 'derived', 'synth-' || region_code || '-' || year || '-dept',
      '【合成】部门报告共' || (r * 7 + i + 1) || '件。', 300, 304, 'synthetic', 'department', 'synth-' || region_code || '-' || year || '-dept#' || i, 296
    FROM (${base}) WHERE r BETWEEN 200 AND 209`);
  // Every quote reads "…共<number>件。": the figure's span is the number (as the pipeline marks it).
  await db.exec(`UPDATE shipped_observations SET span_start = quote_start + strpos(quote, '共'), span_end = quote_start + strpos(quote, '件。') - 1`);
}
