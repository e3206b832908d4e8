/**
 * How a place is named on screen, in exports and on chart axes: its Chinese name; in English the
 * pinyin first, then the Chinese name (a reader can still match the characters of the report).
 * A place without a known pinyin keeps its Chinese name in both languages.
 */
import type { Lang } from '../lang.ts';

export interface NamedPlace {
  region_name: string;
  /** Romanised name ('' when unknown). */
  name_pinyin: string;
}

/** 灵丘县 (zh) or "Lingqiu 灵丘县" (en). */
export function placeLabel(place: NamedPlace, lang: Lang): string {
  return lang === 'en' && place.name_pinyin ? `${place.name_pinyin} ${place.region_name}` : place.region_name;
}

/** Labels by code for a set of places; a label two places share gets each place's code, so no two read the same. */
export function placeLabels(places: readonly (NamedPlace & { region_code: string })[], lang: Lang): Map<string, string> {
  const names = new Map<string, string>();
  for (const p of places) names.set(p.region_code, placeLabel(p, lang));
  const counts = new Map<string, number>();
  for (const name of names.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const [code, name] of names) if ((counts.get(name) ?? 0) > 1) names.set(code, `${name} (${code})`);
  return names;
}

/** A province or prefecture as `placeLabel` names a place: "Shanxi 山西省" in English ('' for no name). */
export function areaLabel(name: string | null | undefined, pinyin: string | null | undefined, lang: Lang): string {
  return name ? placeLabel({ region_name: name, name_pinyin: pinyin ?? '' }, lang) : '';
}
