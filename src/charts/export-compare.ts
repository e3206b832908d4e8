import type { RankedFigure } from '../db/queries/compare.ts';
import type { ReportSource } from '../db/queries/provenance.ts';
import type { FlaggedRow } from './export-meta.ts';
import type { Lang } from './format-value.ts';

/** The ranked bars' flagged values, for the export's notes (part-year never appears: it is not ranked). */
export function compareFlaggedRows(ranked: readonly RankedFigure[], lang: Lang): FlaggedRow[] {
  return ranked.map((f) => ({
    label: lang === 'zh' || !f.name_pinyin ? f.region_name : `${f.name_pinyin} ${f.region_name}`,
    period: f.period, approx: f.approx, value_kind: f.value_kind, flags: f.flags,
  }));
}

export const COMPARE_CSV_COLUMNS = [
  'rank', 'tied', 'region_code', 'region_name', 'name_pinyin', 'year', 'period', 'indicator_id', 'indicator', 'value', 'unit',
  'approx', 'value_kind', 'flags', 'n_candidates', 'quote', 'report_id', 'report_title', 'publisher', 'url', 'obs_id',
] as const;

export type CompareCsvRow = Record<(typeof COMPARE_CSV_COLUMNS)[number], string | number | boolean | null>;

/** The bars drawn, in rank order, with the sentence and report each comes from (for `toCsv`). */
export function compareCsvRows(
  ranked: readonly RankedFigure[], reports: readonly ReportSource[], indicator: { id: string; name: string; unit: string },
): CompareCsvRow[] {
  const byId = new Map(reports.map((r) => [r.report_id, r]));
  return ranked.map((f) => {
    const report = byId.get(f.report_id);
    return {
      rank: f.rank, tied: f.tied, region_code: f.region_code, region_name: f.region_name, name_pinyin: f.name_pinyin,
      year: f.year, period: f.period, indicator_id: indicator.id, indicator: indicator.name, value: f.value,
      unit: f.unit || indicator.unit, approx: f.approx, value_kind: f.value_kind, flags: f.flags.join('; '),
      n_candidates: f.n_candidates, quote: f.quote, report_id: f.report_id, report_title: report?.title ?? '',
      publisher: report?.publisher ?? '', url: report?.url ?? '', obs_id: f.obs_id,
    };
  });
}
