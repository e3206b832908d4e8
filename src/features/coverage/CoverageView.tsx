import { useCallback, useMemo, useState } from 'react';
import { buildCoverageGrid } from '../../charts/coverage-grid.ts';
import { COVERAGE_CSV_COLUMNS, coverageCsvRows } from '../../charts/export-coverage.ts';
import type { CoverageSummary } from '../../db/queries/coverage.ts';
import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import { useAppState } from '../shared/app-state/app-state.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CsvExportButton } from '../shared/export/CsvExportButton.tsx';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { useIndicators } from '../shared/data/use-catalog.ts';
import { CoverageGrid, type CellTarget } from './CoverageGrid.tsx';
import { CoverageLegend } from './CoverageLegend.tsx';
import { useCoverageCells, useCoverageSummary } from './use-coverage-data.ts';
import { useCoveragePlaces, useDataYears } from '../shared/data/use-data-years.ts';
import './coverage.css';
import { addViewMessages } from '../i18n/messages.ts';
import { COVERAGE_MESSAGES } from '../i18n/views/coverage.ts';

// This view's words arrive with its chunk, not in the entry (src/features/i18n/messages.ts).
addViewMessages(COVERAGE_MESSAGES);

/** Above this many places, provinces start collapsed (a national dataset has ≈ 2,800). */
const OPEN_ALL_UP_TO = 200;

export default function CoverageView() {
  const { lang, m } = useI18n();
  const [{ year: wantedYear }, setState] = useAppState();
  const catalog = useIndicators();
  const years = useDataYears();
  const places = useCoveragePlaces();
  // A year the data does not have falls back to all years.
  const year = years.data && wantedYear !== null && !years.data.some((y) => y.year === wantedYear) ? null : wantedYear;
  const cells = useCoverageCells(year);
  const summary = useCoverageSummary(year);
  const [hideEmpty, setHideEmpty] = useState(false);
  const [openByDefault, setOpenByDefault] = useState<boolean | null>(null);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [inspected, setInspected] = useState<CellTarget | null>(null);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);

  const grid = useMemo(() => {
    if (!catalog.data || !places.data || !cells.data) return null;
    return buildCoverageGrid(places.data, catalog.data.indicators, cells.data, { lang, year, hideEmpty, text: m.coverageGrid });
  }, [catalog.data, places.data, cells.data, lang, year, hideEmpty, m]);

  const large = (places.data?.length ?? 0) > OPEN_ALL_UP_TO;
  const defaultOpen = openByDefault ?? !large;
  const isOpen = useCallback((key: string) => defaultOpen !== toggled.has(key), [defaultOpen, toggled]);
  const onToggle = useCallback((key: string) => setToggled((s) => {
    const next = new Set(s);
    if (!next.delete(key)) next.add(key);
    return next;
  }), []);
  const setAll = (open: boolean) => { setOpenByDefault(open); setToggled(new Set()); };
  // A figure opens in Trends; a qualitative statement (nothing to chart) in Data, where its sentence is.
  const onOpen = useCallback((target: CellTarget) => {
    void setState({ view: target.qualitativeOnly ? 'data' : null, indicator: target.indicatorId, regions: [target.regionCode] });
  }, [setState]);

  const error = catalog.error ?? years.error ?? places.error ?? cells.error ?? summary.error;
  if (error) return <div data-testid="view-coverage" className="coverage-view"><ErrorBox error={error} /></div>;
  if (!catalog.data || !grid) return <div data-testid="view-coverage" className="coverage-view"><Loading text={m.loadingDb} /></div>;

  return (
    <div data-testid="view-coverage" className="coverage-view">
      <section className="coverage-head">
        <h2>{m.coverageTitle}</h2>
        <p className="coverage-intro">{m.coverageIntro}</p>
        <div className="coverage-controls">
          <label className="coverage-field">
            <span>{m.coverageYearLabel}</span>
            <select value={year ?? ''} onChange={(e) => void setState({ year: e.target.value ? Number(e.target.value) : null })}>
              <option value="">{m.coverageAllYears}</option>
              {years.data?.map((y) => <option key={y.year} value={y.year}>{m.coverageYearOption(y.year, y.n_places)}</option>)}
            </select>
          </label>
          <label className="coverage-check">
            <input type="checkbox" checked={hideEmpty} onChange={(e) => setHideEmpty(e.target.checked)} /> {m.coverageHideEmpty}
          </label>
          {/* The grid draws only the rows and columns in view, so even a national dataset can open every province. */}
          <button type="button" onClick={() => setAll(true)}>{m.coverageExpandAll}</button>
          <button type="button" onClick={() => setAll(false)}>{m.coverageCollapseAll}</button>
          <CsvExportButton title={m.coverageExportTitle(year)} hint={m.coverageExportHint} disabled={grid.nPlaces === 0}
            build={() => ({ columns: COVERAGE_CSV_COLUMNS, rows: coverageCsvRows(grid, places.data ?? [], cells.data ?? [], year) })} />
        </div>
        {summary.data && <Summary summary={summary.data} indicators={catalog.data.indicators} year={year}
          onCompare={(indicatorId, compareYear) => void setState({ view: 'compare', indicator: indicatorId, year: compareYear })} />}
        <p className="coverage-note">{m.coveragePlacesLine(grid.nPlaces, grid.nPlacesWithData, places.data?.length ?? 0)}</p>
        {large && <p className="coverage-note">{m.coverageCollapsedHint(places.data?.length ?? 0)}</p>}
      </section>
      <CoverageLegend year={year} />
      <span className="coverage-sr-only" id="coverage-keyboard-hint">{m.coverageKeyboardHint}</span>
      <p className="coverage-info" aria-hidden="true">
        {inspected ? <>{inspected.label}{inspected.actionable && <span className="coverage-open-hint"> — {inspected.qualitativeOnly ? m.coverageOpenDataHint : m.coverageOpenHint}</span>}</> : m.coverageKeyboardHint}
      </p>
      <div className="coverage-scroll" data-testid="chart" ref={setScroller}>
        {grid.nPlaces === 0 ? <p className="status">{m.coverageNoPlaces}</p> : (
          <CoverageGrid grid={grid} isOpen={isOpen} onToggle={onToggle} onOpen={onOpen} onInspect={setInspected} scroller={scroller} />
        )}
      </div>
    </div>
  );
}

function Summary({ summary, indicators, year, onCompare }: {
  summary: CoverageSummary; indicators: readonly IndicatorCoverage[]; year: number | null;
  onCompare: (indicatorId: string, year: number) => void;
}) {
  const { lang, m } = useI18n();
  const nameOf = (id: string) => {
    const i = indicators.find((x) => x.indicator_id === id);
    return i ? (lang === 'zh' ? i.name_zh : i.name_en) : id;
  };
  return (
    <div className="coverage-summary">
      <p>{m.coverageTrendLine(summary.trend_pairs, summary.pairs_with_whole)}</p>
      {summary.comparable.length === 0 ? <p>{m.coverageCompareNone}</p> : (
        <details>
          <summary>{m.coverageCompareLine(summary.comparable.length, indicators.length, year)}</summary>
          <ul className="coverage-comparable">
            {summary.comparable.map((c) => (
              <li key={c.indicator_id}>
                <button type="button" title={m.coverageOpenCompare} onClick={() => onCompare(c.indicator_id, c.best_year)}>
                  {m.coverageCompareItem(nameOf(c.indicator_id), c.max_places, c.best_year)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="coverage-note">{m.coverageWholeOnly}</p>
    </div>
  );
}
