/**
 * Compare's first visit from Trends runs no query once Trends has been idle (issue 12: the first
 * Compare step of each bench run waited for 4 queries, the tail of "change the peer group"). On the
 * shipped dataset, Trends drawn with four places is left idle until its prefetch plan has finished;
 * Compare is then opened as a tab click opens it (the URL's focus and peer group: 灵丘县, all places) and
 * on one of the drawn places among its prefecture's places, and its ranking appears with no
 * `atlas:query` measure started in between. The figures shown are Compare's own: the headline names
 * the focal place.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sessionPerFile, waitForChart, waitForView } from './support.ts';

const files = sessionPerFile();
const LOADED = 120_000;
const SLOW = { timeout: 400_000 };

const INDICATOR = 'admin_review.received';
const DRAWN = ['110112', '330300', '341881', '140223'];

/** Waits until no query has started for `quietMs` (the idle plan has run out), up to `timeout`. */
async function waitForQueriesToStop(page: Page, quietMs: number, timeout: number): Promise<number> {
  const started = Date.now();
  let count = -1;
  let since = Date.now();
  while (Date.now() - started < timeout) {
    const now = await page.evaluate(() => performance.getEntriesByName('atlas:query').length);
    if (now !== count) { count = now; since = Date.now(); } else if (Date.now() - since >= quietMs) return count;
    await page.waitForTimeout(500);
  }
  throw new Error(`queries still starting after ${timeout} ms (${count} so far)`);
}

/** Moves the page to `search` as a click on a control does (pushState + popstate) and returns the queries started until the headline shows. */
async function openAndListQueries(page: Page, search: string, focusName: string): Promise<string[]> {
  return page.evaluate(async ({ search, focusName, timeout }) => {
    const t0 = performance.now();
    history.pushState(null, '', `${location.pathname}${search}`);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        const headline = document.querySelector('[data-testid="compare-headline"]')?.textContent ?? '';
        if (headline.includes(focusName)) { resolve(); return; }
        if (performance.now() - t0 > timeout) { reject(new Error(`no headline naming ${focusName} (${headline})`)); return; }
        requestAnimationFrame(check);
      };
      check();
    });
    return performance.getEntriesByName('atlas:query').filter((e) => e.startTime >= t0)
      .map((e) => (((e as PerformanceMeasure).detail ?? {}) as { sql?: string }).sql?.slice(0, 60) ?? '?');
  }, { search, focusName, timeout: LOADED });
}

describe('Compare prefetched from Trends', () => {
  it('opens on its default place and on a drawn place among its prefecture without a query', SLOW, async () => {
    const page = await files.open({ indicator: INDICATOR, regions: DRAWN });
    await waitForChart(await waitForView(page, 'trends', { content: true, timeout: LOADED }), LOADED);
    // The plan has run out once no query started for 5 s (each step waits for an idle period).
    const before = await waitForQueriesToStop(page, 5_000, 240_000);
    expect(before).toBeGreaterThan(5); // the prefetch ran (or the test proves nothing)

    const tab = await openAndListQueries(page, `?view=compare&indicator=${INDICATOR}&regions=${DRAWN.join(',')}`, '灵丘县');
    expect(tab, 'queries Compare ran for its default place').toEqual([]);
    await waitForChart(await waitForView(page, 'compare', { content: true, timeout: LOADED }), LOADED);
    // Compare's own idle plan (other years and groups) runs now: its queries are not the next visit's.
    await waitForQueriesToStop(page, 5_000, 240_000);

    const drawn = await openAndListQueries(page, `?view=compare&indicator=${INDICATOR}&regions=${DRAWN.join(',')}&focus=140223&peers=prefecture`, '广灵县');
    expect(drawn, 'queries Compare ran for a drawn place among its prefecture').toEqual([]);
  });
});
