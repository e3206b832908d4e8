/** The Trends view's state as URL parameters, so a view can be shared: ?indicator=…&regions=code,code */
export interface TrendUrlState {
  indicator: string | null;
  regions: string[] | null;
}

export function readTrendUrl(search: string): TrendUrlState {
  const params = new URLSearchParams(search);
  const regions = params.get('regions');
  return {
    indicator: params.get('indicator'),
    regions: regions === null ? null : regions.split(',').filter((c) => /^\d{6}$/.test(c)),
  };
}

export function writeTrendUrl(state: { indicator: string; regions: readonly string[] }): void {
  const url = new URL(window.location.href);
  url.searchParams.set('indicator', state.indicator);
  url.searchParams.set('regions', state.regions.join(','));
  window.history.replaceState(null, '', url);
}
