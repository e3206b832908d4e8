/** The Data view's queries (TanStack Query, keyed by the filters); the SQL lives in src/db/queries/data-table.ts. */
import { useDatabase } from '../shared/database.tsx';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { dataCount, dataPageAt, type DataFilters, type DataSort, type PageAt } from '../../db/queries/data-table.ts';

/** A page located by key (keyset pagination); `page` only labels it, `at` says where it is. */
export function useDataPage(filters: DataFilters, sort: DataSort, pageSize: number, page: number, at: PageAt) {
  const database = useDatabase();
  return useQuery({
    queryKey: ['data-page', filters, sort, pageSize, page, at],
    queryFn: async () => dataPageAt(await database.whole(), filters, sort, pageSize, at),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

/** Keyed by the filters only: turning a page does not count again. */
export function useDataCount(filters: DataFilters) {
  const database = useDatabase();
  return useQuery({
    queryKey: ['data-count', filters],
    queryFn: async () => dataCount(await database.whole(), filters),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

/** The value once it has stopped changing for `ms` (typing in a search box queries once, not per key). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
