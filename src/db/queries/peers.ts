/**
 * Places and peer groups. A peer group is data, not code: a query over the `regions` table
 * (same prefecture, same province, all, or the reader's own list), always with the focal place in it.
 */
import type { Db, SqlParam } from '../db.ts';
import { codeList } from './pick.ts';

export const PEER_GROUP_IDS = ['prefecture', 'province', 'all', 'custom'] as const;
export type PeerGroupId = (typeof PEER_GROUP_IDS)[number];

/**
 * Administrative tiers a peer group can be limited to: places are compared with places of the same
 * tier (a county with counties, not with a prefecture-level city fifty times its size).
 */
export const LEVEL_TIERS = ['county', 'prefecture', 'province'] as const;
export type LevelTier = (typeof LEVEL_TIERS)[number];
export type PeerLevel = LevelTier | 'all';
export const PEER_LEVELS = [...LEVEL_TIERS, 'all'] as const satisfies readonly PeerLevel[];

/** The `regions.level` values of each tier (scripts/lib/regions.ts `levelOf` writes them; no value holds a comma). */
export const LEVELS_OF_TIER: Record<LevelTier, readonly string[]> = {
  county: ['county', 'district', 'county-level city', 'autonomous county', 'banner', 'autonomous banner', 'forestry district', 'special district', 'other county-level unit'],
  prefecture: ['prefecture-level city', 'prefecture', 'autonomous prefecture', 'league'],
  province: ['province', 'municipality', 'autonomous region'],
};

/** The tier of a `regions.level` value; null when the dataset does not give a known level. */
export function tierOf(level: string): LevelTier | null {
  return LEVEL_TIERS.find((tier) => LEVELS_OF_TIER[tier].includes(level)) ?? null;
}

/** The level a peer group is limited to: the reader's choice, else the focal place's tier, else every tier. */
export function resolvePeerLevel(wanted: PeerLevel | null, focus: Pick<Place, 'level'> | undefined): PeerLevel {
  return wanted ?? (focus ? tierOf(focus.level) : null) ?? 'all';
}

/** Who the focal place is compared with. */
export interface PeerSpec {
  group: PeerGroupId;
  /** The focal place ('' for none); always a member of its own group. */
  focus: string;
  /** The reader's own list, used when `group` is 'custom'. */
  custom: readonly string[];
  /**
   * Only places of this administrative tier (the prefecture, province and all groups; the reader's
   * own list is taken as chosen). Absent or 'all': every tier.
   */
  level?: PeerLevel;
}

/**
 * Two CTEs, `focal` (the focal place's prefecture and province) and `peers` (region_code of every
 * member), reading four bound parameters from `$first`: focus, group, custom list, the levels of the
 * tier ('' for every tier; see `peerParams`).
 * A place without a prefecture code (a municipality's district, a province-administered city) has
 * no "same prefecture" peers but itself. 'all' and 'custom' also take places that appear only in
 * `observations` (not in `regions`), read from the pre-aggregated `coverage`.
 */
export function peerCtes(first: number): string {
  const focus = `$${first}`;
  const group = `$${first + 1}`;
  const custom = `$${first + 2}`;
  const levels = `$${first + 3}`;
  return `focal AS (
    SELECT nullif(trim(prefecture_code), '') AS prefecture_code, nullif(trim(province_code), '') AS province_code
    FROM regions WHERE region_code = ${focus}::VARCHAR
  ),
  peers AS (
    SELECT region_code FROM regions
    WHERE CASE ${group}::VARCHAR
      WHEN 'all' THEN true
      WHEN 'prefecture' THEN nullif(trim(prefecture_code), '') = (SELECT prefecture_code FROM focal)
      WHEN 'province' THEN nullif(trim(province_code), '') = (SELECT province_code FROM focal)
      WHEN 'custom' THEN list_contains(string_split(${custom}::VARCHAR, ','), region_code)
      ELSE false END
      AND (${group}::VARCHAR = 'custom' OR ${levels}::VARCHAR = '' OR list_contains(string_split(${levels}::VARCHAR, ','), level))
    UNION
    SELECT DISTINCT region_code FROM coverage
    WHERE (${group}::VARCHAR = 'all' AND ${levels}::VARCHAR = '') OR (${group}::VARCHAR = 'custom' AND list_contains(string_split(${custom}::VARCHAR, ','), region_code))
    UNION
    SELECT ${focus}::VARCHAR WHERE ${focus}::VARCHAR <> ''
  )`;
}

/** The four parameters `peerCtes` reads, in order. */
export const peerParams = (spec: PeerSpec): SqlParam[] => [
  spec.focus, spec.group, codeList(spec.custom), spec.level && spec.level !== 'all' ? LEVELS_OF_TIER[spec.level].join(',') : '',
];

/** A place of the dataset, with what the place picker searches and what peer groups need. */
export interface Place {
  region_code: string;
  region_name: string;
  /** 'Lingqiu' ('' when unknown). */
  name_pinyin: string;
  /** 'Lingqiuxian' ('' when the dataset does not give it). */
  pinyin_full: string;
  /** 'lq' ('' when the dataset does not give it). */
  pinyin_initials: string;
  level: string;
  /** 县, 市辖区, … ('' when the dataset does not give it). */
  level_zh: string;
  /** '' when the place has no prefecture (a municipality's district, a province-administered city). */
  prefecture_code: string;
  prefecture_name: string;
  province_code: string;
  province_name: string;
  /** The prefecture's and province's names romanised (Datong, Shanxi); '' or absent when unknown. */
  prefecture_pinyin?: string;
  province_pinyin?: string;
}

const PLACES = `
  SELECT * FROM regions ORDER BY province_code NULLS LAST, region_code`;

const ORPHANS = `
  SELECT region_code, any_value(region_name) AS region_name FROM coverage
  WHERE region_code NOT IN (SELECT region_code FROM regions)
  GROUP BY region_code ORDER BY region_code`;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : String(value));

/**
 * Every place: the regions table (its optional columns `name_pinyin_full` and `name_pinyin_initials`
 * are read when present), then places found only in observations.
 */
export async function listPlaces(db: Db): Promise<Place[]> {
  const [rows, orphans] = await Promise.all([
    db.query<Record<string, unknown>>(PLACES),
    db.query<{ region_code: string; region_name: string }>(ORPHANS),
  ]);
  const places = rows.map((r): Place => ({
    region_code: text(r.region_code), region_name: text(r.region_name), name_pinyin: text(r.name_pinyin),
    pinyin_full: text(r.name_pinyin_full), pinyin_initials: text(r.name_pinyin_initials), level: text(r.level), level_zh: text(r.level_zh),
    prefecture_code: text(r.prefecture_code), prefecture_name: text(r.prefecture_name),
    province_code: text(r.province_code), province_name: text(r.province_name),
    prefecture_pinyin: text(r.prefecture_pinyin), province_pinyin: text(r.province_pinyin),
  }));
  for (const o of orphans) {
    places.push({
      region_code: o.region_code, region_name: o.region_name ?? o.region_code, name_pinyin: '', pinyin_full: '', pinyin_initials: '',
      level: '', level_zh: '', prefecture_code: '', prefecture_name: '', province_code: '', province_name: '', prefecture_pinyin: '', province_pinyin: '',
    });
  }
  return places;
}

/** Whether a place matches what the reader typed: its name, pinyin (with or without spaces), initials or code. */
export function placeMatches(place: Place, typed: string): boolean {
  const needle = typed.trim().toLowerCase().replace(/\s+/g, '');
  if (!needle) return true;
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  return place.region_name.includes(needle) || place.region_code.includes(needle)
    || squash(place.name_pinyin).includes(needle) || squash(place.pinyin_full).includes(needle)
    || squash(place.pinyin_initials).startsWith(needle);
}

const MEMBERS = `
  WITH ${peerCtes(1)}
  SELECT region_code FROM peers ORDER BY region_code`;

/** The members of a peer group (the focal place included), by code. */
export async function peerMembers(db: Db, spec: PeerSpec): Promise<string[]> {
  return (await db.query<{ region_code: string }>(MEMBERS, peerParams(spec))).map((r) => r.region_code);
}

/** Which peer groups mean something for a place: none of "same prefecture" without a prefecture code. */
export function applicableGroups(place: Pick<Place, 'prefecture_code' | 'province_code'> | undefined): Record<PeerGroupId, boolean> {
  return { prefecture: Boolean(place?.prefecture_code), province: Boolean(place?.province_code), all: true, custom: true };
}
