import { unitLabel } from '../../core/catalog/units.ts';
import { useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { EChart } from '../../charts/EChart.tsx';
import { barsToDraw, buildCompareBarsOption, compareBarsHeight, obsIdOfBar, rankSentence, spreadKey } from '../../charts/compare-bars.ts';
import { COMPARE_CSV_COLUMNS, compareCsvRows, compareFlaggedRows } from '../../charts/export-compare.ts';
import { BAR_MARKS, exportNotes, isoDate, sourceBlock, sourceKindsText } from '../../charts/export-meta.ts';
import type { RankDirection, RankedFigure, Spread } from '../../db/queries/compare.ts';
import { quotesById } from '../../db/queries/compare-quotes.ts';
import { useDatabase } from '../shared/database.tsx';
import { compareQuotesQuery } from '../shared/data/compare-queries.ts';
import { ExportMenu } from '../shared/export/ExportMenu.tsx';
import { useReportSources } from '../shared/export/use-report-sources.ts';
import { useI18n } from '../i18n/i18n.tsx';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

interface Props {
  ranked: RankedFigure[];
  spread: Spread | null;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  /** The year compared and the tolerance: figures of other years are labelled with theirs. */
  year: number;
  tolerance: number;
  focus: string;
  focusName: string;
  direction: RankDirection;
  log: boolean;
  onSelect: (obsId: string) => void;
}

/** The ranked bars with their export menu (PNG, SVG, CSV); a click opens the figure's source. */
export function CompareBars({ ranked, spread, indicatorId, indicatorName, unit, year, tolerance, focus, focusName, direction, log, onSelect }: Props) {
  const { lang, m } = useI18n();
  const database = useDatabase();
  const client = useQueryClient();
  const sources = useReportSources(ranked.map((r) => r.report_id));
  const context = useMemo(() => ({ target: year, tolerance, lang }), [year, tolerance, lang]);
  const sentence = rankSentence(ranked, focus, focusName, m.compareChart, context);
  const key = spreadKey(spread, unit, lang, m.compareChart);
  const meta = useMemo(() => (sources.data ? {
    title: m.compareExportTitle(indicatorName, m.compareChart.range(year, tolerance)),
    subtitle: `${m.compareHeading(indicatorName, unitLabel(unit, lang), year)} · ${sentence} · ${m.compareChart.direction[direction]}${log ? ` · ${m.compareLogNote}` : ''}${key ? ` · ${key.median} · ${key.iqr}` : ''} · ${m.compareDataKinds(sourceKindsText(sources.data, m.exportText, lang))}`,
    sourceLine: sourceBlock(sources.data, m.exportText, isoDate(new Date())),
    notes: exportNotes(compareFlaggedRows(ranked, lang, year), m.exportText, lang, BAR_MARKS),
  } : null), [sources.data, ranked, indicatorName, unit, year, tolerance, sentence, key, direction, log, lang, m]);
  // Built when the reader exports, with every figure's quote fetched then: thousands of rows among all
  // places of a nation (ExportMenu's `csv`; the figures come without quotes, compare-quotes.ts).
  const csv = useMemo(() => ({
    columns: COMPARE_CSV_COLUMNS,
    count: ranked.length,
    buildRows: async () => compareCsvRows(ranked, quotesById(await client.fetchQuery(compareQuotesQuery(database, indicatorId, ranked))),
      sources.data ?? [], { id: indicatorId, name: indicatorName, unit }, year),
  }), [ranked, client, database, sources.data, indicatorId, indicatorName, unit, year]);
  const drawn = useMemo(() => barsToDraw(ranked, focus), [ranked, focus]);
  // The drawn bars' quotes, for the tooltip, asked once they are drawn. The tooltip reads them from the
  // query cache when it opens, so their arrival does not redraw the chart.
  const quotes = useMemo(() => compareQuotesQuery(database, indicatorId, drawn), [database, indicatorId, drawn]);
  useQuery(quotes);
  const quotesKey = quotes.queryKey;
  const option = useMemo(() => buildCompareBarsOption(drawn, { name: indicatorName, unit }, {
    lang, text: m.compareChart, focus, focusName, direction, spread, log,
    title: '', total: ranked.length, target: year, tolerance,
    quoteOf: (obsId) => client.getQueryData(quotesKey)?.find((q) => q.obs_id === obsId)?.quote,
  }), [drawn, ranked.length, spread, log, indicatorName, unit, focus, focusName, direction, year, tolerance, lang, m, client, quotesKey]);
  return (
    <>
      <ExportMenu option={option} meta={meta} csv={csv} chartHeight={compareBarsHeight(drawn.length)} />
      {drawn.length < ranked.length && <p className="note">{m.compareBarsWindow(drawn.length, ranked.length)}</p>}
      {key && (
        // The key to the median line and the band, above the plot: labels inside it ran over names and values on a phone.
        <p className="compare-spread-key" data-testid="compare-spread-key">
          <span><span className="compare-key-median" aria-hidden="true" />{key.median}</span>
          <span><span className="compare-key-iqr" aria-hidden="true" />{key.iqr}</span>
        </p>
      )}
      <EChart option={option} height={compareBarsHeight(drawn.length)}
        ariaLabel={`${m.compareChartAria(indicatorName, year)}. ${sentence}`}
        onPointClick={(event) => { const id = obsIdOfBar(event); if (id) onSelect(id); }} />
    </>
  );
}
