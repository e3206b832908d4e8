/**
 * What the columns of an uploaded table mean. Two shapes are read:
 * - long: one row per figure, with region, year, indicator and value columns (the contract's
 *   observation columns, docs/DATA-CONTRACT.md §3);
 * - wide: one row per region and year, one column per indicator.
 * Either shape may name optional unit, quote and source columns: they are kept with each figure.
 * `suggestMapping` proposes a mapping from the headers (and a few sample rows); the user confirms it.
 * A column no role takes is listed as unused (`unusedColumns`), never dropped without a word.
 */
import { INDICATORS } from '../catalog/indicators.ts';
import { suggestIndicator } from './match-indicator.ts';

export type TableFormat = 'long' | 'wide';

export interface TableMapping {
  format: TableFormat;
  /** Column indexes (0-based) or null when absent. */
  region: number | null;
  province: number | null;
  prefecture: number | null;
  year: number | null;
  /** Long format: the column naming the indicator (an id or a catalog name) and the value column. */
  indicator: number | null;
  value: number | null;
  /**
   * Long format: what an indicator cell that is not a catalog id stands for, as the user mapped it
   * in the mapping step (null: not imported). A cell is never matched to an indicator otherwise.
   */
  indicatorValues: Map<string, string | null>;
  /** Wide format: per column, the indicator it holds, or null (ignored). Keys are column indexes. */
  indicatorColumns: Record<number, string | null>;
  /** Optional: the unit of each figure (checked against the indicator's), its quote, its source (URL, report, page). */
  unit: number | null;
  quote: number | null;
  source: number | null;
}

/** The optional roles, in the order they are quoted after a figure. */
export const OPTIONAL_ROLES = ['unit', 'quote', 'source'] as const;

/** Header words for each role, most specific first (matched on the normalised header, whole). */
const ROLE_HEADERS: Record<'region' | 'regionName' | 'province' | 'prefecture' | 'year' | 'indicator' | 'value' | 'unit' | 'quote' | 'source', readonly string[]> = {
  region: ['regioncode', 'region_code', '行政区划代码', '区划代码', '地区代码', '行政代码', 'code', 'adcode', '代码'],
  regionName: ['regionname', 'region_name', 'region', '地区', '地区名称', '区县', '县区', '县(区)', '县市区', '县(市、区)', '县(市区)', '行政区', '行政区划', '行政区名称', '地方', '区域', '县', '县名', 'county', 'district', 'place', 'name', '名称', '单位'],
  province: ['province', 'provincename', 'province_name', 'province_code', '省', '省份', '省份名称', '所属省份', '省(区、市)', '省区市'],
  prefecture: ['prefecture', 'prefecturename', 'prefecture_name', 'prefecture_code', 'city', '市', '地市', '城市', '所属地市', '所属城市', '设区市', '地级市'],
  year: ['year', '年份', '年度', '年', '报告年度', '统计年度', 'yr'],
  indicator: ['indicator_id', 'indicatorid', 'indicator', '指标', '指标名称', '指标代码', '统计指标', '项目'],
  value: ['value', '数值', '值', '数据', '指标值', '数量', 'amount'],
  unit: ['unit', 'units', '单位', '计量单位'],
  quote: ['quote', 'text', 'sentence', '原文', '引文', '原句', '摘录', '出处原文'],
  source: ['source', 'source_url', 'url', 'report', 'report_id', '来源', '数据来源', '出处', '链接', '报告', '来源报告'],
};

const headerKey = (header: string): string => header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');

function findRole(keys: readonly string[], role: keyof typeof ROLE_HEADERS, taken: Set<number>): number | null {
  for (const word of ROLE_HEADERS[role]) {
    const index = keys.findIndex((k, i) => !taken.has(i) && (k === word || k === word.replace(/[()（）、]/g, '')));
    if (index >= 0) return index;
  }
  return null;
}

const looksLikeYear = (cell: string | undefined): boolean => {
  const m = /^(\d{4})(?:年|\.0)?$/.exec((cell ?? '').normalize('NFKC').trim());
  return !!m && Number(m[1]) >= 1949 && Number(m[1]) <= 2100;
};

/** The mapping the headers suggest; sample rows help find a year column with an unusual header. */
export function suggestMapping(headers: readonly string[], sampleRows: ReadonlyArray<readonly string[]> = []): TableMapping {
  const keys = headers.map(headerKey);
  const taken = new Set<number>();
  const take = (index: number | null): number | null => {
    if (index !== null) taken.add(index);
    return index;
  };
  // A code column is matched exactly, so it wins over a name column when both are present.
  const region = take(findRole(keys, 'region', taken) ?? findRole(keys, 'regionName', taken));
  const regionName = findRole(keys, 'regionName', taken);
  if (regionName !== null) taken.add(regionName); // region_name beside region_code: informative, not an indicator
  const province = take(findRole(keys, 'province', taken));
  const prefecture = take(findRole(keys, 'prefecture', taken));
  let year = take(findRole(keys, 'year', taken));
  if (year === null && sampleRows.length > 0) {
    const byContent = headers.findIndex((_, i) => !taken.has(i) && sampleRows.every((row) => looksLikeYear(row[i])));
    if (byContent >= 0) year = take(byContent);
  }
  const unit = take(findRole(keys, 'unit', taken));
  const quote = take(findRole(keys, 'quote', taken));
  const source = take(findRole(keys, 'source', taken));
  const indicator = findRole(keys, 'indicator', taken);
  const value = findRole(keys, 'value', taken);
  const optional = { unit, quote, source, indicatorValues: new Map<string, string | null>() };
  if (indicator !== null && value !== null) {
    return { format: 'long', region, province, prefecture, year, indicator, value, indicatorColumns: {}, ...optional };
  }
  const indicatorColumns: Record<number, string | null> = {};
  headers.forEach((header, i) => {
    if (taken.has(i)) return;
    indicatorColumns[i] = suggestIndicator(header)?.indicatorId ?? null;
  });
  return { format: 'wide', region, province, prefecture, year, indicator: null, value: null, indicatorColumns, ...optional };
}

/** A name as written: width, case and runs of spaces aside, and a unit in brackets at the end (`调解成功率(%)`). */
const nameKey = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s*[([]\s*[^()[\]]{1,6}\s*[)\]]\s*$/, '').replace(/\s+/g, ' ').trim();

const EXACT_NAMES = new Map<string, string>();
for (const i of INDICATORS) {
  for (const name of [i.name_zh, i.name_en]) EXACT_NAMES.set(nameKey(name), i.indicator_id);
}

/**
 * Long format: a first mapping of the indicator cells that are not catalog ids. Only a cell that
 * is an indicator's name as the catalog writes it (case, spaces and a bracketed unit aside) is
 * prefilled; every other cell starts unmapped, with the closest indicator offered as a hint in
 * the mapping step (`suggestIndicator`), so nothing like `mediation.success_rate" OR 1=1 --` is
 * ever taken for an indicator unless the user says so.
 */
export function suggestIndicatorValues(cells: readonly string[]): Map<string, string | null> {
  const ids = new Set(INDICATORS.map((i) => i.indicator_id));
  // A Map, not an object: a cell may be `__proto__` or `constructor`.
  const mapped = new Map<string, string | null>();
  for (const cell of cells) {
    if (ids.has(cell)) continue;
    mapped.set(cell, EXACT_NAMES.get(nameKey(cell)) ?? null);
  }
  return mapped;
}

/** Columns no role takes (and, wide, no indicator): named in the mapping step as unused. */
export function unusedColumns(mapping: TableMapping, columnCount: number): number[] {
  const used = new Set<number>([mapping.region, mapping.province, mapping.prefecture, mapping.year, mapping.unit, mapping.quote, mapping.source]
    .filter((c): c is number => c !== null));
  if (mapping.format === 'long') {
    if (mapping.indicator !== null) used.add(mapping.indicator);
    if (mapping.value !== null) used.add(mapping.value);
  } else {
    for (const [column, id] of Object.entries(mapping.indicatorColumns)) if (id !== null) used.add(Number(column));
  }
  return Array.from({ length: columnCount }, (_, i) => i).filter((i) => !used.has(i));
}

/** What is still missing before rows can be validated (empty when the mapping is usable). */
export function mappingProblems(mapping: TableMapping): Array<'region' | 'year' | 'indicator' | 'value' | 'indicator-columns'> {
  const problems: Array<'region' | 'year' | 'indicator' | 'value' | 'indicator-columns'> = [];
  if (mapping.region === null) problems.push('region');
  if (mapping.year === null) problems.push('year');
  if (mapping.format === 'long') {
    if (mapping.indicator === null) problems.push('indicator');
    if (mapping.value === null) problems.push('value');
  } else if (!Object.values(mapping.indicatorColumns).some((id) => id !== null)) problems.push('indicator-columns');
  return problems;
}
