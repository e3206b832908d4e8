/** The places and years the dataset has (Coverage and the Data view's filters); the SQL lives in src/db/queries/coverage.ts. */
import { useQuery } from '@tanstack/react-query';
import { getDb } from '../../../db/index.ts';
import { coveragePlaces, dataYears } from '../../../db/queries/coverage.ts';

export function useCoveragePlaces() {
  return useQuery({ queryKey: ['coverage-places'], queryFn: async () => coveragePlaces(await getDb()), staleTime: Infinity });
}

/** The dataset's years with their row and place counts (shared with the Data view's year filter). */
export function useDataYears() {
  return useQuery({ queryKey: ['data-years'], queryFn: async () => dataYears(await getDb()), staleTime: Infinity });
}
