/**
 * Every view opened from its URL: it renders (its test hooks appear, nothing is left loading),
 * logs no console error, reaches no other origin and has no critical axe-core violation, in
 * Chinese and then in English (switched with the header button, as a reader would).
 * One page for the file (support.ts `warm`): the first view is opened cold from its URL, the others
 * by moving that page to their URL as back/forward does (the app reads the same URL state; DuckDB
 * starts once). A view opened cold from its URL is language.e2e.ts's and view-defaults.e2e.ts's case.
 * Screenshots: tests/artifacts/e2e/<view>-<lang>.png (git-ignored).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACTS, HOOK, MAIN_HOOK, criticalAxeViolations, sessionPerFile, waitForChart, waitForQuiet, waitForView, type View,
} from './support.ts';

const files = sessionPerFile();

/** The view's URL state (Trends is the default view: no parameter). */
const stateOf = (view: View) => ({ view: view === 'trends' ? undefined : view });

async function settle(p: Page, view: View) {
  const root = await waitForView(p, view, { content: true });
  expect(await p.locator('nav button[aria-current="page"]').count(), 'exactly one view tab is current').toBe(1);
  if (await root.locator(HOOK.chart).count()) await waitForChart(root);
  else await waitForQuiet(p);
  return root;
}

function viewTests(view: View) {
  describe(`${view} view`, () => {
    it(`renders in zh from its URL without console errors (screenshot ${view}-zh.png); axe: no critical violations`, async () => {
      const page = await files.warm(stateOf(view));
      await settle(page, view);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
      await page.screenshot({ path: join(ARTIFACTS, `${view}-zh.png`), fullPage: true });
      expect(await criticalAxeViolations(page, `${view}-zh`)).toEqual([]);
    });

    it(`renders in en after the language switch without console errors (screenshot ${view}-en.png); axe: no critical violations`, async () => {
      const page = await files.warm(stateOf(view));
      await settle(page, view);
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), { message: '<html lang> after the switch' }).toBe('en');
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
      await settle(page, view);
      expect(await page.getByRole('navigation', { name: 'Views' }).getByRole('button').allTextContents())
        .toEqual(['Trends', 'Compare', 'Profile', 'Coverage', 'Data', 'My data', 'About the data']);
      await page.screenshot({ path: join(ARTIFACTS, `${view}-en.png`), fullPage: true });
      expect(await criticalAxeViolations(page, `${view}-en`)).toEqual([]);
    });

    const hookTest = `has its test hooks: ${HOOK.view(view)} containing ${MAIN_HOOK[view]}`;
    {
      it(hookTest, async () => {
        const page = await files.warm(stateOf(view));
        const root = page.locator(HOOK.view(view));
        await root.first().waitFor({ timeout: 30_000 });
        expect(await root.count(), `one ${HOOK.view(view)}`).toBe(1);
        await root.locator(MAIN_HOOK[view]).first().waitFor({ timeout: 30_000 });
      });
    }
  });
}

viewTests('trends');
viewTests('compare');
viewTests('profile');
viewTests('coverage');
viewTests('data');

describe('harness', () => {
  it('blocks and records a request to another origin (the guard every test relies on)', async () => {
    // The app's Content-Security-Policy refuses a foreign fetch before it reaches the network (tests/e2e/csp.e2e.ts),
    // so the harness's own guard is checked from a page without that policy.
    const session = files.current;
    const bare = await session.newPage();
    await bare.goto('about:blank');
    const outcome = await bare.evaluate(() => fetch('https://cdn.example.invalid/lib.js').then(() => 'loaded', () => 'blocked'));
    await bare.close();
    expect(outcome).toBe('blocked');
    await expect.poll(() => session.foreign.length).toBeGreaterThan(0);
    expect(session.foreign[0]).toBe('https://cdn.example.invalid/lib.js');
    session.foreign.length = 0;
    session.errors.length = 0; // the blocked fetch logs "Failed to load resource" on purpose
  });
});
