import { lazy, Suspense, useMemo } from 'react';
import { EChart } from '../../charts/EChart.tsx';
import { exportNotes, isoDate, sourceBlock, sourceKindsText } from '../../charts/export-meta.ts';
import { TREND_CSV_COLUMNS, trendCsvRows, trendFlaggedRows, trendSubtitleFacts } from '../../charts/export-trend.ts';
import { buildTrendOption, obsIdOf } from '../../charts/trend-chart.ts';
import type { ReportSource } from '../../db/queries/provenance.ts';
import type { TrendPoint } from '../../db/queries/trend.ts';
import { useI18n } from '../i18n/i18n.tsx';

const HEIGHT = 440;

/**
 * The export buttons (and the ECharts parts and code that draw the files) load after the chart: they
 * are not needed for the first paint, so they stay out of the initial JavaScript.
 */
const ExportMenu = lazy(() => import('../shared/export/ExportMenu.tsx').then((module) => ({ default: module.ExportMenu })));

interface Props {
  points: readonly TrendPoint[];
  indicator: { id: string; name: string; unit: string };
  /** Region codes in legend and colour order. */
  order: readonly string[];
  /** The reports of the points drawn (null while they load): the export's source line and CSV columns. */
  sources: readonly ReportSource[] | null;
  onSelect: (obsId: string) => void;
}

export function TrendChart({ points, indicator, order, sources, onSelect }: Props) {
  const { lang, m } = useI18n();
  const text = useMemo(() => ({ ...m.chart, keyUser: m.userDataMark, userMark: m.userDataMark, userAlternatives: m.userDataAlternatives }), [m]);
  const option = useMemo(() => buildTrendOption(points, indicator, { lang, text, order }), [points, indicator, lang, text, order]);
  const meta = useMemo(() => {
    if (!sources) return null;
    // The title names the years that hold whole-year figures; part-year figures are counted in the subtitle.
    const years = points.filter((p) => p.period === 'year').map((p) => p.year);
    const facts = trendSubtitleFacts(points);
    return {
      title: m.exportTrendTitle(indicator.name, years.length ? Math.min(...years) : null, years.length ? Math.max(...years) : null),
      subtitle: m.exportTrendSubtitle(indicator.name, indicator.unit, facts.places, facts.partYear, sourceKindsText(sources, m.exportText, lang)),
      sourceLine: sourceBlock(sources, m.exportText, isoDate(new Date())),
      notes: exportNotes(trendFlaggedRows(points, lang), m.exportText, lang),
    };
  }, [points, indicator, sources, lang, m]);
  const csv = useMemo(() => ({ columns: TREND_CSV_COLUMNS, rows: trendCsvRows(points, sources ?? [], indicator) }), [points, sources, indicator]);
  return (
    <>
      {/* The menu's height is kept while it loads, so the chart below it does not move when it comes. */}
      <Suspense fallback={<div className="export-menu-pending" aria-hidden="true" />}><ExportMenu option={option} meta={meta} csv={csv} chartHeight={HEIGHT} /></Suspense>
      <div data-testid="chart">
        <EChart
          option={option}
          height={HEIGHT}
          ariaLabel={m.chartAria(indicator.name)}
          onPointClick={(event) => { const id = obsIdOf(event); if (id) onSelect(id); }}
        />
      </div>
    </>
  );
}
