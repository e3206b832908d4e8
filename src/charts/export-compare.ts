import { changeBetween, type CompareFigure, type RankDirection, type RankedFigure, type YearPair } from '../db/queries/compare.ts';
import type { ReportSource } from '../db/queries/provenance.ts';
import { orderPairs } from './compare-dumbbell.ts';
import type { FlaggedRow } from './export-meta.ts';
import { decimalsOf, relativeDecimals, roundTo, type Lang } from './format-value.ts';
import { placeLabel } from '../core/regions/place-label.ts';

/**
 * The ranked bars' flagged values, for the export's notes (part-year never appears: it is not ranked).
 * A figure of another year than `target` is named with its year ("广灵县 2024").
 */
export function compareFlaggedRows(ranked: readonly RankedFigure[], lang: Lang, target?: number): FlaggedRow[] {
  return ranked.map((f) => ({
    label: `${placeLabel(f, lang)}${target !== undefined && f.year !== target ? ` ${f.year}` : ''}`,
    period: f.period, approx: f.approx, value_kind: f.value_kind, flags: f.flags, user: f.origin === 'user',
  }));
}

export const COMPARE_CSV_COLUMNS = [
  'rank', 'tied', 'region_code', 'region_name', 'name_pinyin', 'compared_year', 'year', 'year_offset', 'period', 'indicator_id', 'indicator', 'value', 'unit',
  'approx', 'value_kind', 'flags', 'n_candidates', 'quote', 'report_id', 'report_title', 'publisher', 'source_kind', 'published', 'url', 'obs_id',
  'origin',
] as const;

export type CompareCsvRow = Record<(typeof COMPARE_CSV_COLUMNS)[number], string | number | boolean | null>;

/**
 * A figure's quote, from the quotes fetched for the export (the figures come without them). Every figure's
 * quote is fetched (a figure without a sentence has ''), so one missing is an error, never an empty cell.
 */
function quoteOf(quotes: ReadonlyMap<string, string>, obsId: string): string {
  const quote = quotes.get(obsId);
  if (quote === undefined) throw new Error(`找不到数值 ${obsId} 的原文句子 / no quote found for figure ${obsId}`);
  return quote;
}

/**
 * The bars drawn, in rank order, with the sentence and report each comes from (for `toCsv`). `year` is the
 * figure's own year; `compared_year` the year compared and `year_offset` the difference (the year tolerance).
 * `quotes`: every ranked figure's quote by obs_id (the figures come without them).
 */
export function compareCsvRows(
  ranked: readonly RankedFigure[], quotes: ReadonlyMap<string, string>, reports: readonly ReportSource[],
  indicator: { id: string; name: string; unit: string }, target?: number,
): CompareCsvRow[] {
  const byId = new Map(reports.map((r) => [r.report_id, r]));
  return ranked.map((f) => {
    const report = byId.get(f.report_id);
    return {
      rank: f.rank, tied: f.tied, region_code: f.region_code, region_name: f.region_name, name_pinyin: f.name_pinyin,
      compared_year: target ?? f.year, year: f.year, year_offset: f.year - (target ?? f.year), period: f.period, indicator_id: indicator.id, indicator: indicator.name, value: f.value,
      unit: f.unit || indicator.unit, approx: f.approx, value_kind: f.value_kind, flags: f.flags.join('; '),
      n_candidates: f.n_candidates, quote: quoteOf(quotes, f.obs_id), report_id: f.report_id, report_title: report?.title ?? '',
      publisher: report?.publisher ?? '', source_kind: report?.source_kind ?? '', published: report?.published ?? '',
      url: report?.url ?? '', obs_id: f.obs_id, origin: f.origin ?? 'shipped',
    };
  });
}

/** Both dots of every pair drawn, for the export's notes: "测试县 2021", "测试县 2023". */
export function dumbbellFlaggedRows(pairs: readonly YearPair[], lang: Lang): FlaggedRow[] {
  const name = (f: CompareFigure) => placeLabel(f, lang);
  return pairs.flatMap((p) => [p.from, p.to].map((f) => ({
    label: `${name(f)} ${f.year}`, period: f.period, approx: f.approx, value_kind: f.value_kind, flags: f.flags, user: f.origin === 'user',
  })));
}

const END_COLUMNS = ['year', 'period', 'value', 'approx', 'value_kind', 'flags', 'n_candidates', 'quote', 'report_id', 'report_title', 'publisher', 'source_kind', 'published', 'url', 'obs_id', 'origin'] as const;
type EndColumn = (typeof END_COLUMNS)[number];

export const DUMBBELL_CSV_COLUMNS = [
  'region_code', 'region_name', 'name_pinyin', 'indicator_id', 'indicator', 'unit',
  ...END_COLUMNS.map((c) => `from_${c}` as `from_${EndColumn}`),
  ...END_COLUMNS.map((c) => `to_${c}` as `to_${EndColumn}`),
  'change', 'change_percent',
] as const;

export type DumbbellCsvRow = Record<(typeof DUMBBELL_CSV_COLUMNS)[number], string | number | boolean | null>;

/**
 * The pairs drawn, in the chart's order (by the later value, best first), one row per place with both
 * years' values, each with its sentence and report, and the change between them (for `toCsv`).
 * `quotes`: both figures' quotes of every pair by obs_id.
 */
export function dumbbellCsvRows(
  pairs: readonly YearPair[], direction: RankDirection, quotes: ReadonlyMap<string, string>, reports: readonly ReportSource[],
  indicator: { id: string; name: string; unit: string },
): DumbbellCsvRow[] {
  const byId = new Map(reports.map((r) => [r.report_id, r]));
  const end = <P extends 'from' | 'to'>(prefix: P, f: CompareFigure) => {
    const report = byId.get(f.report_id);
    const values: Record<EndColumn, string | number | boolean | null> = {
      year: f.year, period: f.period, value: f.value, approx: f.approx, value_kind: f.value_kind, flags: f.flags.join('; '),
      n_candidates: f.n_candidates, quote: quoteOf(quotes, f.obs_id), report_id: f.report_id, report_title: report?.title ?? '',
      publisher: report?.publisher ?? '', source_kind: report?.source_kind ?? '', published: report?.published ?? '',
      url: report?.url ?? '', obs_id: f.obs_id, origin: f.origin ?? 'shipped',
    };
    return Object.fromEntries(END_COLUMNS.map((c) => [`${prefix}_${c}`, values[c]])) as Record<`${P}_${EndColumn}`, string | number | boolean | null>;
  };
  return orderPairs(pairs, direction).map((p) => {
    const change = changeBetween(p.from.value, p.to.value);
    return {
      region_code: p.region_code, region_name: p.to.region_name, name_pinyin: p.to.name_pinyin,
      indicator_id: indicator.id, indicator: indicator.name, unit: p.to.unit || p.from.unit || indicator.unit,
      ...end('from', p.from), ...end('to', p.to),
      // Computed values keep the printed precision.
      change: roundTo(change.delta, Math.max(decimalsOf(p.from.value), decimalsOf(p.to.value))),
      change_percent: change.relative === null ? null : roundTo(change.relative, relativeDecimals(p.from, p.to)),
    };
  });
}
