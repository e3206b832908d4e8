/**
 * The Profile table as CSV: one record per indicator of the catalog (reported or not), with the
 * place's latest figure, the change from the year before, its standing among the peers, its flags,
 * and the sentence and report it comes from. Pure; the view supplies the quotes and reports (by obs_id).
 */
import type { GridIndicator } from './coverage-grid.ts';
import type { RankDirection } from '../db/queries/compare.ts';
import type { Absence } from '../db/queries/place-reports.ts';
import type { ProfileSummary } from '../db/queries/profile.ts';
import { percentileOf, rankOf } from '../db/queries/profile.ts';
import type { Lang } from './format-value.ts';

export const PROFILE_CSV_COLUMNS = [
  'region_code', 'region_name', 'peer_group', 'category', 'indicator_id', 'indicator', 'unit', 'reported',
  'latest_value', 'approx', 'value_kind', 'year', 'period', 'n_candidates',
  'previous_year', 'previous_value', 'previous_period', 'change', 'change_percent',
  'absence', 'percentile', 'rank', 'peers_n', 'peers_below', 'peers_above', 'peers_median', 'standing_year', 'year_tolerance', 'peers_other_years',
  'flags', 'quote', 'report_id', 'report_title', 'publisher', 'source_kind', 'published', 'url', 'obs_id',
  // Whose figure each is: 'user' for the researcher's own data (as in the Trends and Compare exports), so a
  // user's figure is never passed on as published data; the previous year's too, as the change mixes both.
  'origin', 'previous_origin',
] as const;

export type ProfileCsvRow = Record<(typeof PROFILE_CSV_COLUMNS)[number], string | number | boolean | null>;

/** What the CSV needs of a catalog indicator: the same as the coverage grid's columns. */
export type ProfileCsvIndicator = GridIndicator;

/** The sentence and report of a latest figure, by its obs_id ('' for what the report does not record). */
export interface ProfileCsvSource {
  quote: string;
  report_id: string;
  report_title: string;
  publisher: string;
  source_kind: string;
  published: string;
  url: string;
}

/** Fewer peers than this and the percentile is not given (as in the table). */
export const MIN_PERCENTILE_PEERS = 3;

/**
 * One record per indicator, in the table's order. `percentile` and `peers_median` are left empty where
 * the table gives none (part-year latest figure, fewer than 3 places); the peer counts are kept.
 * `reported` is false only where a full report lacks the indicator; for a place we hold only excerpts
 * of it is empty, and `absence` says why.
 */
export function profileCsvRows(
  rows: readonly ProfileSummary[],
  indicators: readonly ProfileCsvIndicator[],
  context: {
    place: { region_code: string; region_name: string };
    peerGroup: string;
    lang: Lang;
    sources: ReadonlyMap<string, ProfileCsvSource>;
    /** What a missing indicator means for this place: not reported (a full report lacks it) or not in the excerpts we hold. */
    absence: Absence;
    /** The year tolerance the standings used. */
    tolerance: number;
    directions: ReadonlyMap<string, RankDirection>;
  },
): ProfileCsvRow[] {
  const byIndicator = new Map(indicators.map((i) => [i.indicator_id, i]));
  const zh = context.lang === 'zh';
  return rows.map((row) => {
    const i = byIndicator.get(row.indicator_id);
    const { latest, previous, change, standing } = row;
    const source = latest ? context.sources.get(latest.obs_id) : undefined;
    const percentile = standing && standing.n >= MIN_PERCENTILE_PEERS ? percentileOf(standing) : null;
    const direction = context.directions.get(row.indicator_id) ?? 'size';
    return {
      region_code: context.place.region_code, region_name: context.place.region_name, peer_group: context.peerGroup,
      category: i ? (zh ? i.category_zh : i.category_en) : '', indicator_id: row.indicator_id,
      indicator: i ? (zh ? i.name_zh : i.name_en) : row.indicator_id, unit: latest?.unit || i?.unit || '',
      reported: latest !== null ? true : context.absence.kind === 'not-reported' ? false : null,
      absence: latest !== null ? '' : context.absence.kind,
      latest_value: latest?.value ?? null, approx: latest?.approx ?? null, value_kind: latest?.value_kind ?? null,
      year: latest?.year ?? null, period: latest?.period ?? null, n_candidates: latest?.n_candidates ?? null,
      previous_year: previous?.year ?? null, previous_value: previous?.value ?? null, previous_period: previous?.period ?? null,
      change: change?.delta ?? null, change_percent: change?.relative ?? null,
      percentile: percentile === null ? null : Math.round(percentile * 10) / 10,
      rank: standing && standing.n >= 2 ? rankOf(standing, direction) : null,
      peers_n: standing?.n ?? null, peers_below: standing?.n_below ?? null, peers_above: standing?.n_above ?? null,
      peers_median: standing && standing.n >= MIN_PERCENTILE_PEERS ? standing.median : null,
      standing_year: standing?.year ?? null, year_tolerance: standing ? context.tolerance : null,
      peers_other_years: standing ? standing.other_years.map((o) => `${o.region_name} ${o.year}`).join('; ') : '',
      flags: latest?.flags.join('; ') ?? '', quote: source?.quote ?? '', report_id: source?.report_id ?? '',
      report_title: source?.report_title ?? '', publisher: source?.publisher ?? '',
      source_kind: source?.source_kind ?? '', published: source?.published ?? '', url: source?.url ?? '', obs_id: latest?.obs_id ?? '',
      origin: latest ? latest.origin ?? 'shipped' : null, previous_origin: previous ? previous.origin ?? 'shipped' : null,
    };
  });
}
