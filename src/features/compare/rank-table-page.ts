/**
 * Which rows of the ranking table are drawn: a page of RANK_TABLE_PAGE rows. Among all 2,789 places
 * of a national dataset the opened table drew every row again on each year or peer-group step
 * (docs/BENCHMARKS.md, "National scale: part D"); a page keeps the DOM to a screenful or two. A
 * group of up to RANK_TABLE_PAGE places (every group of the shipped dataset) is one page, as before.
 */
export const RANK_TABLE_PAGE = 100;

export interface TablePage { page: number; pages: number; first: number; end: number }

/** Page `page` of `total` rows (clamped to the pages there are); `first` inclusive, `end` exclusive. */
export function tablePage(total: number, page: number, size = RANK_TABLE_PAGE): TablePage {
  const pages = Math.max(1, Math.ceil(total / size));
  const at = Math.min(Math.max(0, Math.trunc(page)), pages - 1);
  return { page: at, pages, first: at * size, end: Math.min(total, (at + 1) * size) };
}

/** The page holding row `index` (the focal place's, so the table opens where the reader is); 0 when not found (-1). */
export const pageOfRow = (index: number, size = RANK_TABLE_PAGE): number => (index < 0 ? 0 : Math.floor(index / size));
