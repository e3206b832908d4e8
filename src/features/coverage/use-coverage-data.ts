/** The Coverage view's data, each query a TanStack Query keyed by its inputs; the SQL lives in src/db/queries/coverage.ts. */
import { useQuery } from '@tanstack/react-query';
import { getDb } from '../../db/index.ts';
import { coverageCells, coveragePlaces, coverageSummary, dataYears } from '../../db/queries/coverage.ts';

export function useCoveragePlaces() {
  return useQuery({ queryKey: ['coverage-places'], queryFn: async () => coveragePlaces(await getDb()), staleTime: Infinity });
}

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

/** The dataset's years with their row and place counts (shared with the Data view's year filter). */
export function useDataYears() {
  return useQuery({ queryKey: ['data-years'], queryFn: async () => dataYears(await getDb()), staleTime: Infinity });
}
