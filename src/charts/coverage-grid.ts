/**
 * The coverage grid: places (rows, grouped by province, then prefecture) × indicators (columns,
 * grouped by category), each cell saying what exists. Pure: query rows in, a render-ready model out.
 *
 * Why an HTML table rather than an ECharts heat map: the grid is read cell by cell (which years,
 * part-year or not), it must be reachable by keyboard with a spoken label per cell, its row and
 * column headers are long Chinese names that a table lays out and wraps better than axis labels,
 * and a national dataset (≈ 2,800 places) needs collapsible province groups and a scrolling body
 * with sticky headers. A canvas would give none of that for free.
 *
 * A cell is in one of four states:
 * - `whole`: at least one year has a whole-year figure; the label is the number of such years
 *   (or ● when one year is chosen) and the shade deepens with it. `extraPart` marks cells that
 *   also have years with only part-year figures;
 * - `part`: only part-year figures (monthly or quarterly bulletins, "1至8月"): ◐, hatched;
 * - `qual`: only qualitative statements, no number: ○;
 * - `empty`: nothing at all.
 */
import { areaLabel } from '../core/regions/place-label.ts';
import type { CoverageCell, CoveragePlace } from '../db/queries/coverage.ts';
import type { Lang } from './format-value.ts';

export type CellState = 'whole' | 'part' | 'qual' | 'empty';

/** Every word the grid builds into labels, supplied by the page's message catalog. */
export interface CoverageText {
  /** The researcher's own data: "含我的数据 N 条" (optional: the cell is marked only when the words are given). */
  userRows?: (n: number) => string;
  /** "3 years with a whole-year figure (2021, 2022, 2024)". */
  wholeYears: (n: number, years: string) => string;
  /** "only part-year figures in 1 year (2023)". */
  partYears: (n: number, years: string) => string;
  /** "only a qualitative statement in 1 year (2022)". */
  qualYears: (n: number, years: string) => string;
  /** Nothing reported. */
  empty: string;
  /** A province row: "2 places with a whole-year figure". */
  placesWhole: (n: number) => string;
  placesPart: (n: number) => string;
  placesQual: (n: number) => string;
  /** Group label for places without a province. */
  otherProvince: string;
  /** Joins the years of a list: "、" in Chinese, ", " in English. */
  listSeparator: string;
  /** Joins the clauses of a description: ";" in Chinese, "; " in English. */
  clauseSeparator: string;
}

export interface GridIndicator {
  indicator_id: string;
  name_zh: string;
  name_en: string;
  unit: string;
  category_zh: string;
  category_en: string;
}

export interface GridSettings {
  lang: Lang;
  /** null: all years. */
  year: number | null;
  /** Leave out places and indicators without any row (under the year filter). */
  hideEmpty: boolean;
  text: CoverageText;
}

export interface GridCell {
  indicatorId: string;
  state: CellState;
  /** What the cell shows: a count, ●, ◐, ○ or ''. */
  label: string;
  /** 0 (empty) … 5 (most years or places): the shade. */
  level: number;
  /** A `whole` cell that also has years with only part-year figures. */
  extraPart: boolean;
  /** The cell in words (aria-label and tooltip), without the place and indicator names. */
  detail: string;
  /** Some of the cell's rows are the researcher's own (我的数据). */
  user?: boolean;
}

export interface GridColumn {
  indicatorId: string;
  name: string;
  unit: string;
  category: string;
  /** The first column of its category (draws the group border). */
  categoryStart: boolean;
  /** Places with a whole-year figure (under the year filter). */
  nWhole: number;
}

export interface GridRow {
  code: string;
  name: string;
  /** The other script of the name (pinyin in Chinese mode is not shown; Chinese in English mode). */
  altName: string;
  prefecture: string;
  cells: GridCell[];
  /** Cells that are not empty. */
  nFilled: number;
}

export interface GridGroup {
  key: string;
  name: string;
  rows: GridRow[];
  /** Per indicator: how many of the group's places have it (label = places with a whole-year figure; shade = their share of the group). */
  summary: GridCell[];
  nPlacesWithData: number;
}

export interface CoverageGrid {
  categories: { label: string; span: number }[];
  columns: GridColumn[];
  groups: GridGroup[];
  nPlaces: number;
  nPlacesWithData: number;
}

export const MARK = { whole: '●', part: '◐', qual: '○' } as const;

/** Shade of a count (years or places): 1, 2, 3, 4–5, 6+. */
export function levelOf(n: number): number {
  if (n <= 0) return 0;
  if (n <= 3) return n;
  return n <= 5 ? 4 : 5;
}

function describe(cell: CoverageCell | undefined, text: CoverageText): string {
  if (!cell) return text.empty;
  const list = (ys: number[]) => ys.join(text.listSeparator);
  const parts = [
    cell.whole_years.length ? text.wholeYears(cell.whole_years.length, list(cell.whole_years)) : '',
    cell.part_years.length ? text.partYears(cell.part_years.length, list(cell.part_years)) : '',
    cell.qual_years.length ? text.qualYears(cell.qual_years.length, list(cell.qual_years)) : '',
    (cell.n_user ?? 0) > 0 && text.userRows ? text.userRows(cell.n_user!) : '',
  ].filter(Boolean);
  return parts.length ? parts.join(text.clauseSeparator) : text.empty;
}

interface Places { whole: number; part: number; qual: number }

function describePlaces({ whole, part, qual }: Places, text: CoverageText): string {
  return [whole ? text.placesWhole(whole) : '', part ? text.placesPart(part) : '', qual ? text.placesQual(qual) : '']
    .filter(Boolean).join(text.clauseSeparator) || text.empty;
}

/**
 * A cell whose words are written when first read: a national grid has ≈ 285 k cells, a screen shows
 * a few hundred, and writing every label up front was most of the builder's time.
 */
class Cell implements GridCell {
  readonly indicatorId: string;
  readonly state: CellState;
  readonly label: string;
  readonly level: number;
  readonly extraPart: boolean;
  /** Some of the cell's rows are the researcher's own (我的数据); absent otherwise. */
  readonly user?: true;
  #words: () => string;
  #detail: string | undefined;

  constructor(indicatorId: string, state: CellState, label: string, level: number, extraPart: boolean, words: () => string, user = false) {
    this.indicatorId = indicatorId;
    if (user) this.user = true;
    this.state = state;
    this.label = label;
    this.level = level;
    this.extraPart = extraPart;
    this.#words = words;
  }

  get detail(): string {
    this.#detail ??= this.#words();
    return this.#detail;
  }
}

export function cellOf(cell: CoverageCell | undefined, indicatorId: string, settings: Pick<GridSettings, 'year' | 'text'>): GridCell {
  const words = () => describe(cell, settings.text);
  const user = (cell?.n_user ?? 0) > 0;
  if (!cell) return new Cell(indicatorId, 'empty', '', 0, false, words, user);
  const nWhole = cell.whole_years.length;
  if (nWhole > 0) {
    const one = settings.year !== null;
    return new Cell(indicatorId, 'whole', one ? MARK.whole : String(nWhole), one ? 4 : levelOf(nWhole), cell.part_years.length > 0, words, user);
  }
  if (cell.part_years.length > 0) return new Cell(indicatorId, 'part', MARK.part, 0, false, words, user);
  if (cell.qual_years.length > 0) return new Cell(indicatorId, 'qual', MARK.qual, 0, false, words, user);
  return new Cell(indicatorId, 'empty', '', 0, false, words, user);
}

function summaryCell(places: Places, nPlaces: number, indicatorId: string, text: CoverageText): GridCell {
  const { whole, part } = places;
  const words = () => describePlaces(places, text);
  if (whole) return new Cell(indicatorId, 'whole', String(whole), Math.min(5, Math.ceil((5 * whole) / nPlaces)), part > 0, words);
  if (part) return new Cell(indicatorId, 'part', MARK.part, 0, false, words);
  if (places.qual) return new Cell(indicatorId, 'qual', MARK.qual, 0, false, words);
  return new Cell(indicatorId, 'empty', '', 0, false, words);
}

export function buildCoverageGrid(
  places: readonly CoveragePlace[],
  indicators: readonly GridIndicator[],
  cells: readonly CoverageCell[],
  settings: GridSettings,
): CoverageGrid {
  const { lang, text } = settings;
  const indicatorsWithData = new Set(cells.map((c) => c.indicator_id));

  // Columns grouped by category, categories in order of first appearance, catalog order within each.
  const categoryRank = new Map<string, number>();
  for (const i of indicators) if (!categoryRank.has(i.category_en)) categoryRank.set(i.category_en, categoryRank.size);
  const shownIndicators = (settings.hideEmpty ? indicators.filter((i) => indicatorsWithData.has(i.indicator_id)) : [...indicators])
    .map((i, at) => ({ i, at }))
    .sort((a, b) => categoryRank.get(a.i.category_en)! - categoryRank.get(b.i.category_en)! || a.at - b.at)
    .map(({ i }) => i);
  const wholePlaces = new Map<string, number>();
  for (const c of cells) if (c.whole_years.length) wholePlaces.set(c.indicator_id, (wholePlaces.get(c.indicator_id) ?? 0) + 1);

  const columns: GridColumn[] = [];
  const categories: { label: string; span: number }[] = [];
  for (const i of shownIndicators) {
    const category = lang === 'zh' ? i.category_zh : i.category_en;
    const last = categories.at(-1);
    if (last && last.label === category) last.span += 1;
    else categories.push({ label: category, span: 1 });
    columns.push({
      indicatorId: i.indicator_id, name: lang === 'zh' ? i.name_zh : i.name_en, unit: i.unit, category,
      categoryStart: last?.label !== category, nWhole: wholePlaces.get(i.indicator_id) ?? 0,
    });
  }

  // Each place's cells by column position: one map lookup per cell, not a string key per place × column.
  const columnOf = new Map(columns.map((col, at) => [col.indicatorId, at]));
  const byPlace = new Map<string, Array<CoverageCell | undefined>>();
  for (const c of cells) {
    let row = byPlace.get(c.region_code);
    if (!row) byPlace.set(c.region_code, (row = new Array<CoverageCell | undefined>(columns.length)));
    const at = columnOf.get(c.indicator_id);
    if (at !== undefined) row[at] = c;
  }
  const noCells: Array<CoverageCell | undefined> = new Array<CoverageCell | undefined>(columns.length);
  const empties = columns.map((col) => cellOf(undefined, col.indicatorId, settings));

  // Groups in order of first appearance (the query sorts by province, prefecture, code).
  const byProvince = new Map<string, GridGroup & { places: Places[] }>();
  for (const place of places) {
    const found = byPlace.get(place.region_code);
    if (settings.hideEmpty && !found) continue;
    const key = place.province_code || '';
    let group = byProvince.get(key);
    if (!group) {
      group = { key, name: areaLabel(place.province_name, place.province_pinyin, lang) || text.otherProvince, rows: [], summary: [], nPlacesWithData: 0, places: columns.map(() => ({ whole: 0, part: 0, qual: 0 })) };
      byProvince.set(key, group);
    }
    const source = found ?? noCells;
    let nFilled = 0;
    const rowCells = columns.map((col, at) => {
      const c = source[at];
      if (!c) return empties[at]!;
      const counts = group.places[at]!;
      if (c.whole_years.length) counts.whole += 1;
      else if (c.part_years.length) counts.part += 1;
      else if (c.qual_years.length) counts.qual += 1;
      const gridCell = cellOf(c, col.indicatorId, settings);
      if (gridCell.state !== 'empty') nFilled += 1;
      return gridCell;
    });
    if (found) group.nPlacesWithData += 1;
    group.rows.push({
      code: place.region_code,
      name: lang === 'en' && place.name_pinyin ? place.name_pinyin : place.region_name,
      altName: lang === 'en' && place.name_pinyin ? place.region_name : '',
      prefecture: areaLabel(place.prefecture_name, place.prefecture_pinyin, lang),
      cells: rowCells,
      nFilled,
    });
  }
  const groups: GridGroup[] = [...byProvince.values()].map(({ places: counts, ...group }) => ({
    ...group, summary: columns.map((col, at) => summaryCell(counts[at]!, group.rows.length, col.indicatorId, text)),
  }));
  return {
    categories, columns, groups,
    nPlaces: groups.reduce((n, g) => n + g.rows.length, 0),
    nPlacesWithData: groups.reduce((n, g) => n + g.nPlacesWithData, 0),
  };
}
