/**
 * The `npm run extract` pipeline end to end on a temp copy of the corpus plus broken reports:
 * failures named, the rest built, byte-identical reruns, CSV and Parquet readable and equal,
 * atomic writes, and the CLI's exit status.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, sha256, type BuildResult } from '../../scripts/lib/build-dataset.ts';
import { cleanNumber, TableBuildError, TABLES, type Row, type TableSchema } from '../../scripts/lib/dataset-schema.ts';
import { toCsv } from '../../scripts/lib/write-csv.ts';
import { extractReport } from '../../src/core/extract/extract-report.ts';
import { bodyOf, filesOf, readParquet, REPORTS_DIR, ROOT, tempDir, type JsRow } from './helpers.ts';

const CONTRACT_OBSERVATION_COLUMNS = [
  'region_code', 'region_name', 'year', 'period', 'indicator_id', 'value', 'unit', 'approx', 'value_kind',
  'report_id', 'quote', 'span_start', 'span_end', 'rule_id',
];
const OBSERVATION_EXTENSIONS = ['derivation', 'inputs', 'flags', 'publisher_kind', 'obs_id', 'quote_start'];

const frontMatter = (id: string, code: string, name: string) =>
  `---\nid: ${id}\nregion_code: "${code}"\nregion_name: ${name}\nyear: 2024\npublisher: ${name}人民政府\npublisher_kind: county-gov\ntitle: 测试\ncoverage: full\n---\n`;

/** Broken reports added to the corpus copy, and what their error must say. */
const BROKEN: Array<{ file: string; content: string | Buffer; reason: RegExp }> = [
  { file: 'zz-bad-front-matter.txt', content: '---\nid: zz-bad-front-matter\nregion_code: [unclosed\n---\n全年办理行政复议案件12件。\n', reason: /front matter/ },
  { file: 'zz-unknown-region.txt', content: `${frontMatter('zz-unknown-region', '999999', '不存在县')}全年办理行政复议案件12件。\n`, reason: /region_code.*999999/ },
  { file: 'zz-empty-body.txt', content: `${frontMatter('zz-empty-body', '140224', '灵丘县')}\n  \n`, reason: /body is empty/ },
  // 广灵县 in GBK: not UTF-8.
  { file: 'zz-not-utf8.txt', content: Buffer.concat([Buffer.from(frontMatter('zz-not-utf8', '140223', 'x')), Buffer.from([0xb9, 0xe3, 0xc1, 0xe9, 0xcf, 0xd8, 0x0a])]), reason: /not valid UTF-8/ },
];
/** A valid report whose region_name is not the official one: a warning, not a failure. */
const MISNAMED = { file: 'zz-misnamed.txt', content: `${frontMatter('zz-misnamed', '140224', '灵邱县')}全县12345热线共承办群众诉求10544件。\n` };

let work: ReturnType<typeof tempDir>;
let reportsDir: string;
let corpusSize: number;
let first: BuildResult;
let out1: string;
let out2: string;

beforeAll(async () => {
  work = tempDir('pipeline');
  reportsDir = join(work.path, 'reports');
  cpSync(REPORTS_DIR, reportsDir, { recursive: true });
  corpusSize = readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.txt')).length;
  for (const { file, content } of [...BROKEN, MISNAMED]) writeFileSync(join(reportsDir, file), content);
  out1 = join(work.path, 'out1');
  out2 = join(work.path, 'out2');
  first = await buildDataset({ reportsDir, outDir: out1 });
  await buildDataset({ reportsDir, outDir: out2 });
});

afterAll(() => work.remove());

describe('failures', () => {
  it('names every broken report with its reason and builds the others', () => {
    expect(first.failures.map((f) => f.file.split(/[\\/]/).pop())).toEqual(BROKEN.map((b) => b.file).sort());
    for (const broken of BROKEN) {
      const failure = first.failures.find((f) => f.file.endsWith(broken.file))!;
      expect(failure.reason).toContain(broken.file);
      expect(failure.reason).toMatch(broken.reason);
    }
    expect(first.reportsRead).toBe(corpusSize + BROKEN.length + 1);
    expect(first.reportsBuilt).toBe(corpusSize + 1);
    expect(first.rows.reports).toBe(corpusSize + 1);
    expect(first.manifest.reports.failed).toEqual(BROKEN.map((b) => b.file).sort());
  });

  it('warns when a region name differs from the official one', () => {
    expect(first.warnings.some((w) => w.includes('zz-misnamed.txt') && w.includes('灵邱县') && w.includes('灵丘县'))).toBe(true);
  });

  it('keeps the broken reports out of every table', async () => {
    const { rows } = await readParquet(join(out1, 'reports.parquet'));
    const ids = rows.map((r) => r.report_id);
    for (const broken of BROKEN) expect(ids).not.toContain(broken.file.replace('.txt', ''));
    expect(ids).toContain('zz-misnamed');
  });
});

describe('determinism', () => {
  it('gives byte-identical files on a second run', () => {
    const a = filesOf(out1);
    const b = filesOf(out2);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), `${name} differs between runs`).toBe(true);
  });

  it('writes exactly the tables, in both formats, plus the manifest, and leaves no temp files', () => {
    const expected = [...TABLES.flatMap((t) => [`${t.name}.parquet`, `${t.name}.csv`]), 'snapshot.json', 'manifest.json'].sort();
    expect(readdirSync(out1).sort()).toEqual(expected);
  });

  it('records row counts and sha256 of every file in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(out1, 'manifest.json'), 'utf8')) as BuildResult['manifest'];
    expect(manifest.tables.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    for (const table of manifest.tables) {
      expect(table.rows).toBe(first.rows[table.name]);
      for (const file of table.files) {
        const bytes = readFileSync(join(out1, file.path));
        expect(file.bytes).toBe(bytes.length);
        expect(file.sha256).toBe(sha256(bytes));
      }
    }
    expect(JSON.stringify(manifest)).not.toMatch(/\d{4}-\d{2}-\d{2}T|tmp|fazhi-pipeline/);
  });
});

describe('files', () => {
  it('puts the contract columns first, in order, then the extensions', async () => {
    const { columns } = await readParquet(join(out1, 'observations.parquet'));
    expect(columns).toEqual([...CONTRACT_OBSERVATION_COLUMNS, ...OBSERVATION_EXTENSIONS]);
    const header = readFileSync(join(out1, 'observations.csv'), 'utf8').slice(1).split('\r\n')[0];
    expect(header).toBe(columns.join(','));
  });

  it.each(TABLES.map((t) => [t.name, t] as const))('%s: Parquet reads back through DuckDB with the right row count', async (_name, schema) => {
    const { columns, rows } = await readParquet(join(out1, `${schema.name}.parquet`));
    expect(columns).toEqual(schema.columns.map((c) => c.name));
    expect(rows.length).toBe(first.rows[schema.name]);
  });

  it.each(TABLES.map((t) => [t.name, t] as const))('%s: CSV has a BOM and papaparse reads back exactly the Parquet cells', async (_name, schema) => {
    const bytes = readFileSync(join(out1, `${schema.name}.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString('utf8'), { header: false });
    expect(parsed.errors).toEqual([]);
    const [header, ...data] = parsed.data;
    expect(header).toEqual(schema.columns.map((c) => c.name));
    const { rows } = await readParquet(join(out1, `${schema.name}.parquet`));
    expect(data.length).toBe(rows.length);
    rows.forEach((row, i) => expect(data[i], `row ${i + 1}`).toEqual(schema.columns.map((c) => asCsvText(row[c.name] ?? null))));
  });

  it('has observations from the corpus, sorted, with unique ids and the right extensions', async () => {
    const { rows } = await readParquet(join(out1, 'observations.parquet'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBe(first.observations.reported + first.observations.derived);
    const key = (r: JsRow) => [r.report_id, String(r.span_start).padStart(9, '0'), r.indicator_id, r.year, r.rule_id].join('\u0000');
    for (let i = 1; i < rows.length; i += 1) expect(key(rows[i - 1]!) <= key(rows[i]!), `row ${i} out of order`).toBe(true);
    expect(new Set(rows.map((r) => r.obs_id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.obs_id).toMatch(/^[0-9a-f]{16}(~\d+)?$/);
      if (row.value_kind === 'derived') expect(JSON.parse(row.inputs as string).length).toBeGreaterThan(0);
      else expect(row.inputs).toBe('');
    }
    const reports = (await readParquet(join(out1, 'reports.parquet'))).rows;
    const kinds = new Map(reports.map((r) => [r.report_id, r.publisher_kind]));
    for (const row of rows) expect(row.publisher_kind).toBe(kinds.get(row.report_id));
  });

  it('matches what extractReport returns for one report', async () => {
    const { rows } = await readParquet(join(out1, 'observations.parquet'));
    const { reports } = await import('../../scripts/lib/read-reports.ts').then((m) => m.readReports(REPORTS_DIR));
    const report = reports.find((r) => r.meta.id === 'lingqiu-2025')!;
    const expected = extractReport(report).observations;
    const got = rows.filter((r) => r.report_id === 'lingqiu-2025');
    expect(got.length).toBe(expected.length);
    for (const o of expected) {
      expect(got.some((r) => r.indicator_id === o.indicator_id && r.value === o.value && r.span_start === o.span_start && r.quote === o.quote && r.period === o.period)).toBe(true);
    }
  });

  it('reports: chars and sha256 describe the body as the contract defines it', async () => {
    const { rows } = await readParquet(join(out1, 'reports.parquet'));
    for (const row of rows) {
      const body = bodyOf(readFileSync(join(reportsDir, `${row.report_id}.txt`), 'utf8'));
      expect(row.chars).toBe(body.length);
      expect(row.sha256).toBe(sha256(Buffer.from(body, 'utf8')));
    }
  });

  it('regions: one row per region of the built reports, with the hierarchy', async () => {
    const { rows } = await readParquet(join(out1, 'regions.parquet'));
    const reportCodes = new Set((await readParquet(join(out1, 'reports.parquet'))).rows.map((r) => r.region_code));
    expect(new Set(rows.map((r) => r.region_code))).toEqual(reportCodes);
    const byCode = new Map(rows.map((r) => [r.region_code, r]));
    expect(byCode.get('140224')).toMatchObject({ region_name: '灵丘县', name_pinyin: 'Lingqiu', level: 'county', prefecture_code: '140200', prefecture_name: '大同市', province_code: '140000', province_name: '山西省', name_pinyin_initials: 'lq' });
    expect(byCode.get('419001')).toMatchObject({ region_name: '济源市', level: 'county-level city', prefecture_code: null, province_code: '410000', province_name: '河南省' });
    expect(byCode.get('130200')).toMatchObject({ region_name: '唐山市', level: 'prefecture-level city', prefecture_code: '130200', province_name: '河北省' });
    expect(byCode.get('110105')).toMatchObject({ name_pinyin: 'Chaoyang', level: 'district', prefecture_code: null, province_name: '北京市' });
    expect(byCode.get('440232')).toMatchObject({ name_pinyin: 'Ruyuan', level: 'autonomous county' });
  });

  it('indicators: the whole catalog with category names', async () => {
    const { rows } = await readParquet(join(out1, 'indicators.parquet'));
    expect(rows.length).toBe(first.rows.indicators);
    expect(rows.find((r) => r.indicator_id === 'admin_review.received')).toMatchObject({ unit: '件', category: 'admin_review', category_zh: '行政复议', core: true, higher_is_better: null });
    expect(rows.filter((r) => r.core === true).length).toBe(29);
  });
});

describe('CSV quoting', () => {
  const schema: TableSchema = { name: 'rejects', columns: [{ name: 'a', type: 'VARCHAR' }, { name: 'n', type: 'DOUBLE', nullable: true }, { name: 'b', type: 'BOOLEAN', nullable: true }] };
  const hostile = ['逗号,在中间', '引号"在"中间', '换行\n在中间', 'CRLF\r\n在中间', ' 前后空格 ', '=1+1', '-5', '"', ',', '', '\uFEFF开头', '全角，逗号'];

  it('round-trips commas, quotes, newlines and formula-like text through papaparse', () => {
    const rows: Row[] = hostile.map((a, i) => ({ a, n: i === 0 ? null : 99.8, b: i % 2 === 0 }));
    const csv = toCsv(schema, rows);
    expect(csv.startsWith('\uFEFFa,n,b\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv, { header: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.slice(1).map((r) => r[0])).toEqual(hostile);
    expect(parsed.data[1]).toEqual(['逗号,在中间', '', 'true']);
    expect(parsed.data[2]).toEqual(['引号"在"中间', '99.8', 'false']);
    expect(csv).toContain('"引号""在""中间"');
  });

  it('prints values without binary float noise', () => {
    expect(cleanNumber(0.1 + 0.2)).toBe(0.3);
    expect(String(cleanNumber(99.80000000000001))).toBe('99.8');
    expect(cleanNumber(22.07)).toBe(22.07);
    expect(cleanNumber(12000)).toBe(12000);
  });
});

describe('atomic writes', () => {
  it('leaves the existing files untouched when a table cannot be built', async () => {
    const out = join(work.path, 'atomic');
    cpSync(out1, out, { recursive: true });
    const before = filesOf(out);
    const badExtract = (report: Parameters<typeof extractReport>[0]) => {
      const result = extractReport(report);
      return { ...result, observations: result.observations.map((o) => ({ ...o, year: o.year + 0.5 })) };
    };
    await expect(buildDataset({ reportsDir: REPORTS_DIR, outDir: out, extract: badExtract })).rejects.toThrow(TableBuildError);
    const after = filesOf(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [name, bytes] of before) expect(bytes.equals(after.get(name)!), name).toBe(true);
    expect(readdirSync(out).filter((f) => f.includes('.extract-'))).toEqual([]);
  });

  it('creates a missing output folder', async () => {
    const out = join(work.path, 'new', 'nested');
    mkdirSync(join(work.path, 'new'));
    const result = await buildDataset({ reportsDir: REPORTS_DIR, outDir: out });
    expect(result.failures).toEqual([]);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });
});

describe('the CLI', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'extract.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

  it('exits 1 naming the broken reports, and prints a summary', () => {
    const out = join(work.path, 'cli');
    const result = run(['--reports', reportsDir, '--out', out]);
    expect(result.status, result.stderr).toBe(1);
    for (const broken of BROKEN) expect(result.stderr).toContain(broken.file);
    expect(result.stderr).toContain('warning:');
    expect(result.stdout).toMatch(new RegExp(`reports read ${corpusSize + BROKEN.length + 1}, failed ${BROKEN.length}; observations \\d+ \\(\\d+ reported, \\d+ derived\\); rejects \\d+`));
    // The same files as the in-process build.
    const a = filesOf(out1);
    for (const [name, bytes] of filesOf(out)) expect(bytes.equals(a.get(name)!), name).toBe(true);
  });

  it('exits 2 on an unknown option', () => {
    const result = run(['--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage');
  });
});

/** How the CSV prints a cell (write-csv.ts): null empty, numbers shortest, booleans true/false. */
function asCsvText(value: string | number | boolean | null): string {
  if (value === null) return '';
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}
