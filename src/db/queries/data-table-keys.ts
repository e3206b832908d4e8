/**
 * The Data table's sort orders as lists of ascending, never-NULL key expressions, so a page can be
 * cut by the seek method ("the rows after this key") instead of OFFSET: `(k0, k1, …) > (?, ?, …)`
 * is one row-value comparison, and reading backwards is the same list sorted DESC.
 *
 * Why not the plain ORDER BY: descending keys and NULLS LAST cannot be expressed in one row-value
 * comparison. So a descending number is negated, and a nullable column becomes two keys, "is
 * NULL" (0 before 1: NULLS LAST) then the column with a neutral stand-in; a boolean sorted DESC
 * becomes 0 (true), 1 (false), 2 (NULL). The last keys of every sort are the pick rule's own
 * (pick-rule.ts, the same list pick.ts orders by); tests/db/data-table-keys.test.ts checks that the
 * two agree row for row.
 */
import { pickKeyList } from './pick-rule.ts';

/** One key value of a row, as both DuckDB drivers return it (INTEGER, DOUBLE or VARCHAR). */
export type KeyValue = string | number;
/** A row's position in a sort order: its key values, in the order of the key list. */
export type SortKey = readonly KeyValue[];

const nullsLast = (expr: string, standIn: string): string[] => [`(${expr} IS NULL)::INTEGER`, `coalesce(${expr}, ${standIn})`];

/** The pick rule as keys (pick-rule.ts), over the row `a`. */
export const pickKeys = (a: string): string[] => pickKeyList(`${a}.`);

/**
 * Key lists of the four sorts over `o` observations; `ind` is the indicator's catalog position
 * (NULL for an indicator the catalog lacks: last).
 */
export function sortKeys(sort: 'place' | 'year_desc' | 'indicator' | 'value_desc', ind: string): string[] {
  const place = nullsLast('o.region_code', `''`);
  const year = nullsLast('o.year', '0');
  const indicator = nullsLast(ind, '0');
  const pick = pickKeys('o');
  switch (sort) {
    case 'place': return [...place, ...year, ...indicator, ...pick];
    case 'year_desc': return ['(o.year IS NULL)::INTEGER', '-coalesce(o.year, 0)', ...place, ...indicator, ...pick];
    case 'indicator': return [...indicator, ...place, ...year, ...pick];
    case 'value_desc': return ['(o.value IS NULL)::INTEGER', '-coalesce(o.value, 0)', ...place, ...year, ...pick];
  }
}

/**
 * How many leading keys of a sort need no join (plain columns of the row): a first, cheap top-N on
 * them bounds the rows that need every key (see data-table.ts). 0: the sort starts with the
 * indicator's catalog position, which needs the join anyway.
 */
export function cheapLead(sort: 'place' | 'year_desc' | 'indicator' | 'value_desc'): number {
  return { place: 4, year_desc: 4, indicator: 0, value_desc: 2 }[sort];
}

/** `k0, k1, …` as column names. */
export const keyNames = (n: number): string[] => Array.from({ length: n }, (_, i) => `k${i}`);

/** `(k0, …) > (?, …)` (or another comparison) over the first `n` keys, or over the given expressions. */
export const compareSql = (columns: readonly string[], op: '>' | '<' | '>=' | '<='): string =>
  `(${columns.join(', ')}) ${op} (${columns.map(() => '?').join(', ')})`;
