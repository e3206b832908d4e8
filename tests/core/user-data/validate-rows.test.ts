import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createRegionLookup, type DivisionRow } from '../../../src/core/regions/region-lookup.ts';
import { buildTableDataset } from '../../../src/core/user-data/build-table-dataset.ts';
import { decodeBytes } from '../../../src/core/user-data/decode.ts';
import { readParquetTable } from '../../../src/core/user-data/read-parquet.ts';
import { parseCsvText, TableReadError, TABLE_LIMITS } from '../../../src/core/user-data/read-table.ts';
import { suggestIndicatorValues, suggestMapping } from '../../../src/core/user-data/table-shape.ts';
import { distinctIndicatorCells } from '../../../src/core/user-data/distinct-cells.ts';
import { summarise } from '../../../src/core/user-data/types.ts';
import { validateRows, type ParsedTable } from '../../../src/core/user-data/validate-rows.ts';

const csv = readFileSync(new URL('../../../public/data/divisions.csv', import.meta.url), 'utf8').replace(/^\ufeff/, '');
const lookup = createRegionLookup(Papa.parse<DivisionRow>(csv, { header: true, skipEmptyLines: true }).data
  .map((r) => ({ ...r, prefecture_code: r.prefecture_code || null, prefecture_name: r.prefecture_name || null })));
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/user-data/${name}`, import.meta.url));
const OPTIONS = { datasetId: 'user-20261123000000-test', lookup, minYear: 1990, maxYear: 2026 };

const table = (raw: { headers: string[]; rows: string[][]; rowNumbers?: number[] }): ParsedTable => ({ headers: raw.headers, rows: raw.rows, rowNumbers: raw.rowNumbers, firstRow: 2 });

describe('validating the GBK wide fixture', () => {
  const raw = parseCsvText(decodeBytes(new Uint8Array(fixture('guangling-wide-gbk.csv'))).text);
  const mapping = suggestMapping(raw.headers, raw.rows.slice(0, 20));
  const result = validateRows(table(raw), mapping, OPTIONS);
  const rejectAt = (row: number) => result.rejects.filter((r) => r.row === row).map((r) => `${r.column}|${r.value}|${r.code}|${r.detail}`);

  it('turns the valid rows into observations with the cell as provenance (wide → long)', () => {
    expect(result.observations).toHaveLength(18); // rows 2–7: 6 × 3 minus one blank cell, plus row 12's valid count
    expect(result.blankCells).toBe(1);
    const first = result.observations[0]!;
    expect(first).toMatchObject({
      region_code: '140223', region_name: '广灵县', year: 2021, indicator_id: 'mediation.success_rate', value: 98.5, unit: '%',
      approx: 'exact', value_kind: 'reported', period: 'year', rule_id: 'user-table', report_id: OPTIONS.datasetId,
      source_row: 2, source_column: '调解成功率(%)', quote_start: 0,
    });
    expect(first.quote).toBe('地区: 广灵县; 年份: 2021; 调解成功率(%): 98.5');
    for (const o of result.observations) {
      const cellText = o.quote.slice(o.span_start - o.quote_start, o.span_end - o.quote_start);
      expect(o.quote.endsWith(`${o.source_column}: ${cellText}`)).toBe(true);
    }
    const satisfaction = result.observations.find((o) => o.source_row === 2 && o.indicator_id === 'hotline.satisfaction_rate');
    expect(satisfaction?.value).toBe(95.2); // written 95.2%
    const approx = result.observations.find((o) => o.source_row === 7 && o.indicator_id === 'admin_review.received');
    expect(approx).toMatchObject({ value: 20, approx: 'about', unit: '件' });
  });

  it('rejects each bad row naming the row, the column and the reason', () => {
    expect(rejectAt(8)).toEqual(['地区|不存在县|region-unknown|']);
    expect(rejectAt(9)).toHaveLength(1);
    expect(rejectAt(9)[0]).toMatch(/^地区\|Guangling\|region-ambiguous\|.*广灵县.*140223.*广陵区.*321002/);
    expect(rejectAt(10)).toEqual(['调解成功率(%)|99.0|duplicate|2', '12345热线满意率(%)|95.0|duplicate|2', '行政复议收案数|12|duplicate|2']);
    expect(rejectAt(11)).toEqual(['年份|1850|year-out-of-range|1990–2026']);
    expect(rejectAt(12)).toEqual(['调解成功率(%)|未统计数|value-not-numeric|', '12345热线满意率(%)|105|percent-out-of-range|']);
    // 行政复议收案数 of row 12 is valid and kept
    expect(result.observations.some((o) => o.source_row === 12 && o.indicator_id === 'admin_review.received')).toBe(true);
  });

  it('narrows an ambiguous pinyin name with a province column', () => {
    const withProvince: ParsedTable = { headers: ['省份', 'region', 'year', 'Mediation success rate'], rows: [['山西', 'Guangling', '2022', '97']], firstRow: 2 };
    const r = validateRows(withProvince, suggestMapping(withProvince.headers), OPTIONS);
    expect(r.rejects).toEqual([]);
    expect(r.observations[0]).toMatchObject({ region_code: '140223', value: 97 });
  });

  it('builds a dataset whose one report describes the file', () => {
    const dataset = buildTableDataset({ id: OPTIONS.datasetId, fileName: 'guangling-wide-gbk.csv', importedAt: '2026-11-23T17:00:00.000Z', encoding: 'GB18030', observations: result.observations });
    expect(dataset.reports).toEqual([{ body: '', meta: expect.objectContaining({ id: OPTIONS.datasetId, title: 'guangling-wide-gbk.csv', publisher: '用户上传', coverage: 'excerpt', year: 2023 }) }]);
    expect(summarise(dataset)).toMatchObject({ rowCount: 18, regionCount: 2, years: [2020, 2021, 2022, 2023] });
    // The fixture has no quote, unit or source column: every row's own fields are empty.
    expect(new Set(dataset.observations.map((o) => `${o.table_quote}|${o.table_unit}|${o.table_source}`))).toEqual(new Set(['||']));
  });

  it('builds a table dataset whose rows keep their quote, unit and source cells apart from the row\'s quote', () => {
    const withFields: ParsedTable = {
      headers: ['地区', '年份', '调解成功率', '计量单位', '原文', '来源'],
      rows: [
        ['广灵县', '2021', '98.5', '%', '全县调解成功率达98.5%。', 'https://www.sx-guangling.gov.cn/r2021.html'],
        ['灵丘县', '2021', '97', '', '', 'javascript:alert(1)'],
      ],
      firstRow: 2,
    };
    const mapping = suggestMapping(withFields.headers);
    expect(mapping).toMatchObject({ unit: 3, quote: 4, source: 5 });
    const r = validateRows(withFields, mapping, OPTIONS);
    expect(r.rejects).toEqual([]);
    const dataset = buildTableDataset({ id: OPTIONS.datasetId, fileName: 'fields.csv', importedAt: '2026-12-06T02:00:00.000Z', encoding: 'UTF-8', observations: r.observations });
    expect(dataset.observations.map((o) => [o.region_name, o.quote, o.table_quote, o.table_unit, o.table_source])).toEqual([
      ['广灵县', '地区: 广灵县; 年份: 2021; 调解成功率: 98.5', '全县调解成功率达98.5%。', '%', 'https://www.sx-guangling.gov.cn/r2021.html'],
      ['灵丘县', '地区: 灵丘县; 年份: 2021; 调解成功率: 97', '', '', 'javascript:alert(1)'],
    ]);
    // The span still marks the value in the row's quote.
    for (const o of dataset.observations) expect(o.quote.slice(o.span_start, o.span_end)).toBe(String(o.value));
  });
});

describe('validating the long fixtures (CSV and Parquet)', () => {
  const check = (raw: { headers: string[]; rows: string[][] }) => {
    const mapping = suggestMapping(raw.headers, raw.rows);
    expect(mapping.format).toBe('long');
    // What the mapping step offers: 行政复议收案数 is written as the catalog names it, so it starts mapped.
    mapping.indicatorValues = suggestIndicatorValues(distinctIndicatorCells(raw.rows, mapping.indicator!, 300).cells.map((c) => c.text));
    expect([...mapping.indicatorValues]).toEqual([['unknown.indicator', null], ['行政复议收案数', 'admin_review.received']]);
    const result = validateRows(table(raw), mapping, OPTIONS);
    expect(result.observations.map((o) => `${o.region_code} ${o.year} ${o.indicator_id} ${o.value}`)).toEqual([
      '140223 2021 mediation.success_rate 98.5', '140223 2022 mediation.success_rate 97.8',
      '140224 2021 hotline.satisfaction_rate 93.8', '140224 2022 admin_review.received 18',
    ]);
    expect(result.rejects.map((r) => `${r.row} ${r.column} ${r.code}`)).toEqual(['6 value duplicate', '7 indicator_id indicator-unknown']);
  };
  it('reads the UTF-8 CSV', () => check(parseCsvText(decodeBytes(new Uint8Array(fixture('lingqiu-long-utf8.csv'))).text)));
  it('reads the Snappy Parquet written by DuckDB', async () => {
    const bytes = fixture('lingqiu-long-snappy.parquet');
    const raw = await readParquetTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(raw.headers).toEqual(['region_code', 'region_name', 'year', 'indicator_id', 'value', 'unit']);
    check(raw);
  });
  it('reads the ZSTD Parquet (Polars\' default codec) through hyparquet-compressors', async () => {
    const bytes = fixture('lingqiu-long-zstd.parquet');
    check(await readParquetTable(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  });
});

describe('hostile input', () => {
  it('refuses a header with too many columns, naming the count', () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    let error: unknown;
    try { parseCsvText(`${header}\n1,2\n`); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(TableReadError);
    expect(error).toMatchObject({ code: 'too-many-columns', detail: '100000' });
  });

  it('cuts an over-long cell and keeps markup as plain text', () => {
    const raw = parseCsvText(`地区,年份,调解成功率\n<img src=x onerror=alert(1)>,2021,${'9'.repeat(5000)}\n`);
    expect(raw.cutCells).toBe(1);
    expect(raw.rows[0]![2]!.length).toBe(TABLE_LIMITS.maxCellChars + 1);
    const result = validateRows(table(raw), suggestMapping(raw.headers), OPTIONS);
    expect(result.observations).toEqual([]);
    expect(result.rejects[0]).toMatchObject({ row: 2, column: '地区', value: '<img src=x onerror=alert(1)>', code: 'region-unknown' });
  });

  it('rejects negative values, percents for counts, missing and non-numeric years', () => {
    const t: ParsedTable = { headers: ['地区', '年份', '行政复议收案数', '调解成功率'], rows: [
      ['广灵县', '2021', '-3', '-1'], ['广灵县', '2022', '50%', '50'], ['广灵县', '', '1', '1'], ['广灵县', '二〇二一', '1', '1'],
    ], firstRow: 2 };
    const r = validateRows(t, suggestMapping(t.headers), OPTIONS);
    expect(r.rejects.map((x) => `${x.row} ${x.column} ${x.code}`)).toEqual([
      '2 行政复议收案数 value-negative', '2 调解成功率 value-negative', '3 行政复议收案数 percent-for-count', '4 年份 year-missing', '5 年份 year-invalid',
    ]);
    expect(r.observations).toHaveLength(1);
  });

  it('names the file line of each row: blank lines and line breaks inside quoted cells are counted', () => {
    const raw = parseCsvText('地区,年份,调解成功率\r\n\r\n广灵县,2021,90\r\n"灵丘\r\n县",2021,91\r\n\r\n广灵县,2022,abc');
    expect(raw.rowNumbers).toEqual([3, 4, 7]);
    const result = validateRows(table(raw), suggestMapping(raw.headers), OPTIONS);
    expect(result.observations.map((o) => o.source_row)).toEqual([3, 4]); // the line break inside 灵丘县 is no part of the name
    expect(result.rejects.map((r) => `${r.row} ${r.code}`)).toEqual(['7 value-not-numeric']);
  });

  it('an unclosed quote costs only its own line, which is listed as a reject by number', () => {
    const raw = parseCsvText('地区,年份,调解成功率\n广灵县,2021,90\n"灵丘县,2022,91\n广灵县,2022,92\n');
    expect(raw.rows).toEqual([['广灵县', '2021', '90'], ['广灵县', '2022', '92']]);
    expect(raw.rowNumbers).toEqual([2, 4]);
    const result = validateRows({ ...table(raw), broken: raw.broken }, suggestMapping(raw.headers), OPTIONS);
    expect(result.observations.map((o) => o.source_row)).toEqual([2, 4]);
    expect(result.rejects.map((r) => `${r.row} ${r.code} ${r.value}`)).toEqual(['3 row-quote-unclosed "灵丘县,2022,91']);
  });

  it('reports an empty file', () => {
    expect(() => parseCsvText('\ufeff  \n')).toThrow(TableReadError);
  });
});
