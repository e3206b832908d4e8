/**
 * The page of a figure in a report the user imported from a PDF: the report's page map is kept with
 * it in the browser's store, so the source panel names the page the figure is on.
 * Null for every other row (shipped data, tables, text and web-page imports). The store is imported
 * when a user's row is opened, so the source panel does not pull the user-data code (and papaparse)
 * into the first chart's JavaScript.
 */
import { useQuery } from '@tanstack/react-query';
import { pageOfOffset } from '../../../core/convert/pdf-body.ts';

export function useReportPage(row: { origin: string; report_id: string; span_start: number }): number | null {
  const isUser = row.origin === 'user' && row.report_id.startsWith('user-');
  const pages = useQuery({
    queryKey: ['report-pages', row.report_id],
    queryFn: async () => {
      // A report dataset's report id is the dataset's id (build-report-dataset.ts).
      const { userDataStore } = await import('../user-data/user-data-state.ts');
      const dataset = await userDataStore().getMeta(row.report_id); // the reports only, not the rows
      return dataset?.reports.find((r) => r.meta.id === row.report_id)?.source?.pageStarts ?? null;
    },
    enabled: isUser,
    staleTime: Infinity,
  });
  return isUser && pages.data ? pageOfOffset(pages.data, row.span_start) : null;
}
