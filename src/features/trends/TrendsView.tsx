import { unitLabel } from '../../core/catalog/units.ts';
import { parseAsBoolean, parseAsInteger, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { lazy, Suspense, useMemo } from 'react';
import { pickIndicator } from '../../core/landing.ts';
import { placeLabel } from '../../core/regions/place-label.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { usePeerMembers, usePlaces } from '../shared/data/use-places.ts';
import { useReportSources } from '../shared/export/use-report-sources.ts';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { CoverageNote } from './CoverageNote.tsx';
import { IndicatorPicker } from '../shared/pickers/IndicatorPicker.tsx';
import { ProvenanceHint } from '../shared/provenance/ProvenanceHint.tsx';
import { RegionPicker } from './RegionPicker.tsx';
// Loaded with the view, not lazily: arriving after the chart, the controls pushed it down (layout shift 0.049).
import { TrendDisplayControls } from './TrendDisplayControls.tsx';
import { AboutLink } from '../shared/about-link/AboutLink.tsx';
import { TrendChart } from './TrendChart.tsx';
import { TrendTabs } from './TrendTabs.tsx';
import { placesNotDrawn, trendDisplay } from './trend-display.ts';
import { chosenRegionCodes, useRegionsWith, useTrend } from './use-trends-data.ts';
import { useTrendsPrefetch } from './use-trends-prefetch.ts';
import { useTrendsMessages } from './use-trends-messages.ts';
import { useHeldWhile } from '../shared/use-held-while.ts';
import { useIndicators } from '../shared/data/use-catalog.ts';

/** The source panel loads when the view first needs it: it is not on the first chart's path. */
const ProvenancePanel = lazy(() => import('../shared/provenance/ProvenancePanel.tsx').then((module) => ({ default: module.ProvenancePanel })));
/** The notes under the chart load after the first chart (with their words, trends-more.ts). */
const TrendNotes = lazy(() => import('./TrendNotes.tsx').then((module) => ({ default: module.TrendNotes })));
/** The table tab's body loads when the tab is first opened. */
const TrendTable = lazy(() => import('./TrendTable.tsx').then((module) => ({ default: module.TrendTable })));

/**
 * The Trends view's own state, in the URL beside app-state.ts's (a shared link and back/forward
 * restore them): `partyear`, the reader's choice to show part-year figures (absent: the default for
 * the indicator); `since`/`until`, the years shown (absent: the first/last year with a figure);
 * `mode=index`, change since the first year; `tab=table`, the table instead of the chart. The log
 * axis is app-state.ts's `scale`, shared with Compare; the observation in the source panel is `obs`.
 */
const trendsParsers = {
  partyear: parseAsBoolean,
  since: parseAsInteger,
  until: parseAsInteger,
  mode: parseAsStringLiteral(['index'] as const),
  tab: parseAsStringLiteral(['table'] as const),
} as const;

export default function TrendsView() {
  const { lang, m } = useTrendsMessages();
  const catalog = useIndicators();
  const [app, setState] = useAppState();
  const { indicator: wanted, regions: chosenRegions, obs: selection, scale } = app;
  // regions null: the default places for the indicator; otherwise the reader's own choice.
  const setChosenRegions = (codes: string[]) => void setState({ regions: codes });
  /** partyear null: the default for the indicator (shown for rates, hidden for counts, which a part-year understates). */
  const [{ partyear: partYearChoice, since, until, mode, tab }, setTrendsState] = useQueryStates(trendsParsers, { history: 'push' });
  const setSelection = (obs: string | null) => void setState({ obs });
  const setPartYearChoice = (partyear: boolean | null) => void setTrendsState({ partyear });

  const indicatorId = catalog.data ? pickIndicator(catalog.data.indicators, wanted) : null;
  const indicator = catalog.data?.indicators.find((i) => i.indicator_id === indicatorId);
  const regions = useRegionsWith(indicatorId);
  const available = useMemo(() => new Set(regions.data?.map((r) => r.region_code)), [regions.data]);
  const regionCodes = useMemo(() => (regions.data ? chosenRegionCodes(regions.data, chosenRegions) : []), [regions.data, chosenRegions]);
  const places = usePlaces();
  const trend = useTrend(regions.data ? indicatorId : null, regionCodes);
  const unit = indicator?.unit ?? '';
  const showPartYear = partYearChoice ?? unit === '%';
  const display = useMemo(
    () => trendDisplay(trend.data ?? [], { from: since, to: until, showPartYear, log: scale === 'log', index: mode === 'index', unit }),
    [trend.data, since, until, showPartYear, scale, mode, unit],
  );
  const drawn = useMemo(() => new Set(display.points.map((p) => p.region_code)), [display.points]);
  // The presets' reference is the first place chosen that the chart draws: a preset is relative to a place the reader sees.
  const reference = regionCodes.find((c) => drawn.has(c)) ?? null;
  const prefecturePeers = usePeerMembers(reference ? { group: 'prefecture', focus: reference, custom: [] } : null);
  const provincePeers = usePeerMembers(reference ? { group: 'province', focus: reference, custom: [] } : null);
  const presets = useMemo(() => ({
    prefecture: prefecturePeers.isPlaceholderData ? null : prefecturePeers.data ?? null,
    province: provincePeers.isPlaceholderData ? null : provincePeers.data ?? null,
  }), [prefecturePeers.data, prefecturePeers.isPlaceholderData, provincePeers.data, provincePeers.isPlaceholderData]);
  const order = useMemo(() => regions.data?.map((r) => r.region_code) ?? [], [regions.data]);
  const chartIndicator = useMemo(
    () => (indicator ? { id: indicator.indicator_id, name: lang === 'zh' ? indicator.name_zh : indicator.name_en, unit: indicator.unit } : null),
    [indicator, lang],
  );
  const reportIds = useMemo(() => display.points.map((p) => p.report_id), [display.points]);
  const waiting = (trend.isPending && regionCodes.length > 0) || trend.isPlaceholderData || regions.isPending;
  // While the new points load, the chart keeps the old ones under their own indicator and place order: no redraw until they come.
  const drawnIndicator = useHeldWhile(chartIndicator, waiting);
  const drawnOrder = useHeldWhile(order, waiting);
  const sources = useReportSources(reportIds);
  // Once this state is drawn, the states one click away are fetched when the page is idle (issue 12).
  useTrendsPrefetch(catalog.data && indicatorId && regions.data && trend.data && !trend.isPlaceholderData ? {
    indicators: catalog.data.indicators, indicatorId, chosen: chosenRegions, regions: regions.data, regionCodes,
    partYearChoice, shownObsIds: display.points.map((p) => p.obs_id), app,
  } : null);

  if (catalog.isPending) return <div data-testid="view-trends"><Loading text={m.loadingDb} /></div>;
  if (catalog.isError) return <div data-testid="view-trends"><ErrorBox error={catalog.error} /></div>;
  if (!indicator || !indicatorId || !chartIndicator) return <div data-testid="view-trends"><p className="status">{m.noCoverage}</p></div>;

  const changeIndicator = (id: string) => { void setState({ indicator: id, obs: null }); void setTrendsState({ partyear: null }); };
  // Names of places not drawn: from the places table (any place of the dataset), else the code itself.
  const nameOf = (code: string) => {
    const place = places.data?.find((p) => p.region_code === code) ?? regions.data?.find((r) => r.region_code === code);
    return place ? placeLabel(place, lang) : code;
  };
  const notDrawn = placesNotDrawn(chosenRegions ?? regionCodes, available, drawn, new Set(display.notIndexed.map((n) => n.region_code)));

  return (
    <div className="trends" data-testid="view-trends">
      <section className="controls">
        <IndicatorPicker indicators={catalog.data.indicators} value={indicatorId} onChange={changeIndicator} />
        <p className="definition">{lang === 'zh' ? indicator.definition_zh : indicator.definition_en}</p>
        <CoverageNote indicator={indicator} regionCount={catalog.data.regionCount} />
        {regions.isError && <ErrorBox error={regions.error} />}
        {regions.data && (
          <RegionPicker regions={regions.data} selected={regionCodes} reference={reference} onChange={setChosenRegions} places={places.data ?? null} presets={presets} />
        )}
      </section>
      <section className="chart-area">
        <h2>{chartIndicator.name}{indicator.unit ? ` (${unitLabel(indicator.unit, lang)})` : ''}</h2>
        {trend.isError && <ErrorBox error={trend.error} />}
        {regionCodes.length === 0 && regions.data && regions.data.length > 0 && <p className="status">{m.noRegionSelected}</p>}
        {/* Still querying — including while the previous points stay drawn (placeholder) until the new ones come,
            e.g. a choice made from the snapshot before DuckDB is ready: the reader is told the chart is not current yet. */}
        {waiting && <Loading text={m.loadingData} />}
        {display.span && display.range && (
          <TrendDisplayControls span={display.span} range={display.range} counts={unit !== '%'}
            onRange={(from, to) => void setTrendsState({ since: from, until: to })}
            log={scale === 'log'} onLog={(log) => void setState({ scale: log ? 'log' : null })}
            index={mode === 'index'} onIndex={(index) => void setTrendsState({ mode: index ? 'index' : null })} />
        )}
        {display.range && (
          <TrendTabs tab={tab ?? 'chart'} onTab={(next) => void setTrendsState({ tab: next === 'table' ? 'table' : null })}>
            {(tab ?? 'chart') === 'chart'
              ? display.points.length > 0 && (
                <TrendChart points={display.points} order={drawnOrder} indicator={drawnIndicator ?? chartIndicator} sources={sources.data ?? null}
                  range={display.range} log={display.log} index={display.index} onSelect={setSelection} />
              )
              : (
                <Suspense fallback={<Loading text={m.loadingData} />}>
                  <TrendTable points={display.points} indicator={chartIndicator} range={display.range} order={order} selected={selection} onSelect={setSelection} />
                </Suspense>
              )}
          </TrendTabs>
        )}
        <div data-testid="trends-not-drawn">
          <Suspense fallback={null}>
            <TrendNotes noFigure={waiting ? [] : notDrawn.noFigure.map(nameOf)} noneShown={waiting ? [] : notDrawn.noneShown.map(nameOf)}
              index={display.index} notIndexed={display.notIndexed} nameOf={nameOf} logRefused={display.logRefused} />
          </Suspense>
        </div>
        <label className="toggle">
          <input type="checkbox" checked={showPartYear} disabled={display.index}
            onChange={(e) => setPartYearChoice(e.target.checked === (indicator.unit === '%') ? null : e.target.checked)} /> {m.showPartYear}
        </label>
        {!showPartYear && display.hiddenPartYear > 0 && <p className="note">{m.partYearHidden(display.hiddenPartYear)}</p>}
        <AboutLink />
      </section>
      <Suspense fallback={<ProvenanceHint />}>
        <ProvenancePanel obsId={selection} indicator={chartIndicator} onSelect={setSelection} onClose={() => setSelection(null)} />
      </Suspense>
    </div>
  );
}
