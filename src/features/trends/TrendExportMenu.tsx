import { useMemo } from 'react';
import { unitLabel } from '../../core/catalog/units.ts';
import type { EChartsOption } from '../../charts/echarts.ts';
import { exportNotes, isoDate, sourceBlock, sourceKindsText } from '../../charts/export-meta.ts';
import { TREND_CSV_COLUMNS, trendCsvRows, trendFlaggedRows, trendSubtitleFacts } from '../../charts/export-trend.ts';
import type { YearSpan } from '../../charts/trend-years.ts';
import type { ReportSource } from '../../db/queries/provenance.ts';
import type { TrendPoint } from '../../db/queries/trend.ts';
import { ExportMenu } from '../shared/export/ExportMenu.tsx';
import { useTrendsMessages } from './use-trends-messages.ts';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

interface Props {
  option: EChartsOption;
  points: readonly TrendPoint[];
  indicator: { id: string; name: string; unit: string };
  sources: readonly ReportSource[] | null;
  range: YearSpan;
  index: boolean;
  chartHeight: number;
}

/**
 * The Trends chart's export buttons with the words around the files (title naming the years chosen,
 * subtitle, sources, notes) and the CSV rows. Loaded after the chart, with the export code.
 */
export function TrendExportMenu({ option, points, indicator, sources, range, index, chartHeight }: Props) {
  const { lang, m, t } = useTrendsMessages();
  const meta = useMemo(() => {
    if (!sources) return null;
    // The title names the years chosen; part-year figures are counted in the subtitle.
    const facts = trendSubtitleFacts(points);
    const title = m.exportTrendTitle(indicator.name, range.first, range.last);
    return {
      title: index ? `${title} · ${t.trendsExportIndex}` : title,
      subtitle: m.exportTrendSubtitle(indicator.name, unitLabel(indicator.unit, lang), facts.places, facts.partYear, sourceKindsText(sources, m.exportText, lang)),
      sourceLine: sourceBlock(sources, m.exportText, isoDate(new Date())),
      notes: exportNotes(trendFlaggedRows(points, lang), m.exportText, lang),
    };
  }, [points, indicator, sources, lang, m, t, range, index]);
  const csv = useMemo(() => ({ columns: TREND_CSV_COLUMNS, rows: trendCsvRows(points, sources ?? [], indicator) }), [points, sources, indicator]);
  return <ExportMenu option={option} meta={meta} csv={csv} chartHeight={chartHeight} />;
}
