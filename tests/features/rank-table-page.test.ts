import { describe, expect, it } from 'vitest';
import { pageOfRow, RANK_TABLE_PAGE, tablePage } from '../../src/features/compare/rank-table-page.ts';

describe('the ranking table is drawn a page at a time', () => {
  it('covers every row of a national ranking exactly once over its pages', () => {
    const total = 2789;
    const first = tablePage(total, 0);
    const seen: number[] = [];
    for (let page = 0; page < first.pages; page += 1) {
      const p = tablePage(total, page);
      for (let i = p.first; i < p.end; i += 1) seen.push(i);
    }
    expect(first.pages).toBe(28);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
  });

  it('keeps a group no larger than a page in one page, as before paging', () => {
    expect(tablePage(40, 0)).toEqual({ page: 0, pages: 1, first: 0, end: 40 });
    expect(tablePage(RANK_TABLE_PAGE, 0)).toEqual({ page: 0, pages: 1, first: 0, end: RANK_TABLE_PAGE });
    expect(tablePage(0, 0)).toEqual({ page: 0, pages: 1, first: 0, end: 0 });
  });

  it('clamps a page beyond the last (a turned page of a ranking that shrank)', () => {
    expect(tablePage(150, 5)).toEqual({ page: 1, pages: 2, first: 100, end: 150 });
    expect(tablePage(150, -1)).toEqual({ page: 0, pages: 2, first: 0, end: 100 });
  });

  it('opens on the page of the focal place, the first when it is not in the table', () => {
    expect(pageOfRow(0)).toBe(0);
    expect(pageOfRow(99)).toBe(0);
    expect(pageOfRow(100)).toBe(1);
    expect(pageOfRow(2788)).toBe(27);
    expect(pageOfRow(-1)).toBe(0);
  });
});
