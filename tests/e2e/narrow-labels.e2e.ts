/**
 * No label runs over another, at 1440 and 375 px, in both languages (issue 13, "375 px: axis labels
 * never overlap, legends wrap"). Proved from the boxes of what is drawn, not by eye: the labels of each
 * ECharts chart are read from the live instance (`chartTextBoxes`), the HTML text of each view from its
 * text nodes' line boxes (`overlappingText`). Compare is opened on a group of three places, so its
 * median line and interquartile band are drawn (their key sits above the plot, never inside it).
 * Screenshots: tests/artifacts/e2e/labels-<view>-<lang>-<width>.png.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chartTextBoxes, labelProblems, overlappingText } from './chart-text.ts';
import { ARTIFACTS, sessionPerFile, switchLanguage, waitForChart, waitForView, type Lang, type View } from './support.ts';

const files = sessionPerFile();

/** A cold first load on a machine shared by several agents can take well over 30 s. */
const LOADED = 90_000;
const SLOW = { timeout: 300_000 };

/** 广灵县 and two other county-level places have 2024's 行政机关负责人出庭应诉率: the median and the band are drawn. */
const COMPARE_SPREAD = { view: 'compare', indicator: 'admin_litigation.head_appearance_rate', focus: '140223', year: '2024' };

const STATES: Record<Exclude<View, 'data'>, Record<string, string>> = {
  compare: COMPARE_SPREAD,
  trends: {}, // the default view: no parameter, as the app writes it
  profile: { view: 'profile', focus: '140224', peers: 'prefecture' },
  coverage: { view: 'coverage' },
};

/**
 * The four cases in the order a reader meets them on one page: opened in Chinese at 1440 px, narrowed to
 * 375 px, switched to English, widened again. One cold load for the file (a cold load costs most of a
 * test's time on this machine): the first view is loaded from its URL, the others moved to theirs on
 * the same page (support.ts `warm`, in Chinese at 1440 px again); a phone's cold load at 375 px is
 * covered by compare-years and trends.
 */
const CASES: readonly [Lang, number][] = [['zh', 1440], ['zh', 375], ['en', 375], ['en', 1440]];

async function open(view: keyof typeof STATES) {
  const page = await files.warm(STATES[view], { width: 1440, height: 900 });
  const root = await waitForView(page, view, { content: true, timeout: LOADED });
  await waitForChart(root, LOADED);
  return { page, root };
}

/** Brings the open page to a case: the header's language button and the window's width, as a reader would. */
async function toCase(page: Page, root: Locator, lang: Lang, width: number) {
  if (!(await page.evaluate(() => document.documentElement.lang)).startsWith(lang)) await switchLanguage(page, lang);
  if (page.viewportSize()?.width !== width) await page.setViewportSize({ width, height: 900 });
  await waitForChart(root, LOADED);
}

describe('labels at 1440 and 375 px, in both languages', SLOW, () => {
  it('Compare: the median and band are keyed above the chart; no label overlaps another', async () => {
    const { page, root } = await open('compare');
    for (const [lang, width] of CASES) {
      await toCase(page, root, lang, width);
      const at = `${lang}, ${width} px`;
      const key = root.getByTestId('compare-spread-key');
      expect(await key.textContent(), at).toMatch(lang === 'zh' ? /中位数 .+四分位距 .+–/ : /median .+interquartile range .+–/);
      const { problems, charts, labels } = await labelProblems(root, 'compare');
      expect(charts, `${at}: the ranked bars and the two-year chart are read`).toBeGreaterThanOrEqual(1);
      expect(labels, `${at}: place names, values and axis labels are read`).toBeGreaterThan(6);
      expect(problems, at).toEqual([]);
      const drawn = await chartTextBoxes(root.locator('[role="img"]').first());
      expect(drawn.map((b) => b.text).join(' '), at).not.toMatch(/四分位距|interquartile|中位数|median/);
      expect(await overlappingText(root), at).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `labels-compare-${lang}-${width}.png`), fullPage: true });
    }
  });

  it.each(['trends', 'profile', 'coverage'] as const)('%s: no label or legend entry overlaps another', async (view) => {
    const { page, root } = await open(view);
    for (const [lang, width] of CASES) {
      await toCase(page, root, lang, width);
      const at = `${view} (${lang}, ${width} px)`;
      const { problems, charts } = await labelProblems(root, view);
      if (view === 'trends') expect(charts, `${at}: the trend chart is read`).toBe(1);
      expect(problems, at).toEqual([]);
      expect(await overlappingText(root), `${at}: HTML text`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${at}: no sideways scrolling`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(ARTIFACTS, `labels-${view}-${lang}-${width}.png`), fullPage: true });
    }
  });
});
