/** The reports behind the rows a chart draws, for its export source line (any view can use it). */
import { useDatabase } from '../database.tsx';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { NONE, type Database } from '../../../db/index.ts';
import { reportSources } from '../../../db/queries/provenance.ts';

/** Shared by the hook and the idle prefetch (shared/data/idle-prefetch.ts). */
export const reportSourcesQuery = (database: Database, reportIds: readonly string[]) => {
  const ids = [...new Set(reportIds)].sort();
  return queryOptions({
    queryKey: ['report-sources', ids],
    queryFn: async () => reportSources(await database.forScope(NONE, 'sources'), ids),
    staleTime: Infinity,
  });
};

export function useReportSources(reportIds: readonly string[]) {
  const database = useDatabase();
  return useQuery({ ...reportSourcesQuery(database, reportIds), enabled: reportIds.length > 0 });
}
