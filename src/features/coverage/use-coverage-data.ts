/** The Coverage view's data, each query a TanStack Query keyed by its inputs; the SQL lives in src/db/queries/coverage.ts. */
import { useQuery } from '@tanstack/react-query';
import { getDb } from '../../db/index.ts';
import { coverageCells, coverageSummary } from '../../db/queries/coverage.ts';

export function useCoverageCells(year: number | null) {
  return useQuery({
    queryKey: ['coverage-cells', year],
    queryFn: async () => coverageCells(await getDb(), year),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

export function useCoverageSummary(year: number | null) {
  return useQuery({
    queryKey: ['coverage-summary', year],
    queryFn: async () => coverageSummary(await getDb(), year),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

