import { useMemo } from 'react';
import { placeLabel } from '../../core/regions/place-label.ts';
import { EChart } from '../../charts/EChart.tsx';
import { barsToDraw, buildCompareBarsOption, compareBarsHeight, obsIdOfBar, rankSentence } from '../../charts/compare-bars.ts';
import { buildDumbbellOption, dumbbellHeight, obsIdOfDot } from '../../charts/compare-dumbbell.ts';
import { markedValue } from '../../charts/compare-text.ts';
import {
  COMPARE_CSV_COLUMNS, DUMBBELL_CSV_COLUMNS, compareCsvRows, compareFlaggedRows, dumbbellCsvRows, dumbbellFlaggedRows,
} from '../../charts/export-compare.ts';
import { exportNotes, sourceLine } from '../../charts/export-meta.ts';
import { formatPeriod, formatValue } from '../../charts/format-value.ts';
import {
  changeBetween, pairYears, rankDirection, rankFigures, spreadOf, splitWholeYear,
  type CompareFigure, type RankDirection, type RankedFigure, type Spread, type YearPair,
} from '../../db/queries/compare.ts';
import type { PeerSpec } from '../../db/queries/peers.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { ExportMenu } from '../shared/export/ExportMenu.tsx';
import { useReportSources } from '../shared/export/use-report-sources.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { IndicatorPicker } from '../shared/pickers/IndicatorPicker.tsx';
import { ProvenancePanel } from '../shared/provenance/ProvenancePanel.tsx';
import { useIndicators } from '../shared/data/use-catalog.ts';
import { formatChange } from '../shared/format-change.ts';
import { PeerPicker } from '../shared/pickers/PeerPicker.tsx';
import { PlacePicker } from '../shared/pickers/PlacePicker.tsx';
import { resolveFocus, resolveFrom, resolveIndicator, resolveYear } from '../shared/resolve.ts';
import { useCompareFigures, useCompareYears, useLatestCoverage } from './use-compare-data.ts';
import { usePeerMembers, usePlaces } from '../shared/data/use-places.ts';
import '../shared/view-layout.css';
import './compare.css';

/** At most this many places are named in the "only part-year" note; the rest are counted. */
const NAMED_EXCLUDED = 6;

export default function CompareView() {
  const { lang, m } = useI18n();
  const catalog = useIndicators();
  const places = usePlaces();
  const latest = useLatestCoverage();
  const [state, setState] = useAppState();
  /** The observation shown in the source panel (in the URL: a copied link reopens it). */
  const selection = state.obs;
  const setSelection = (obs: string | null) => void setState({ obs });

  const indicatorId = catalog.data && latest.data ? resolveIndicator(catalog.data.indicators, latest.data, state.indicator) : null;
  const indicator = catalog.data?.indicators.find((i) => i.indicator_id === indicatorId);
  const focus = places.data ? resolveFocus(places.data, state.focus) : undefined;
  const custom = useMemo(() => state.regions ?? [], [state.regions]);
  const spec = useMemo<PeerSpec | null>(
    () => (focus ? { group: state.peers, focus: focus.region_code, custom } : null),
    [focus, state.peers, custom],
  );
  const members = usePeerMembers(spec);
  const years = useCompareYears(indicatorId, spec);
  const year = years.data ? resolveYear(years.data, state.year) : null;
  const from = years.data ? resolveFrom(years.data, year, state.from) : null;
  const queryYears = useMemo(() => (year === null ? [] : [year, year - 1, ...(from === null ? [] : [from])]), [year, from]);
  const figures = useCompareFigures(indicatorId, queryYears, spec);

  const direction = rankDirection(indicator?.higher_is_better ?? null);
  const derived = useMemo(() => {
    const ofYear = (y: number | null): CompareFigure[] => (y === null ? [] : (figures.data ?? []).filter((f) => f.year === y));
    const current = splitWholeYear(ofYear(year));
    const ranked = rankFigures(current.whole, direction);
    return {
      current, ranked, spread: spreadOf(ranked.map((r) => r.value)),
      prior: year === null ? [] : splitWholeYear(ofYear(year - 1)).whole,
      pairing: from === null ? null : pairYears(ofYear(from), current.whole),
    };
  }, [figures.data, year, from, direction]);
  const { current, ranked, spread, pairing } = derived;
  const indicatorName = indicator ? (lang === 'zh' ? indicator.name_zh : indicator.name_en) : '';
  const unit = indicator?.unit ?? '';
  const focusName = focus ? placeLabel(focus, lang) : '';

  if (catalog.isError) return <ErrorBox error={catalog.error} />;
  if (places.isError) return <ErrorBox error={places.error} />;
  if (latest.isError) return <ErrorBox error={latest.error} />;
  if (catalog.isPending || places.isPending || latest.isPending) return <div data-testid="view-compare"><Loading text={m.loadingDb} /></div>;
  if (!indicator || !indicatorId || !focus) return <div data-testid="view-compare"><p className="status">{m.noCoverage}</p></div>;

  const select = (id: string) => setSelection(id);
  const changeIndicator = (id: string) => void setState({ indicator: id, year: null, from: null, obs: null });
  const mine = current.whole.find((f) => f.region_code === focus.region_code);
  const prior = derived.prior.find((f) => f.region_code === focus.region_code);
  const fmt = (v: number) => formatValue(v, unit, lang);
  const unknownFocus = state.focus !== null && state.focus !== focus.region_code;
  const excludedNames = current.partYear.slice(0, NAMED_EXCLUDED).map((f) => f.region_name).join('、') + (current.partYear.length > NAMED_EXCLUDED ? '…' : '');

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
          memberCount={members.data?.length ?? null}
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
          <label className="field">
            <span className="field-label">{m.compareYearLabel}</span>
            <select value={year} onChange={(e) => void setState({ year: Number(e.target.value), obs: null })}>
              {years.data.map((y) => <option key={y.year} value={y.year}>{m.compareYearOption(y.year, y.n_whole, y.n_part_only)}</option>)}
            </select>
            <span className="note">{m.compareYearsNote(years.data.length)}</span>
          </label>
        )}
      </section>

      <section className="chart-area compare-main">
        <div className="compare-head">
          <h2>{m.compareHeading(indicatorName, unit, year)}</h2>
        </div>
        {years.isPending && <Loading text={m.loadingData} />}
        {years.data && years.data.length === 0 && <p className="status">{m.compareNoYears}</p>}
        {figures.isError && <ErrorBox error={figures.error} />}
        {year !== null && figures.data && (
          <>
            <p className="compare-rank">{rankSentence(ranked, focus.region_code, focusName, m.compareChart)}{mine ? ` · ${markedValue(mine, unit, lang)}` : ''}</p>
            {mine && (prior
              ? <p className="compare-yoy">{m.compareYoy(focusName, year - 1, markedValue(prior, unit, lang), year, markedValue(mine, unit, lang), formatChange(changeBetween(prior.value, mine.value), unit, lang, m.comparePercentPoints))}</p>
              : <p className="note">{m.compareYoyMissing(focusName, year - 1)}</p>)}
            <ul className="compare-notes">
              <li>{ranked.length > 0 ? m.compareRanked(ranked.length, year) : m.compareNoneRanked(year)}</li>
              {current.partYear.length > 0 && <li className="compare-warn">{m.comparePartYearExcluded(current.partYear.length, excludedNames)}</li>}
              {spread && (spread.meaningful
                ? <li>{m.compareSpread(fmt(spread.median), fmt(spread.q1), fmt(spread.q3), spread.n)}</li>
                : <li className="compare-warn">{m.compareSpreadNotMeaningful(spread.n)}</li>)}
              <li>{m.compareChart.direction[direction]}</li>
            </ul>
          </>
        )}
        <div className="compare-chart" data-testid="chart">
          {year !== null && ranked.length > 0 && (
            <BarsChart ranked={ranked} spread={spread} indicatorId={indicatorId} indicatorName={indicatorName} unit={unit} year={year}
              focus={focus.region_code} focusName={focusName} direction={direction} onSelect={select} />
          )}
        </div>
        {ranked.length > 0 && <p className="note">{m.compareKeyMarks}{spread?.meaningful ? ` ${m.compareKeyMedian}` : ''}</p>}
        {ranked.length > 0 && <p className="hint">{m.compareClickHint}</p>}
        {year !== null && (ranked.length > 0 || current.partYear.length > 0) && (
          <RankTable ranked={ranked} partYear={current.partYear} unit={unit} focus={focus.region_code} selected={selection} onSelect={select} />
        )}

        {year !== null && figures.data && (
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
                  <DumbbellChart pairs={pairing.pairs} indicatorId={indicatorId} indicatorName={indicatorName} unit={unit} from={from} year={year}
                    focus={focus.region_code} direction={direction} onSelect={select} />
                )}
              </>
            )}
          </section>
        )}
        <p className="note">{m.pickRule}</p>
      </section>

      <ProvenancePanel obsId={selection} indicator={{ id: indicatorId, name: indicatorName }} onSelect={setSelection} onClose={() => setSelection(null)} />
    </div>
  );
}

interface BarsProps {
  ranked: RankedFigure[];
  spread: Spread | null;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  year: number;
  focus: string;
  focusName: string;
  direction: RankDirection;
  onSelect: (obsId: string) => void;
}

function BarsChart({ ranked, spread, indicatorId, indicatorName, unit, year, focus, focusName, direction, onSelect }: BarsProps) {
  const { lang, m } = useI18n();
  const sources = useReportSources(ranked.map((r) => r.report_id));
  const meta = useMemo(() => (sources.data ? {
    title: m.compareExportTitle(indicatorName, year),
    subtitle: `${m.compareHeading(indicatorName, unit, year)} · ${rankSentence(ranked, focus, focusName, m.compareChart)} · ${m.compareChart.direction[direction]}`,
    sourceLine: sourceLine(sources.data, m.exportText),
    notes: exportNotes(compareFlaggedRows(ranked, lang), m.exportText, lang),
  } : null), [sources.data, ranked, indicatorName, unit, year, focus, focusName, direction, lang, m]);
  const csv = useMemo(() => ({
    columns: COMPARE_CSV_COLUMNS,
    rows: compareCsvRows(ranked, sources.data ?? [], { id: indicatorId, name: indicatorName, unit }),
  }), [ranked, sources.data, indicatorId, indicatorName, unit]);
  const drawn = useMemo(() => barsToDraw(ranked, focus), [ranked, focus]);
  const option = useMemo(() => buildCompareBarsOption(drawn, { name: indicatorName, unit }, {
    lang, text: m.compareChart, focus, focusName, direction, spread,
    title: '', total: ranked.length,
    quotes: new Map(drawn.map((r) => [r.obs_id, r.quote])),
  }), [drawn, ranked.length, spread, indicatorName, unit, focus, focusName, direction, lang, m]);
  return (
    <>
      <ExportMenu option={option} meta={meta} csv={csv} chartHeight={compareBarsHeight(drawn.length)} />
      {drawn.length < ranked.length && <p className="note">{m.compareBarsWindow(drawn.length, ranked.length)}</p>}
      <EChart option={option} height={compareBarsHeight(drawn.length)}
        ariaLabel={`${m.compareChartAria(indicatorName, year)}. ${rankSentence(ranked, focus, focusName, m.compareChart)}`}
        onPointClick={(event) => { const id = obsIdOfBar(event); if (id) onSelect(id); }} />
    </>
  );
}

interface DumbbellProps {
  pairs: YearPair[];
  indicatorId: string;
  indicatorName: string;
  unit: string;
  from: number;
  year: number;
  focus: string;
  direction: RankDirection;
  onSelect: (obsId: string) => void;
}

function DumbbellChart({ pairs, indicatorId, indicatorName, unit, from, year, focus, direction, onSelect }: DumbbellProps) {
  const { lang, m } = useI18n();
  const reportIds = useMemo(() => pairs.flatMap((p) => [p.from.report_id, p.to.report_id]), [pairs]);
  const sources = useReportSources(reportIds);
  const meta = useMemo(() => (sources.data ? {
    title: m.compareDumbbellExportTitle(indicatorName, from, year),
    subtitle: `${m.compareHeading(indicatorName, unit, null)} · ${m.compareDumbbellHeading(from, year)} · ${m.compareDumbbellCount(pairs.length)}`,
    sourceLine: sourceLine(sources.data, m.exportText),
    notes: exportNotes(dumbbellFlaggedRows(pairs, lang), m.exportText, lang),
  } : null), [sources.data, pairs, indicatorName, unit, from, year, lang, m]);
  const csv = useMemo(() => ({
    columns: DUMBBELL_CSV_COLUMNS,
    rows: dumbbellCsvRows(pairs, direction, sources.data ?? [], { id: indicatorId, name: indicatorName, unit }),
  }), [pairs, direction, sources.data, indicatorId, indicatorName, unit]);
  const option = useMemo(() => buildDumbbellOption(pairs, { name: indicatorName, unit }, {
    lang, text: m.compareChart, focus, direction, fromYear: from, toYear: year,
    title: '',
  }), [pairs, indicatorName, unit, from, year, focus, direction, lang, m]);
  return (
    <>
      <ExportMenu option={option} meta={meta} csv={csv} chartHeight={dumbbellHeight(pairs.length)} />
      <EChart option={option} height={dumbbellHeight(pairs.length)} ariaLabel={m.compareDumbbellAria(indicatorName, from, year)}
        onPointClick={(event) => { const id = obsIdOfDot(event); if (id) onSelect(id); }} />
    </>
  );
}

interface RankTableProps {
  ranked: RankedFigure[];
  partYear: CompareFigure[];
  unit: string;
  focus: string;
  selected: string | null;
  onSelect: (obsId: string) => void;
}

/** The ranking as a table: what the canvas shows, for screen readers and the keyboard (each value opens its source). */
function RankTable({ ranked, partYear, unit, focus, selected, onSelect }: RankTableProps) {
  const { lang, m } = useI18n();
  const name = (f: CompareFigure) => placeLabel(f, lang);
  const row = (f: CompareFigure, rank: string) => (
    <tr key={f.obs_id} className={f.region_code === focus ? 'compare-focus-row' : ''}>
      <td>{rank}</td>
      <th scope="row">{name(f)}</th>
      <td>
        <button type="button" className="compare-value" aria-pressed={selected === f.obs_id} onClick={() => onSelect(f.obs_id)}>
          {markedValue(f, unit, lang)}{f.period === 'year' ? '' : ` · ${formatPeriod(f.period, lang)}`}
        </button>
      </td>
    </tr>
  );
  return (
    <details className="compare-table">
      <summary>{m.compareTableSummary}</summary>
      <table>
        <thead><tr><th scope="col">{m.compareTableRank}</th><th scope="col">{m.compareTablePlace}</th><th scope="col">{m.compareTableValue}</th></tr></thead>
        <tbody>
          {ranked.map((r) => row(r, r.tied ? `${r.rank}=` : String(r.rank)))}
          {partYear.map((f) => row(f, m.compareTableNotRanked))}
        </tbody>
      </table>
    </details>
  );
}
