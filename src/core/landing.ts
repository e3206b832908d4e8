/**
 * The landing state of the dashboard (Trends with no choice made in the URL): which indicator and
 * which places it draws. One definition, used by the Trends view and by the pipeline's snapshot
 * (scripts/lib/write-snapshot.ts), so the snapshot is exactly what the page would draw.
 */
export const DEFAULT_INDICATOR = 'mediation.success_rate';
/** At most this many places are drawn by default; the reader can add the rest. */
export const DEFAULT_REGION_COUNT = 8;

/** The wanted indicator if it has numbers, else the default, else the first with numbers, else the first. */
export function pickIndicator(indicators: ReadonlyArray<{ indicator_id: string; n_values: number }>, wanted: string | null): string | null {
  const has = (id: string | null) => indicators.find((i) => i.indicator_id === id && i.n_values > 0);
  return (has(wanted) ?? has(DEFAULT_INDICATOR) ?? indicators.find((i) => i.n_values > 0) ?? indicators[0])?.indicator_id ?? null;
}

/** The places drawn by default: the first DEFAULT_REGION_COUNT of the indicator's places (best covered first). */
export const defaultRegions = (regions: ReadonlyArray<{ region_code: string }>): string[] =>
  regions.slice(0, DEFAULT_REGION_COUNT).map((r) => r.region_code);
