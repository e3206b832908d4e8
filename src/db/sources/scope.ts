/**
 * What part of a partitioned dataset a view needs: which provinces and which years. Pure functions
 * (no fetch, no DuckDB) so the choice of partitions is tested on its own (tests/db/scope.test.ts).
 *
 * A GB/T 2260 code's first two digits are its province (140223 灵丘县 → 140000 山西省), which is
 * how the partitions are keyed; no lookup is needed to know where a place's rows are.
 */
import type { Partition } from './manifest.ts';

export interface Scope {
  provinces: readonly string[] | 'all';
  years: readonly number[] | 'all';
}

/** Everything: what a view gets that has not said what it needs (correct, but loads the whole dataset). */
export const ALL: Scope = { provinces: 'all', years: 'all' };
/** No observation rows: the view needs only the small tables and the pre-aggregates. */
export const NONE: Scope = { provinces: [], years: [] };

/** 140223 → 140000. Codes that are not six digits have no province partition (null). */
export function provinceOf(regionCode: string): string | null {
  return /^\d{6}$/.test(regionCode) ? `${regionCode.slice(0, 2)}0000` : null;
}

/** The provinces holding these places, sorted, without duplicates. */
export function provincesOf(regionCodes: readonly string[]): string[] {
  return [...new Set(regionCodes.map(provinceOf).filter((p): p is string => p !== null))].sort();
}

/** The places' provinces, for the given years (all by default). */
export function placesScope(regionCodes: readonly string[], years: readonly number[] | 'all' = 'all'): Scope {
  return { provinces: provincesOf(regionCodes), years };
}

/**
 * The smallest single scope holding both. Beware: (one province, all years) ∪ (all provinces, one year)
 * is everything, so a view needing two such scopes loads them one after the other instead.
 */
export function unionScope(...scopes: readonly Scope[]): Scope {
  const provinces = scopes.some((s) => s.provinces === 'all') ? 'all' : [...new Set(scopes.flatMap((s) => s.provinces as readonly string[]))].sort();
  const years = scopes.some((s) => s.years === 'all') ? 'all' : [...new Set(scopes.flatMap((s) => s.years as readonly number[]))].sort((a, b) => a - b);
  return { provinces, years };
}

/** A stable text form, for query keys and marks ("140000,410000|2023,2024", "*|*"). */
export function scopeKey(scope: Scope): string {
  const part = (v: readonly (string | number)[] | 'all') => (v === 'all' ? '*' : v.join(','));
  return `${part(scope.provinces)}|${part(scope.years)}`;
}

export const partitionKey = (p: Pick<Partition, 'province' | 'year'>): string => `${p.province}/${p.year}`;

/** The partitions a scope covers, in manifest order. An empty province or year list covers nothing. */
export function selectPartitions(partitions: readonly Partition[], scope: Scope): Partition[] {
  const provinces = scope.provinces === 'all' ? null : new Set(scope.provinces);
  const years = scope.years === 'all' ? null : new Set(scope.years);
  return partitions.filter((p) => (provinces === null || provinces.has(p.province)) && (years === null || years.has(p.year)));
}

/** Of the partitions a scope covers, those not loaded yet. */
export function missingPartitions(partitions: readonly Partition[], scope: Scope, loaded: ReadonlySet<string>): Partition[] {
  return selectPartitions(partitions, scope).filter((p) => !loaded.has(partitionKey(p)));
}

/** Who a peer group can contain, as partitions: the focal place's province, every province, or the reader's list. */
export function peerScope(spec: { group: string; focus: string; custom: readonly string[] }, years: readonly number[] | 'all'): Scope {
  switch (spec.group) {
    case 'prefecture':
    case 'province': return placesScope([spec.focus], years);
    case 'custom': return placesScope([spec.focus, ...spec.custom], years);
    default: return { provinces: 'all', years };
  }
}
