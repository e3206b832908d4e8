import { unitLabel } from '../../core/catalog/units.ts';
import { useMemo, useState } from 'react';
import { flattenedBars, logScaleUsable, otherYearsSentence, rankSentence } from '../../charts/compare-bars.ts';
import { markedValue } from '../../charts/compare-text.ts';
import { formatValue } from '../../charts/format-value.ts';
import { placeLabel } from '../../core/regions/place-label.ts';
import { changeBetween, rankDirection } from '../../db/queries/compare.ts';
import { resolvePeerLevel, type PeerSpec } from '../../db/queries/peers.ts';
import { clampTolerance } from '../../db/queries/year-tolerance.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { IndicatorPicker } from '../shared/pickers/IndicatorPicker.tsx';
import { ProvenancePanel } from '../shared/provenance/ProvenancePanel.tsx';
import { useIndicators } from '../shared/data/use-catalog.ts';
import { formatChange, relativeDecimals } from '../shared/format-change.ts';
import { PeerPicker } from '../shared/pickers/PeerPicker.tsx';
import { PlacePicker } from '../shared/pickers/PlacePicker.tsx';
import { resolveFocus, resolveFrom, resolveIndicator, resolveYear } from '../shared/resolve.ts';
import { usePeerMembers, usePlaces } from '../shared/data/use-places.ts';
import { CompareBars } from './CompareBars.tsx';
import { CompareDumbbell } from './CompareDumbbell.tsx';
import { compareModel, figureYearsFor, yearsToFetch } from '../shared/data/compare-model.ts';
import { PeerYearsNote } from './PeerYearsNote.tsx';
import { RankTable } from './RankTable.tsx';
import { useCompareFigures, useCompareYears, useLatestCoverage } from './use-compare-data.ts';
import { useComparePrefetch } from './use-compare-prefetch.ts';
import { YearControls } from './YearControls.tsx';
import '../shared/view-layout.css';
import './compare.css';
import { addViewMessages } from '../i18n/messages.ts';
import { COMPARE_MESSAGES } from '../i18n/views/compare.ts';

// This view's words arrive with its chunk, not in the entry (src/features/i18n/messages.ts).
addViewMessages(COMPARE_MESSAGES);
import { AboutLink } from '../shared/about-link/AboutLink.tsx';
import { joinSentences } from '../../core/text/join-sentences.ts';

/** At most this many places are named in the "only part-year" note; the rest are counted. */
const NAMED_EXCLUDED = 6;

export default function CompareView() {
  const { lang, m } = useI18n();
  const catalog = useIndicators();
  const places = usePlaces();
  const [state, setState] = useAppState();
  // The latest coverage only resolves an indicator the URL does not name with figures: not asked otherwise,
  // so a first visit from Trends does not queue it before its own queries (DuckDB answers one at a time).
  const latest = useLatestCoverage(catalog.data !== undefined && resolveIndicator(catalog.data.indicators, undefined, state.indicator) === undefined);
  /** The observation shown in the source panel (in the URL: a copied link reopens it). */
  const selection = state.obs;
  const setSelection = (obs: string | null) => void setState({ obs });
  const [tableOpen, setTableOpen] = useState(false);

  // undefined: the indicator's resolution waits for `latest` (only when the URL's indicator has no figures).
  const resolvedIndicator = catalog.data ? resolveIndicator(catalog.data.indicators, latest.data, state.indicator) : undefined;
  const indicatorId = resolvedIndicator ?? null;
  const indicator = catalog.data?.indicators.find((i) => i.indicator_id === indicatorId);
  const focus = places.data ? resolveFocus(places.data, state.focus) : undefined;
  const custom = useMemo(() => state.regions ?? [], [state.regions]);
  const level = resolvePeerLevel(state.level, focus);
  const spec = useMemo<PeerSpec | null>(
    () => (focus ? { group: state.peers, focus: focus.region_code, custom, level } : null),
    [focus, state.peers, custom, level],
  );
  const tolerance = clampTolerance(state.tol);
  const years = useCompareYears(indicatorId, spec, (groupYears) => figureYearsFor(groupYears, state.year, state.from, tolerance));
  const year = years.data ? resolveYear(years.data, state.year) : null;
  const from = years.data ? resolveFrom(years.data, year, state.from) : null;
  const queryYears = useMemo(() => yearsToFetch(year, tolerance, from), [year, tolerance, from]);
  const figures = useCompareFigures(indicatorId, queryYears, spec);
  // The group's member count (a line under the peer picker) is asked once the ranking's figures are in:
  // DuckDB answers one query at a time, and asked first it held the years and figures of a first visit
  // to a group the idle plans had not reached (issue 12, "change the peer group").
  const rankingPending = years.isPending || (queryYears.length > 0 && figures.isPending);
  const members = usePeerMembers(spec, !rankingPending);
  const direction = rankDirection(indicator?.higher_is_better ?? null);
  const model = useMemo(
    () => (year === null || !figures.data || !focus ? null : compareModel(figures.data, year, tolerance, from, focus.region_code, direction)),
    [figures.data, year, tolerance, from, focus, direction],
  );
  // Once this ranking is drawn, the other years and peer groups, and the profiles of the places ranked,
  // are fetched when the page is idle (issue 12).
  useComparePrefetch(indicatorId && spec && focus && years.data && year !== null && figures.data && model ? {
    indicatorId, spec, years: years.data, year, wantedYear: state.year, wantedFrom: state.from, tolerance,
    profiles: { focus, places: model.ranked.map((r) => r.region_code), context: { peers: state.peers, custom, level: state.level, tolerance } },
  } : null);
  const indicatorName = indicator ? (lang === 'zh' ? indicator.name_zh : indicator.name_en) : '';
  const unit = indicator?.unit ?? '';
  const focusName = focus ? placeLabel(focus, lang) : '';

  if (catalog.isError) return <ErrorBox error={catalog.error} />;
  if (places.isError) return <ErrorBox error={places.error} />;
  if (latest.isError && resolvedIndicator === undefined) return <ErrorBox error={latest.error} />;
  if (catalog.isPending || places.isPending || resolvedIndicator === undefined) return <div data-testid="view-compare"><Loading text={m.loadingDb} /></div>;
  if (!indicator || !indicatorId || !focus) return <div data-testid="view-compare"><p className="status">{m.noCoverage}</p></div>;

  const select = (id: string) => setSelection(id);
  const placeName = (p: { region_name: string; name_pinyin: string }) => placeLabel(p, lang);
  const changeIndicator = (id: string) => void setState({ indicator: id, year: null, from: null, obs: null });
  const fmt = (v: number) => formatValue(v, unit, lang);
  /** A figure as a sentence names it: its marks, and "(我的数据)" when it is the researcher's own. */
  const sentenceValue = (f: Parameters<typeof markedValue>[0] & { origin?: string }) => (f.origin === 'user' ? m.compareUserValue(markedValue(f, unit, lang)) : markedValue(f, unit, lang));
  const unknownFocus = state.focus !== null && state.focus !== focus.region_code;
  const range = year === null ? '' : m.compareChart.range(year, tolerance);
  const ranked = model?.ranked ?? [];
  const { mine, prior, spread, partYear, pairing } = model ?? { mine: undefined, prior: undefined, spread: null, partYear: [], pairing: null };
  const excludedNames = partYear.slice(0, NAMED_EXCLUDED).map(placeName).join(lang === 'zh' ? '、' : ', ') + (partYear.length > NAMED_EXCLUDED ? '…' : '');
  const canLog = logScaleUsable(ranked.map((r) => r.value), unit);
  const log = state.scale === 'log' && canLog;
  const flattened = log ? null : flattenedBars(ranked);
  const otherYears = year === null ? '' : otherYearsSentence(ranked, year, m.compareChart, lang);

  return (
    <div className="compare" data-testid="view-compare">
      <section className="controls compare-controls" aria-label={m.compareTitle}>
        <IndicatorPicker indicators={catalog.data.indicators} value={indicatorId} onChange={changeIndicator} />
        <p className="definition">{lang === 'zh' ? indicator.definition_zh : indicator.definition_en}</p>
        <PlacePicker places={places.data} value={focus.region_code} label={m.compareFocusLabel}
          onChange={(code) => void setState({ focus: code, obs: null })} />
        {unknownFocus && <p className="compare-warn">{m.compareUnknownPlace(state.focus ?? '', focusName)}</p>}
        <PeerPicker
          places={places.data} focus={focus} group={state.peers} custom={custom}
          memberCount={members.data?.length ?? null} level={level}
          onLevelChange={(chosen) => void setState({ level: chosen, obs: null })}
          onGroupChange={(group) => {
            // "My own list" starts from the prefecture or province group the reader was looking at (never from all places).
            const seed = group === 'custom' && custom.length === 0 && (state.peers === 'prefecture' || state.peers === 'province')
              ? (members.data ?? []).filter((c) => c !== focus.region_code) : null;
            void setState({ peers: group === 'all' ? null : group, ...(seed ? { regions: seed } : {}) });
          }}
          onCustomChange={(codes) => void setState({ regions: codes })}
        />
        {years.isError && <ErrorBox error={years.error} />}
        {years.data && years.data.length > 0 && year !== null && (
          <YearControls years={years.data} year={year} tolerance={tolerance} unit={unit} log={log} canLog={canLog}
            onYear={(y) => void setState({ year: y, obs: null })}
            onTolerance={(t) => void setState({ tol: t === 1 ? null : t, obs: null })}
            onLog={(on) => void setState({ scale: on ? 'log' : null })} />
        )}
      </section>

      <section className="chart-area compare-main">
        <div className="compare-head">
          <h2>{m.compareHeading(indicatorName, unitLabel(unit, lang), year)}</h2>
        </div>
        {years.isPending && <Loading text={m.loadingData} />}
        {years.data && years.data.length === 0 && <p className="status">{m.compareNoYears}</p>}
        {figures.isError && <ErrorBox error={figures.error} />}
        {year !== null && model && (
          <>
            <p className="compare-rank" data-testid="compare-headline">
              {rankSentence(ranked, focus.region_code, focusName, m.compareChart, { target: year, tolerance, lang, withoutOtherYears: true })}
              {mine ? ` · ${sentenceValue(mine)}` : ''}
            </p>
            {otherYears && <p className="compare-other-years" data-testid="compare-other-years">{otherYears}</p>}
            {mine && (prior
              ? <p className="compare-yoy">{m.compareYoy(focusName, year - 1, sentenceValue(prior), year, sentenceValue(mine), formatChange(changeBetween(prior.value, mine.value), unit, lang, m.comparePercentPoints, relativeDecimals(prior, mine)))}</p>
              : <p className="note" data-testid="compare-yoy-missing">{m.compareYoyMissing(focusName, year - 1)}{lang === 'zh' ? '' : ' '}{m.compareYoyWhy}</p>)}
            <ul className="compare-notes" data-testid="compare-notes">
              <li>{ranked.length > 0 ? m.compareRanked(ranked.length, range) : m.compareNoneRanked(range)}</li>
              {partYear.length > 0 && <li className="compare-warn">{m.comparePartYearExcluded(partYear.length, excludedNames)}</li>}
              {spread && ranked.length > 1 && (spread.meaningful
                ? <li>{m.compareSpread(fmt(spread.median), fmt(spread.q1), fmt(spread.q3), spread.n)}</li>
                : <li className="compare-warn">{m.compareSpreadNotMeaningful(spread.n)}</li>)}
              {ranked.length > 1 && <li>{m.compareChart.direction[direction]}</li>}
              {log && <li>{m.compareLogNote}</li>}
              {flattened && <li className="compare-warn" data-testid="compare-flattened">{m.compareFlattened(placeName(flattened.largest), sentenceValue(flattened.largest), flattened.n)}</li>}
            </ul>
            {ranked.length <= 1 && <PeerYearsNote indicatorId={indicatorId} spec={spec} focus={focus.region_code} shown={ranked.map((r) => r.region_code)} tolerance={tolerance} />}
          </>
        )}
        <div className="compare-chart" data-testid="chart">
          {year !== null && ranked.length > 1 && (
            <CompareBars ranked={ranked} spread={spread} indicatorId={indicatorId} indicatorName={indicatorName} unit={unit} year={year} tolerance={tolerance}
              focus={focus.region_code} focusName={focusName} direction={direction} log={log} onSelect={select} />
          )}
        </div>
        {ranked.length > 1 && <p className="note">{joinSentences(lang, [m.compareKeyMarks, spread?.meaningful && m.compareKeyMedian, otherYears && m.compareOtherYearsNote])}</p>}
        {ranked.length > 1 && <p className="hint">{m.compareClickHint}</p>}
        {year !== null && (ranked.length > 0 || partYear.length > 0) && (
          <RankTable ranked={ranked} partYear={partYear} unit={unit} year={year} focus={focus.region_code} selected={selection} onSelect={select}
            open={tableOpen} onOpenChange={setTableOpen} />
        )}

        {year !== null && model && (
          <section className="compare-dumbbell" aria-labelledby="compare-dumbbell-title">
            <div className="compare-head">
              <h3 id="compare-dumbbell-title">{m.compareDumbbellTitle}{from !== null ? ` · ${m.compareDumbbellHeading(from, year)}` : ''}</h3>
              {from !== null && years.data && (
                <label className="compare-inline">
                  <span>{m.compareFromLabel}</span>
                  <select value={from} onChange={(e) => { void setState({ from: Number(e.target.value) }); }}>
                    {years.data.filter((y) => y.year < year && y.n_whole > 0).map((y) => (
                      <option key={y.year} value={y.year}>{m.compareYearOption(y.year, y.n_whole, y.n_part_only)}</option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            {from === null && <p className="note">{m.compareNoEarlierYear}</p>}
            {from !== null && pairing && (
              <>
                <p className="note">
                  {pairing.pairs.length > 0 ? m.compareDumbbellCount(pairing.pairs.length) : m.compareDumbbellNone(from, year)}
                  {(pairing.onlyFrom.length + pairing.onlyTo.length) > 0 && <> {m.compareDumbbellMissing(pairing.onlyFrom.length, pairing.onlyTo.length, from, year)}</>}
                </p>
                {pairing.pairs.length > 0 && (
                  <CompareDumbbell pairs={pairing.pairs} indicatorId={indicatorId} indicatorName={indicatorName} unit={unit} from={from} year={year}
                    focus={focus.region_code} direction={direction} onSelect={select} />
                )}
              </>
            )}
          </section>
        )}
        <AboutLink />
      </section>

      <ProvenancePanel obsId={selection} indicator={{ id: indicatorId, name: indicatorName }} onSelect={setSelection} onClose={() => setSelection(null)} />
    </div>
  );
}
