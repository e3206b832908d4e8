/** The places and years the dataset has (Coverage and the Data view's filters); the SQL lives in src/db/queries/coverage.ts. */
import { useDatabase } from '../database.tsx';
import { useQuery } from '@tanstack/react-query';

import { coveragePlaces, dataYears } from '../../../db/queries/coverage.ts';

export function useCoveragePlaces() {
  const database = useDatabase();
  return useQuery({ queryKey: ['coverage-places'], queryFn: async () => coveragePlaces(await database.whole()), staleTime: Infinity });
}

/** The dataset's years with their row and place counts (shared with the Data view's year filter). */
export function useDataYears() {
  const database = useDatabase();
  return useQuery({ queryKey: ['data-years'], queryFn: async () => dataYears(await database.whole()), staleTime: Infinity });
}
