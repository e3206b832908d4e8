/**
 * The landing state of the dashboard (Trends with no choice made in the URL): which indicator and
 * which places it draws. One definition, used by the Trends view and by the pipeline's snapshot
 * (scripts/lib/write-snapshot.ts), so the snapshot is exactly what the page would draw.
 */
/** A count with a real series: 通州区 reports its administrative review cases for 2019–2024. */
export const DEFAULT_INDICATOR = 'admin_review.received';
/** At most this many places are drawn by default; the reader can add the rest. */
export const DEFAULT_REGION_COUNT = 8;
/** A place needs this many whole-year figures to be drawn by default: one point is not a trend. */
export const DEFAULT_MIN_WHOLE_YEARS = 2;

/** The wanted indicator if it has numbers, else the default, else the first with numbers, else the first. */
export function pickIndicator(indicators: ReadonlyArray<{ indicator_id: string; n_values: number }>, wanted: string | null): string | null {
  const has = (id: string | null) => indicators.find((i) => i.indicator_id === id && i.n_values > 0);
  return (has(wanted) ?? has(DEFAULT_INDICATOR) ?? indicators.find((i) => i.n_values > 0) ?? indicators[0])?.indicator_id ?? null;
}

/** What the default needs to know of a place: its code and how many whole years it covers. */
export interface LandingPlace { region_code: string; n_whole_years: number }

/**
 * The places drawn by default, in the order given (best covered first): those with at least
 * DEFAULT_MIN_WHOLE_YEARS whole-year figures; when none has that many, those with any whole-year
 * figure; when none has one (an indicator of part-year bulletins only), the first places as given.
 * At most DEFAULT_REGION_COUNT.
 */
export function defaultRegions(regions: readonly LandingPlace[]): string[] {
  const series = regions.filter((r) => r.n_whole_years >= DEFAULT_MIN_WHOLE_YEARS);
  const whole = regions.filter((r) => r.n_whole_years > 0);
  const chosen = series.length > 0 ? series : whole.length > 0 ? whole : regions;
  return chosen.slice(0, DEFAULT_REGION_COUNT).map((r) => r.region_code);
}
