/** The reports behind the rows a chart draws, for its export source line (any view can use it). */
import { useDatabase } from '../database.tsx';
import { useQuery } from '@tanstack/react-query';
import { NONE } from '../../../db/index.ts';
import { reportSources } from '../../../db/queries/provenance.ts';

export function useReportSources(reportIds: readonly string[]) {
  const database = useDatabase();
  const ids = [...new Set(reportIds)].sort();
  return useQuery({
    queryKey: ['report-sources', ids],
    queryFn: async () => reportSources(await database.forScope(NONE, 'sources'), ids),
    enabled: ids.length > 0,
    staleTime: Infinity,
  });
}
