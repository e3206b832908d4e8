/**
 * Issue 11 (tables): each failure a new user met, as a test that failed on the code before the fix.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { IMPORT_TABLE_MESSAGES } from '../../../src/features/i18n/views/import-table.ts';
import { createRegionLookup, type DivisionRow } from '../../../src/core/regions/region-lookup.ts';
import { distinctIndicatorCells } from '../../../src/core/user-data/distinct-cells.ts';
import { readParquetTable } from '../../../src/core/user-data/read-parquet.ts';
import { parseCsvText, TableReadError } from '../../../src/core/user-data/read-table.ts';
import { readXlsxTables } from '../../../src/core/user-data/read-xlsx.ts';
import { sniffTableFile } from '../../../src/core/user-data/sniff-table-file.ts';
import { suggestIndicatorValues, suggestMapping, unusedColumns } from '../../../src/core/user-data/table-shape.ts';
import { validateRows } from '../../../src/core/user-data/validate-rows.ts';

const divisions = readFileSync(new URL('../../../public/data/divisions.csv', import.meta.url), 'utf8').replace(/^\ufeff/, '');
const lookup = createRegionLookup(Papa.parse<DivisionRow>(divisions, { header: true, skipEmptyLines: true }).data
  .map((r) => ({ ...r, prefecture_code: r.prefecture_code || null, prefecture_name: r.prefecture_name || null })));
const OPTIONS = { datasetId: 'user-20261205000000-test', lookup, minYear: 1990, maxYear: 2026 };
const fixture = (name: string) => {
  const bytes = readFileSync(new URL(`../../fixtures/user-data/${name}`, import.meta.url));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
};
const HEADER = 'region_code,region_name,year,indicator_id,value,unit';

/** CSV text → what the import would show after the mapping step, with the mapping the step offers. */
function importCsv(text: string) {
  const raw = parseCsvText(text);
  const mapping = suggestMapping(raw.headers, raw.rows.slice(0, 20));
  if (mapping.format === 'long') mapping.indicatorValues = suggestIndicatorValues(distinctIndicatorCells(raw.rows, mapping.indicator!, 300).cells.map((c) => c.text));
  const result = validateRows({ headers: raw.headers, rows: raw.rows, rowNumbers: raw.rowNumbers, broken: raw.broken, firstRow: 2 }, mapping, OPTIONS);
  return { raw, mapping, result, rejects: result.rejects.map((r) => `${r.row} ${r.column} ${r.code}`) };
}

describe('an indicator cell is a catalog id or mapped by the user, never a guess', () => {
  const SQLISH = 'mediation.success_rate" OR 1=1 --';
  const text = `${HEADER}\n140223,广灵县,2021,mediation.success_rate,98.5,%\n140223,广灵县,2022,"${SQLISH.replace(/"/g, '""')}",97,%\n`;

  it('refuses the SQL-ish cell with its row named', () => {
    const { result, rejects } = importCsv(text);
    expect(result.observations.map((o) => o.source_row)).toEqual([2]);
    expect(rejects).toEqual(['3 indicator_id indicator-unknown']);
  });

  it('offers it for mapping, unmapped; once the user maps it, it is imported', () => {
    const { mapping, raw } = importCsv(text);
    expect([...mapping.indicatorValues]).toEqual([[SQLISH, null]]);
    mapping.indicatorValues.set(SQLISH, 'mediation.success_rate');
    const result = validateRows({ headers: raw.headers, rows: raw.rows, firstRow: 2 }, mapping, OPTIONS);
    expect(result.observations.map((o) => `${o.source_row} ${o.indicator_id}`)).toEqual(['2 mediation.success_rate', '3 mediation.success_rate']);
  });

  it('never reads an own property of Object.prototype as a mapping', () => {
    const { rejects } = importCsv(`${HEADER}\n140223,广灵县,2021,constructor,1,件\n140223,广灵县,2022,__proto__,1,件\n`);
    expect(rejects).toEqual(['2 indicator_id indicator-unknown', '3 indicator_id indicator-unknown']);
  });
});

describe('a bad row never refuses the file', () => {
  it('an unbalanced quote costs its line only, and the line is named', () => {
    const { result, rejects } = importCsv(`${HEADER}\n140223,广灵县,2021,mediation.success_rate,98.5,%\n140224,"灵丘县,2022,admin_review.received,18,件\n140224,灵丘县,2022,admin_review.received,18,件\n`);
    expect(result.observations.map((o) => o.source_row)).toEqual([2, 4]);
    expect(rejects).toEqual(['3  row-quote-unclosed']);
  });

  it('a quote that pairs with one lines further down costs its own line only, called unclosed', () => {
    const { result, rejects } = importCsv(`${HEADER}\n140224,"灵丘县,2022,admin_review.received,18,件\n140224,灵丘县,2022,admin_review.received,18,件\n140223,广灵县,2021,"mediation.success_rate""x",98.5,%\n`);
    expect(result.observations.map((o) => o.source_row)).toEqual([3]);
    expect(rejects).toEqual(['2  row-quote-unclosed', '4 indicator_id indicator-unknown']);
  });

  it('a quote closed in the middle of a field costs its line only', () => {
    const { result, rejects } = importCsv(`${HEADER}\n140223,"广灵"县,2021,mediation.success_rate,98.5,%\n140224,灵丘县,2022,admin_review.received,18,件\n`);
    expect(result.observations.map((o) => o.source_row)).toEqual([3]);
    expect(rejects).toEqual(['2  row-quote-stray']);
  });

  it('a file mixing CRLF, LF and CR keeps every row', () => {
    const { result } = importCsv(`${HEADER}\r\n140223,广灵县,2021,mediation.success_rate,98.5,%\n140224,灵丘县,2022,admin_review.received,18,件\r140224,灵丘县,2023,admin_review.received,19,件\r\n`);
    expect(result.observations.map((o) => `${o.source_row} ${o.value}`)).toEqual(['2 98.5', '3 18', '4 19']);
  });

  it('a row with more cells than the header is named, not cut silently', () => {
    const { result, rejects } = importCsv(`${HEADER}\n140224,灵丘县,2022,admin_review.received,1,234,件\n140223,广灵县,2021,mediation.success_rate,98.5,%,,\n`);
    expect(result.observations.map((o) => o.source_row)).toEqual([3]); // trailing empty cells are harmless
    expect(rejects).toEqual(['2  row-too-many-cells']);
  });

  it('lists every problem of a row, each with its reason', () => {
    const { rejects } = importCsv('地区,年份,调解成功率,行政复议收案数\n不存在县,20x1,-1+1,abc\n');
    expect(rejects).toEqual(['2 地区 region-unknown', '2 年份 year-invalid', '2 调解成功率 value-formula', '2 行政复议收案数 value-not-numeric']);
  });

  it('-1+1 is a formula, -5 is negative, =1+1 and +SUM(A1) are formulas', () => {
    const { rejects } = importCsv('地区,年份,行政复议收案数\n广灵县,2021,-1+1\n广灵县,2022,-5\n广灵县,2023,=1+1\n广灵县,2024,+SUM(A1)\n');
    expect(rejects).toEqual(['2 行政复议收案数 value-formula', '3 行政复议收案数 value-negative', '4 行政复议收案数 value-formula', '5 行政复议收案数 value-formula']);
  });

  it('a header whose quote never closes refuses the file with the line named (nothing can be mapped)', () => {
    expect(() => parseCsvText('region_code,"region_name,year\n1,2,3\n')).toThrow(expect.objectContaining({ code: 'header-broken', detail: '1' }));
  });
});

describe('messages are in the user\'s language', () => {
  it('the Chinese Parquet and CSV messages hold no library English', () => {
    const zh = IMPORT_TABLE_MESSAGES.zh;
    // Format names are names; any other run of Latin letters would be untranslated text.
    const english = (text: string) => text.replace(/parquet|par1|csv|excel|xlsx/gi, '').match(/[a-z]{3,}/gi);
    for (const detail of ['not-parquet', 'truncated', 'damaged']) expect(english(zh.importTableError('parquet-invalid', detail))).toBeNull();
    expect(english(zh.importTableError('header-broken', '1'))).toBeNull();
    for (const code of ['row-quote-unclosed', 'row-quote-stray', 'value-formula'] as const) expect(english(zh.importTableReason(code, ''))).toBeNull();
  });

  it('a damaged Parquet file is refused with a code, not hyparquet\'s text', async () => {
    const bytes = new Uint8Array(fixture('lingqiu-long-snappy.parquet'));
    const truncated = new Uint8Array([...bytes.subarray(0, 4), ...bytes.subarray(bytes.length - 200)]);
    await expect(readParquetTable(truncated.buffer)).rejects.toMatchObject({ code: 'parquet-invalid', detail: 'truncated' });
  });
});

describe('Parquet with every common codec, and Excel', () => {
  it.each(['zstd', 'gzip', 'brotli'])('reads %s Parquet', async (codec) => {
    const raw = await readParquetTable(fixture(`lingqiu-long-${codec}.parquet`));
    expect(raw.rows).toHaveLength(6);
    expect(raw.rows[0]).toEqual(['140223', '广灵县', '2021', 'mediation.success_rate', '98.5', '%']);
  });

  it('recognises a renamed .xlsx by its ZIP magic, not as text in some encoding', () => {
    const head = new Uint8Array(fixture('lingqiu-long-two-sheets.xlsx')).subarray(0, 64);
    expect(sniffTableFile(head, 'table.csv')).toEqual({ kind: 'zip' });
  });

  it('reads every sheet of a workbook, numbers as the cells hold them', async () => {
    const sheets = await readXlsxTables(fixture('lingqiu-long-two-sheets.xlsx'));
    expect(sheets.map((s) => s.name)).toEqual(['说明', '数据']);
    const data = sheets[1]!.table!;
    expect(data.headers).toEqual(HEADER.split(','));
    expect(data.rows[0]).toEqual(['140223', '广灵县', '2021', 'mediation.success_rate', '98.5', '%']);
    expect(data.rowNumbers.slice(0, 2)).toEqual([2, 3]);
  });

  it('refuses a ZIP that is no workbook, and NUL bytes, by what they are', async () => {
    expect(sniffTableFile(new Uint8Array(4096), 'nul.csv')).toEqual({ kind: 'refused', code: 'binary', detail: 'NUL' });
    expect(sniffTableFile(new TextEncoder().encode('PAR0xxxx'), 'x.parquet')).toMatchObject({ code: 'parquet-invalid', detail: 'not-parquet' });
    await expect(readXlsxTables(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]).buffer)).rejects.toBeInstanceOf(TableReadError);
  });
});

describe('optional columns are kept, unused ones named', () => {
  it('keeps unit, quote and source as the figure\'s own fields, as written, and checks the unit', () => {
    const { result, rejects, mapping, raw } = importCsv(`${HEADER},quote,source,note\n140223,广灵县,2021,mediation.success_rate,98.5,%,调解成功率98.5%,广灵县2021年报告 第3页,x\n140224,灵丘县,2022,admin_review.received,18,%,,,\n`);
    expect(mapping).toMatchObject({ unit: 5, quote: 6, source: 7 });
    // The row's quote names the mapped cells up to the value; the optional columns are fields of their own.
    expect(result.observations[0]).toMatchObject({
      quote: 'region_code: 140223; year: 2021; indicator_id: mediation.success_rate; value: 98.5',
      table_quote: '调解成功率98.5%', table_unit: '%', table_source: '广灵县2021年报告 第3页',
    });
    expect(rejects).toEqual(['3 unit unit-mismatch']);
    expect(unusedColumns(mapping, raw.headers.length).map((i) => raw.headers[i])).toEqual(['region_name', 'note']);
  });
});

describe('a decoding error names the line of the bad bytes', () => {
  it('one row UTF-8, the next GBK: line 3, at its first GBK byte', async () => {
    const { createStreamDecoder, DecodeError } = await import('../../../src/core/user-data/decode.ts');
    const head = new TextEncoder().encode(`${HEADER}\n140223,广灵县,2021,mediation.success_rate,98.5,%\n140224,`);
    const gbk = new Uint8Array([0xc1, 0xe9, 0xc7, 0xf0, 0xcf, 0xd8]); // 灵丘县 in GBK
    const bytes = new Uint8Array([...head, ...gbk, 0x0a]);
    let error: unknown;
    try { createStreamDecoder('UTF-8').push(bytes); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ line: 3, badByte: head.length, byteOffset: 0 });
  });
});
