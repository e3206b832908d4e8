/** The Data view's queries (TanStack Query, keyed by the filters); the SQL lives in src/db/queries/data-table.ts. */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getDb } from '../../db/index.ts';
import { dataCount, dataPage, type DataFilters, type DataSort } from '../../db/queries/data-table.ts';

export function useDataPage(filters: DataFilters, sort: DataSort, pageSize: number, page: number) {
  return useQuery({
    queryKey: ['data-page', filters, sort, pageSize, page],
    queryFn: async () => dataPage(await getDb(), filters, sort, pageSize, page * pageSize),
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

export function useDataCount(filters: DataFilters) {
  return useQuery({
    queryKey: ['data-count', filters],
    queryFn: async () => dataCount(await getDb(), filters),
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
