/**
 * A PDF report's page map: `pageStarts[i]` is the body offset where page i + 1 starts
 * (src/core/convert/pdf-body.ts). `npm run add-report` writes it into the front matter
 * (`page_starts: [0, 1520, …]`), the pipeline carries it into the `reports` table's `page_starts`
 * column as JSON text ('' for a report that is not a PDF), and the source panel reads it back to
 * name a figure's page (`pageOfOffset`). One reader for both, so a damaged map is caught the same way.
 */

/** Why a page map was not taken: the problem in words (the caller names the file and field). */
export type PageStartsCheck = { ok: true; pageStarts: number[] } | { ok: false; problem: string };

/**
 * Checks a page map against its body: a non-empty list of whole offsets from 0 to the body's length,
 * never decreasing (an empty page starts where the next text does, so equal neighbours are allowed).
 */
export function checkPageStarts(value: unknown, bodyLength: number): PageStartsCheck {
  if (!Array.isArray(value) || value.length === 0) return { ok: false, problem: 'is not a non-empty list of body offsets' };
  for (let i = 0; i < value.length; i += 1) {
    const offset: unknown = value[i];
    if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > bodyLength) {
      return { ok: false, problem: `page ${i + 1}: ${JSON.stringify(offset)} is not an offset between 0 and the body's length ${bodyLength}` };
    }
    if (i > 0 && offset < (value[i - 1] as number)) return { ok: false, problem: `page ${i + 1} starts before page ${i}` };
  }
  return { ok: true, pageStarts: value as number[] };
}

/** The `reports.page_starts` cell: the map as a JSON list, '' when the report has none. */
export const pageStartsCell = (pageStarts: readonly number[] | undefined): string =>
  pageStarts && pageStarts.length > 0 ? JSON.stringify(pageStarts) : '';

/**
 * The map back from a `reports.page_starts` cell; null for '' (not a PDF) and for a cell that is not
 * a valid map (an edited or damaged file): the panel then names no page rather than a wrong one.
 */
export function pageStartsFromCell(cell: string | null | undefined, bodyLength: number | null): number[] | null {
  if (!cell) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(cell);
  } catch {
    return null;
  }
  const checked = checkPageStarts(parsed, bodyLength ?? Number.MAX_SAFE_INTEGER);
  return checked.ok ? checked.pageStarts : null;
}
