import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { EChart } from '../../charts/EChart.tsx';
import { barsToDraw } from '../../charts/compare-bars.ts';
import { buildDumbbellOption, dumbbellHeight, obsIdOfDot, orderPairs } from '../../charts/compare-dumbbell.ts';
import { DUMBBELL_CSV_COLUMNS, dumbbellCsvRows, dumbbellFlaggedRows } from '../../charts/export-compare.ts';
import { exportNotes, isoDate, sourceBlock, sourceKindsText } from '../../charts/export-meta.ts';
import type { RankDirection, YearPair } from '../../db/queries/compare.ts';
import { quotesById } from '../../db/queries/compare-quotes.ts';
import { useDatabase } from '../shared/database.tsx';
import { compareQuotesQuery } from '../shared/data/compare-queries.ts';
import { ExportMenu } from '../shared/export/ExportMenu.tsx';
import { useReportSources } from '../shared/export/use-report-sources.ts';
import { useI18n } from '../i18n/i18n.tsx';
import '../shared/export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

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

/**
 * The two-year chart with its export menu; a click on a dot opens that figure's source. A large group
 * is drawn as the bars are (`barsToDraw`: the first and last 25 by the later year, 12 on each side of
 * the focal place): all 2,789 pairs of a national dataset made a 78,000 px canvas and a 3 s main-thread
 * task on every step (docs/BENCHMARKS.md, "National scale: place files"). The CSV keeps every pair.
 */
export function CompareDumbbell({ pairs, indicatorId, indicatorName, unit, from, year, focus, direction, onSelect }: DumbbellProps) {
  const { lang, m } = useI18n();
  const database = useDatabase();
  const client = useQueryClient();
  const reportIds = useMemo(() => pairs.flatMap((p) => [p.from.report_id, p.to.report_id]), [pairs]);
  const sources = useReportSources(reportIds);
  const meta = useMemo(() => (sources.data ? {
    title: m.compareDumbbellExportTitle(indicatorName, from, year),
    subtitle: `${m.compareHeading(indicatorName, unit, null)} · ${m.compareDumbbellHeading(from, year)} · ${m.compareDumbbellCount(pairs.length)} · ${m.compareDataKinds(sourceKindsText(sources.data, m.exportText, lang))}`,
    sourceLine: sourceBlock(sources.data, m.exportText, isoDate(new Date())),
    notes: exportNotes(dumbbellFlaggedRows(pairs, lang), m.exportText, lang),
  } : null), [sources.data, pairs, indicatorName, unit, from, year, lang, m]);
  // Built when the reader exports, with both figures' quotes of every pair fetched then: 337 ms for a
  // nation's 2,789 pairs, on every step (ExportMenu's `csv`; the figures come without quotes).
  const csv = useMemo(() => ({
    columns: DUMBBELL_CSV_COLUMNS,
    count: pairs.length,
    buildRows: async () => {
      const quotes = await client.fetchQuery(compareQuotesQuery(database, indicatorId, pairs.flatMap((p) => [p.from, p.to])));
      return dumbbellCsvRows(pairs, direction, quotesById(quotes), sources.data ?? [], { id: indicatorId, name: indicatorName, unit });
    },
  }), [pairs, direction, client, database, sources.data, indicatorId, indicatorName, unit]);
  const drawn = useMemo(() => barsToDraw(orderPairs(pairs, direction), focus), [pairs, direction, focus]);
  const option = useMemo(() => buildDumbbellOption(drawn, { name: indicatorName, unit }, {
    lang, text: m.compareChart, focus, direction, fromYear: from, toYear: year,
    title: '',
  }), [drawn, indicatorName, unit, from, year, focus, direction, lang, m]);
  return (
    <>
      <ExportMenu option={option} meta={meta} csv={csv} chartHeight={dumbbellHeight(drawn.length)} />
      {drawn.length < pairs.length && <p className="note" data-testid="compare-dumbbell-window">{m.compareDumbbellWindow(drawn.length, pairs.length, from, year)}</p>}
      <EChart option={option} height={dumbbellHeight(drawn.length)} ariaLabel={m.compareDumbbellAria(indicatorName, from, year)}
        onPointClick={(event) => { const id = obsIdOfDot(event); if (id) onSelect(id); }} />
    </>
  );
}

