/** The Coverage view's data, each query a TanStack Query keyed by its inputs; the SQL lives in src/db/queries/coverage.ts. */
import { useDatabase } from '../shared/database.tsx';
import { useQuery } from '@tanstack/react-query';

import { coverageCells, coverageSummary } from '../../db/queries/coverage.ts';

export function useCoverageCells(year: number | null) {
  const database = useDatabase();
  return useQuery({
    queryKey: ['coverage-cells', year],
    queryFn: async () => coverageCells(await database.whole(), year),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

export function useCoverageSummary(year: number | null) {
  const database = useDatabase();
  return useQuery({
    queryKey: ['coverage-summary', year],
    queryFn: async () => coverageSummary(await database.whole(), year),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

