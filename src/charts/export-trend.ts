/**
 * What the trend chart exports besides its picture: its flagged points for the notes, and its data
 * as CSV rows (the points drawn, with their quote and report). Pure.
 */
import type { ReportSource } from '../db/queries/provenance.ts';
import type { TrendPoint } from '../db/queries/trend.ts';
import type { FlaggedRow } from './export-meta.ts';
import type { Lang } from './format-value.ts';
import { isIndexed } from './trend-index.ts';
import { placeLabels } from '../core/regions/place-label.ts';

/** Each drawn point as a note item, labelled "测试县 2023" (in English with the pinyin). */
export function trendFlaggedRows(points: readonly TrendPoint[], lang: Lang): FlaggedRow[] {
  const names = placeLabels(points, lang);
  return points.map((p) => ({
    label: `${names.get(p.region_code) ?? p.region_name}${lang === 'zh' ? '' : ' '}${p.year}`,
    period: p.period, approx: p.approx, value_kind: p.value_kind, flags: p.flags, conflict: p.conflict, user: p.origin === 'user',
  }));
}

/**
 * What the export's subtitle says about the points drawn: how many places, and how many of the
 * figures are part-year (0: whole-year figures only), whatever the part-year toggle says.
 */
export function trendSubtitleFacts(points: readonly TrendPoint[]): { places: number; partYear: number } {
  return { places: new Set(points.map((p) => p.region_code)).size, partYear: points.filter((p) => p.period !== 'year').length };
}

export const TREND_CSV_COLUMNS = [
  'region_code', 'region_name', 'name_pinyin', 'year', 'period', 'indicator_id', 'indicator', 'value', 'unit', 'approx', 'value_kind',
  'flags', 'n_candidates', 'conflict', 'quote', 'report_id', 'report_title', 'publisher', 'publisher_kind', 'source_kind', 'published', 'url', 'obs_id',
  'origin', 'index', 'index_base_year',
] as const;

export type TrendCsvRow = Record<(typeof TREND_CSV_COLUMNS)[number], string | number | boolean | null>;

/** The points drawn, one row each, with the sentence and the report they come from (for `toCsv`). */
export function trendCsvRows(
  points: readonly TrendPoint[], reports: readonly ReportSource[], indicator: { id: string; name: string; unit: string },
): TrendCsvRow[] {
  const byId = new Map(reports.map((r) => [r.report_id, r]));
  return points.map((p) => {
    const report = byId.get(p.report_id);
    return {
      region_code: p.region_code, region_name: p.region_name, name_pinyin: p.name_pinyin, year: p.year, period: p.period,
      indicator_id: indicator.id, indicator: indicator.name, value: isIndexed(p) ? p.printed : p.value, unit: p.unit || indicator.unit,
      approx: p.approx, value_kind: p.value_kind, flags: p.flags.join('; '), n_candidates: p.n_candidates, conflict: p.conflict,
      quote: p.quote, report_id: p.report_id, report_title: report?.title ?? '', publisher: report?.publisher ?? '',
      publisher_kind: report?.publisher_kind ?? p.publisher_kind, source_kind: report?.source_kind ?? '', published: report?.published ?? '',
      url: report?.url ?? '', obs_id: p.obs_id,
      origin: p.origin ?? 'shipped',
      // Index mode: `value` stays the figure as printed; the index and its base year are their own columns.
      index: isIndexed(p) ? Math.round(p.value * 10) / 10 : null, index_base_year: isIndexed(p) ? p.base_year : null,
    };
  });
}
