/**
 * Which texts we hold for a place, by year: a full report or only excerpts (issue 13, "say only what
 * we know"). An indicator missing from a full report was not reported; one missing from an excerpt
 * may simply be in the part of the report we do not have.
 */
import type { Db } from '../db.ts';

export interface PlaceTexts {
  /** Years with at least one full report, ascending. */
  full_years: number[];
  /** Years with only excerpts (or texts whose coverage is not recorded), ascending. */
  excerpt_years: number[];
}

const TEXTS = `
  SELECT year::INTEGER AS year, bool_or(coverage = 'full') AS full
  FROM reports WHERE region_code = $1::VARCHAR AND year IS NOT NULL
  GROUP BY year ORDER BY year`;

export async function placeTexts(db: Db, regionCode: string): Promise<PlaceTexts> {
  const rows = await db.query<{ year: number; full: boolean | null }>(TEXTS, [regionCode]);
  return {
    full_years: rows.filter((r) => r.full === true).map((r) => r.year),
    excerpt_years: rows.filter((r) => r.full !== true).map((r) => r.year),
  };
}

/** What the dashboard can say about an indicator a place has no figure for. */
export type Absence =
  /** A full report of the place lacks it: "未报告". */
  | { kind: 'not-reported'; years: number[] }
  /** We hold only excerpts: "不在我们现有的文本中(摘录)". */
  | { kind: 'not-in-excerpt'; years: number[] }
  /** We hold no text of the place at all. */
  | { kind: 'no-text' };

/** Not reported only where a full report lacks the figure; otherwise, only that the text we have does not hold it. */
export function absenceOf(texts: PlaceTexts): Absence {
  if (texts.full_years.length > 0) return { kind: 'not-reported', years: texts.full_years };
  if (texts.excerpt_years.length > 0) return { kind: 'not-in-excerpt', years: texts.excerpt_years };
  return { kind: 'no-text' };
}
