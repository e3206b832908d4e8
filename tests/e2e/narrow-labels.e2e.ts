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
import { labelProblems, overlappingText } from './chart-text.ts';
import { ARTIFACTS, sessionPerFile, waitForChart, waitForView, type Lang, type View } from './support.ts';

const files = sessionPerFile();

/** A cold first load on a machine shared by several agents can take well over 30 s. */
const LOADED = 90_000;
const SLOW = { timeout: 300_000 };

/** 广灵县 and two other county-level places have 2024's 行政机关负责人出庭应诉率: the median and the band are drawn. */
const COMPARE_SPREAD = { view: 'compare', indicator: 'admin_litigation.head_appearance_rate', focus: '140223', year: '2024' };

const STATES: Record<Exclude<View, 'data'>, Record<string, string>> = {
  compare: COMPARE_SPREAD,
  trends: { view: 'trends' },
  profile: { view: 'profile', focus: '140224', peers: 'prefecture' },
  coverage: { view: 'coverage' },
};

const CASES = (['zh', 'en'] as const).flatMap((lang) => [1440, 375].map((width) => [lang, width] as [Lang, number]));

async function open(view: keyof typeof STATES, lang: Lang, width: number) {
  const page = await files.open({ ...STATES[view], ...(lang === 'en' ? { lang: 'en' } : {}) }, { width, height: 900 });
  const root = await waitForView(page, view, { content: true, timeout: LOADED });
  await waitForChart(root, LOADED);
  return { page, root };
}

describe('labels at 1440 and 375 px', SLOW, () => {
  it.each(CASES)('Compare (%s, %i px): the median and band are keyed above the chart; no label overlaps another', async (lang, width) => {
    const { page, root } = await open('compare', lang, width);
    const key = root.getByTestId('compare-spread-key');
    expect(await key.textContent()).toMatch(lang === 'zh' ? /中位数 .+四分位距 .+–/ : /median .+interquartile range .+–/);
    const { problems, charts, labels } = await labelProblems(root, 'compare');
    expect(charts, 'the ranked bars and the two-year chart are read').toBeGreaterThanOrEqual(1);
    expect(labels, 'place names, values and axis labels are read').toBeGreaterThan(6);
    expect(problems).toEqual([]);
    // Neither key word is drawn inside the plot any more.
    const drawn = (await import('./chart-text.ts')).chartTextBoxes(root.locator('[role="img"]').first());
    expect((await drawn).map((b) => b.text).join(' ')).not.toMatch(/四分位距|interquartile|中位数|median/);
    expect(await overlappingText(root)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `labels-compare-${lang}-${width}.png`), fullPage: true });
  });

  it.each(CASES)('Trends, Profile and Coverage (%s, %i px): no label or legend entry overlaps another', async (lang, width) => {
    for (const view of ['trends', 'profile', 'coverage'] as const) {
      const { page, root } = await open(view, lang, width);
      const { problems, charts } = await labelProblems(root, view);
      if (view === 'trends') expect(charts, 'the trend chart is read').toBe(1);
      expect(problems).toEqual([]);
      expect(await overlappingText(root), `${view}: HTML text`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${view}: no sideways scrolling`).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(ARTIFACTS, `labels-${view}-${lang}-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
