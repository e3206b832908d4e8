import { unitLabel } from '../../core/catalog/units.ts';
import { parseAsBoolean, useQueryStates } from 'nuqs';
import { lazy, Suspense, useMemo } from 'react';
import { defaultRegions, pickIndicator } from '../../core/landing.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { usePeerMembers, usePlaces } from '../shared/data/use-places.ts';
import { useReportSources } from '../shared/export/use-report-sources.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { CoverageNote } from './CoverageNote.tsx';
import { IndicatorPicker } from '../shared/pickers/IndicatorPicker.tsx';
import { ProvenanceHint } from '../shared/provenance/ProvenanceHint.tsx';

/** The source panel loads when the view first needs it: it is not on the first chart's path. */
const ProvenancePanel = lazy(() => import('../shared/provenance/ProvenancePanel.tsx').then((module) => ({ default: module.ProvenancePanel })));
import { RegionPicker } from './RegionPicker.tsx';
import { TrendChart } from './TrendChart.tsx';
import { useRegionsWith, useTrend } from './use-trends-data.ts';
import { useIndicators } from '../shared/data/use-catalog.ts';
import { AboutLink } from '../shared/about-link/AboutLink.tsx';

/**
 * The Trends view's own state, in the URL beside app-state.ts's (a shared link and back/forward
 * restore them): `partyear`, the reader's choice to show part-year figures (absent: the default for
 * the indicator). The observation in the source panel is app-state.ts's shared `obs`.
 */
const trendsParsers = { partyear: parseAsBoolean } as const;

export default function TrendsView() {
  const { lang, m } = useI18n();
  const catalog = useIndicators();
  const [{ indicator: wanted, regions: chosenRegions, obs: selection }, setState] = useAppState();
  // regions null: the default places for the indicator; otherwise the reader's own choice.
  const setChosenRegions = (codes: string[]) => void setState({ regions: codes });
  /** partyear null: the default for the indicator (shown for rates, hidden for counts, which a part-year understates). */
  const [{ partyear: partYearChoice }, setTrendsState] = useQueryStates(trendsParsers, { history: 'push' });
  const setSelection = (obs: string | null) => void setState({ obs });
  const setPartYearChoice = (partyear: boolean | null) => void setTrendsState({ partyear });

  const indicatorId = catalog.data ? pickIndicator(catalog.data.indicators, wanted) : null;
  const indicator = catalog.data?.indicators.find((i) => i.indicator_id === indicatorId);
  const regions = useRegionsWith(indicatorId);
  const available = useMemo(() => new Set(regions.data?.map((r) => r.region_code)), [regions.data]);
  const regionCodes = useMemo(() => {
    if (!regions.data) return [];
    const kept = chosenRegions?.filter((c) => available.has(c)) ?? [];
    return chosenRegions === null || (kept.length === 0 && chosenRegions.length > 0) ? defaultRegions(regions.data) : kept;
  }, [regions.data, chosenRegions, available]);
  // The region presets (same prefecture / province) are peers.ts's peer groups of the first place chosen.
  const places = usePlaces();
  const reference = regionCodes[0] ?? null;
  const prefecturePeers = usePeerMembers(reference ? { group: 'prefecture', focus: reference, custom: [] } : null);
  const provincePeers = usePeerMembers(reference ? { group: 'province', focus: reference, custom: [] } : null);
  const presets = useMemo(() => ({
    prefecture: prefecturePeers.isPlaceholderData ? null : prefecturePeers.data ?? null,
    province: provincePeers.isPlaceholderData ? null : provincePeers.data ?? null,
  }), [prefecturePeers.data, prefecturePeers.isPlaceholderData, provincePeers.data, provincePeers.isPlaceholderData]);
  const trend = useTrend(regions.data ? indicatorId : null, regionCodes);
  const showPartYear = partYearChoice ?? indicator?.unit === '%';
  const shownPoints = useMemo(
    () => (showPartYear ? trend.data ?? [] : (trend.data ?? []).filter((p) => p.period === 'year')),
    [trend.data, showPartYear],
  );
  const order = useMemo(() => regions.data?.map((r) => r.region_code) ?? [], [regions.data]);
  const hiddenPartYear = (trend.data?.length ?? 0) - shownPoints.length;
  const chartIndicator = useMemo(
    () => (indicator ? { id: indicator.indicator_id, name: lang === 'zh' ? indicator.name_zh : indicator.name_en, unit: indicator.unit } : null),
    [indicator, lang],
  );
  const reportIds = useMemo(() => shownPoints.map((p) => p.report_id), [shownPoints]);
  const sources = useReportSources(reportIds);

  if (catalog.isPending) return <div data-testid="view-trends"><Loading text={m.loadingDb} /></div>;
  if (catalog.isError) return <div data-testid="view-trends"><ErrorBox error={catalog.error} /></div>;
  if (!indicator || !indicatorId || !chartIndicator) return <div data-testid="view-trends"><p className="status">{m.noCoverage}</p></div>;

  const changeIndicator = (id: string) => { void setState({ indicator: id, obs: null }); void setTrendsState({ partyear: null }); };

  return (
    <div className="trends" data-testid="view-trends">
      <section className="controls">
        <IndicatorPicker indicators={catalog.data.indicators} value={indicatorId} onChange={changeIndicator} />
        <p className="definition">{lang === 'zh' ? indicator.definition_zh : indicator.definition_en}</p>
        <CoverageNote indicator={indicator} regionCount={catalog.data.regionCount} />
        {regions.isError && <ErrorBox error={regions.error} />}
        {regions.data && (
          <RegionPicker regions={regions.data} selected={regionCodes} onChange={setChosenRegions} places={places.data ?? null} presets={presets} />
        )}
      </section>
      <section className="chart-area">
        <h2>{chartIndicator.name}{indicator.unit ? ` (${unitLabel(indicator.unit, lang)})` : ''}</h2>
        {trend.isError && <ErrorBox error={trend.error} />}
        {regionCodes.length === 0 && regions.data && regions.data.length > 0 && <p className="status">{m.noRegionSelected}</p>}
        {/* Still querying — including while the previous points stay drawn (placeholder) until the new ones come,
            e.g. a choice made from the snapshot before DuckDB is ready: the reader is told the chart is not current yet. */}
        {((trend.isPending && regionCodes.length > 0) || trend.isPlaceholderData || regions.isPending) && <Loading text={m.loadingData} />}
        {shownPoints.length > 0 && (
          <TrendChart points={shownPoints} order={order} indicator={chartIndicator} sources={sources.data ?? null}
            onSelect={setSelection} />
        )}
        <label className="toggle">
          <input type="checkbox" checked={showPartYear}
            onChange={(e) => setPartYearChoice(e.target.checked === (indicator.unit === '%') ? null : e.target.checked)} /> {m.showPartYear}
        </label>
        {!showPartYear && hiddenPartYear > 0 && <p className="note">{m.partYearHidden(hiddenPartYear)}</p>}
        <AboutLink />
      </section>
      <Suspense fallback={<ProvenanceHint />}>
        <ProvenancePanel obsId={selection} indicator={chartIndicator} onSelect={setSelection} onClose={() => setSelection(null)} />
      </Suspense>
    </div>
  );
}
