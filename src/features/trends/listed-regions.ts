/**
 * Which places the Trends picker lists as checkboxes: the first LISTED_PLACES of those matching the
 * search (best covered first), plus every chosen place further down. A nation's 2,846 places made a
 * list of ≈ 14,000 elements that every Trends step laid out again (0.7–2.4 s of forced layout per
 * indicator step under load, docs/BENCHMARKS.md "National scale: part D"); the search finds the rest.
 * The shipped dataset's 40 places are all listed, as before.
 */
export const LISTED_PLACES = 200;

export function listedRegions<T extends { region_code: string }>(shown: readonly T[], chosen: ReadonlySet<string>, limit = LISTED_PLACES): readonly T[] {
  if (shown.length <= limit) return shown;
  return [...shown.slice(0, limit), ...shown.slice(limit).filter((r) => chosen.has(r.region_code))];
}
