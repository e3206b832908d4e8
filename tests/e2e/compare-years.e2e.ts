/**
 * Compare across years honestly and say only what we know, in Chromium on the shipped
 * dataset: the leader of 灵丘县 sees 灵丘县 ranked among its 大同市 peers for 调解成功率 with 广灵县's
 * 2024 figure labelled, and the view says what cannot be computed and why; the tolerance, level and
 * log scale are controls kept in the URL; Profile gives the same standing and says "not in the text we
 * have (excerpt)" for a place we hold only excerpts of. Both languages, 1440 and 375 px; screenshots
 * in tests/artifacts/e2e/13-*.png (the four language × width cases of each view, taken in the tests that assert
 * them: one page is widened and switched to the other language, as a reader would); axe: no serious or critical violation on Compare and Profile.
 * The cases share one warm page, moved from state to state as back/forward moves it (support.ts `warm`):
 * a cold start each took ~30 s on the loaded machine. The copied link is opened on a fresh page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HOOK, sessionPerFile, switchLanguage, tooltipText, waitForChart, waitForView, type Lang } from './support.ts';

const files = sessionPerFile();

/** A cold first load on a machine shared by several agents can take well over 30 s. */
const LOADED = 90_000;
/** Per test: a cold start when it is the first (or follows a failure), a few state changes. */
const SLOW = { timeout: 300_000 };

const LINGQIU_DATONG = { view: 'compare', focus: '140224', indicator: 'mediation.success_rate', peers: 'prefecture' } as const;

/** Serious and critical axe violations (the brief asks for none of either on the views touched). */
async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

/** Compare for `state` on the file's warm page (one DuckDB start for the file: support.ts `warm`). */
async function openCompare(state: Record<string, string>, lang: Lang = 'zh', width = 1440) {
  const page = await files.warm({ ...state, ...(lang === 'en' ? { lang: 'en' } : {}) }, { width, height: 900 });
  const root = await waitForView(page, 'compare', { content: true, timeout: LOADED });
  await expect.poll(() => root.getByTestId('compare-headline').count(), { timeout: LOADED, message: 'the headline' }).toBe(1);
  return { page, root };
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** No horizontal scrolling at the page's width. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('Compare across years (灵丘县, 调解成功率, 大同市)', SLOW, () => {
  it("ranks 灵丘县 with 广灵县's 2024 figure labelled, and says what cannot be computed and why (zh, 1440)", async () => {
    const { page, root } = await openCompare(LINGQIU_DATONG);
    await waitForChart(root, LOADED);
    const headline = await root.getByTestId('compare-headline').textContent();
    expect(headline).toContain('灵丘县:第 1 位,共 2 个地区');
    expect(headline).not.toContain('共 1 个地区');
    expect(await root.getByTestId('compare-other-years').textContent()).toBe('广灵县为 2024 年数字');
    const notes = await root.getByTestId('compare-notes').textContent();
    expect(notes).toContain('少于 3 个'); // a median needs three places
    expect(notes).toContain('2024–2026 年');
    expect(await root.getByTestId('compare-yoy-missing').textContent()).toContain('灵丘县没有 2024 年的全年数字');
    // The table labels each figure's year; 广灵县's is marked as another year.
    await root.locator('.compare-table summary').click();
    const guangling = root.locator('.compare-table tr', { hasText: '广灵县' });
    expect(await guangling.locator('td.compare-other-year').textContent()).toBe('2024');
    // The chart's accessible name carries the same sentence.
    expect(await root.locator(`${HOOK.chart} [role="img"][aria-label]`).first().getAttribute('aria-label')).toContain('广灵县为 2024 年数字');
    // Defaults stay out of the URL; the level control shows the focal place's tier.
    expect(param(page, 'tol')).toBeNull();
    expect(param(page, 'level')).toBeNull();
    expect(await root.locator('.compare-level select').inputValue()).toBe('county');
    await page.screenshot({ path: join(ARTIFACTS, '13-compare-zh-1440.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  // Before the export below: its quotes (the same two figures) would answer the tooltip's from the cache.
  it("shows each drawn bar's quote in its tooltip (the quotes come after the bars)", async () => {
    const { page, root } = await openCompare(LINGQIU_DATONG);
    const chart = await waitForChart(root, LOADED);
    const box = (await chart.locator('canvas').first().boundingBox())!;
    // Two bars, one above the other: hover down the chart's middle until each place's tooltip has shown.
    const seen = new Map<string, string>();
    await expect.poll(async () => {
      for (let y = box.y + 4; y < box.y + box.height - 30; y += 6) {
        await page.mouse.move(box.x + box.width / 3, y);
        const text = await tooltipText(chart);
        const place = ['灵丘县', '广灵县'].find((p) => text.startsWith(p));
        if (place && text.includes('“')) seen.set(place, text);
      }
      await page.mouse.move(box.x - 10, box.y - 10);
      return [...seen.keys()].sort();
    }, { timeout: 30_000, message: 'both bars\' tooltips with a quote' }).toEqual(['广灵县', '灵丘县']);
    // The sentence each figure was read from (public/data/observations.csv), after the value line.
    const quoted = (place: string) => { const text = seen.get(place)!; return text.slice(text.indexOf('“')); };
    expect(quoted('灵丘县')).toContain('调解成功率99%');
    expect(quoted('广灵县')).toContain('98.4%'); // its 2024 figure
  });

  it('exports a CSV whose rows carry their own year, the year compared and the offset', async () => {
    const { page, root } = await openCompare(LINGQIU_DATONG);
    await waitForChart(root, LOADED);
    const button = root.locator(HOOK.exportCsv).first();
    await expect.poll(() => button.isEnabled(), { message: 'export-csv enabled' }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = join(ARTIFACTS, '13-compare.csv');
    await download.saveAs(path);
    const [header, ...lines] = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const columns = header!.split(',');
    const at = (line: string, column: string) => line.split(',')[columns.indexOf(column)];
    const guangling = lines.find((l) => l.includes('广灵县'))!;
    expect([at(guangling, 'compared_year'), at(guangling, 'year'), at(guangling, 'year_offset'), at(guangling, 'value')]).toEqual(['2025', '2024', '-1', '98.4']);
    const lingqiu = lines.find((l) => l.includes('灵丘县'))!;
    expect([at(lingqiu, 'year'), at(lingqiu, 'year_offset'), at(lingqiu, 'rank')]).toEqual(['2025', '0', '1']);
    // The figures come without quotes; the export fetched them: every row has its sentence, holding its value.
    const rows = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.region_name)).toEqual(['灵丘县', '广灵县']);
    for (const r of rows) expect(r.quote, r.region_name).toContain(r.value);
  });

  it('with the same year only, ranks nobody and lists which peers have which years; the tolerance is in the URL', async () => {
    const { page, root } = await openCompare(LINGQIU_DATONG);
    await root.getByTestId('compare-tolerance').selectOption('0');
    await expect.poll(() => param(page, 'tol')).toBe('0');
    await expect.poll(() => root.getByTestId('compare-headline').textContent()).toContain('无法排名:对比组中只有灵丘县有 2025 年的全年数字');
    expect(await root.getByTestId('compare-other-years').count()).toBe(0);
    await expect.poll(() => root.getByTestId('compare-peer-years').textContent(), { timeout: 30_000 }).toContain('广灵县 2024');
    expect(await root.locator(`${HOOK.chart} canvas`).count(), 'no chart of one bar').toBe(0);
    // A copied link restores it: a fresh page, cold.
    const again = await files.open(Object.fromEntries(new URL(page.url()).searchParams), { width: 1440, height: 900 });
    const root2 = await waitForView(again, 'compare');
    await expect.poll(() => root2.getByTestId('compare-headline').textContent(), { timeout: 30_000 }).toContain('无法排名');
  });

  it('says the same in English at 375 px, and the page fits the screen', async () => {
    const { page, root } = await openCompare(LINGQIU_DATONG, 'en', 375);
    await waitForChart(root, LOADED);
    expect(await root.getByTestId('compare-headline').textContent()).toContain('Lingqiu 灵丘县: rank 1 of 2');
    expect(await root.getByTestId('compare-other-years').textContent()).toBe('Guangling 广灵县: figure for 2024');
    expect(await pageWidth(page), 'no horizontal scrolling').toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, '13-compare-en-375.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The same page widened to 1440 px, then in Chinese at 375 px: the other two cases of the four.
    await page.setViewportSize({ width: 1440, height: 900 });
    await waitForChart(root, LOADED);
    expect(await root.getByTestId('compare-headline').textContent()).toContain('Lingqiu 灵丘县: rank 1 of 2');
    await page.screenshot({ path: join(ARTIFACTS, '13-compare-en-1440.png'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 900 });
    await switchLanguage(page, 'zh');
    await expect.poll(() => root.getByTestId('compare-headline').textContent()).toContain('灵丘县:第 1 位,共 2 个地区');
    expect(await root.getByTestId('compare-other-years').textContent()).toBe('广灵县为 2024 年数字');
    await waitForChart(root, LOADED);
    expect(await pageWidth(page), 'no horizontal scrolling (zh)').toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(ARTIFACTS, '13-compare-zh-375.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('says when one large place flattens the rest, and offers a log axis kept in the URL (counts only)', async () => {
    const { page, root } = await openCompare({ view: 'compare', focus: '140224', indicator: 'admin_litigation.cases', level: 'all' }, 'en');
    await waitForChart(root, LOADED);
    expect(param(page, 'level')).toBe('all');
    expect(await root.getByTestId('compare-flattened').textContent()).toContain('Wenzhou 温州市');
    await root.getByTestId('compare-scale').selectOption('log');
    await expect.poll(() => param(page, 'scale')).toBe('log');
    await expect.poll(() => root.getByTestId('compare-flattened').count()).toBe(0);
    expect(await root.getByTestId('compare-notes').textContent()).toContain('Log scale');
    await page.screenshot({ path: join(ARTIFACTS, '13-compare-en-1440-log.png'), fullPage: true });
    // A rate has no log axis.
    const rate = await openCompare(LINGQIU_DATONG, 'en');
    expect(await rate.root.getByTestId('compare-scale').isDisabled()).toBe(true);
  });

  it('limits peers to the chosen level (URL `level`)', async () => {
    const { page, root } = await openCompare({ view: 'compare', focus: '140224', indicator: 'admin_litigation.cases' });
    await waitForChart(root, LOADED);
    // The table's rows are built once it is opened; it stays open across the level change.
    await root.locator('.compare-table summary').click();
    // The rows come with the next render (and, on a loaded machine, later still): wait for them, then count.
    await expect.poll(() => root.locator('.compare-table tbody tr').count(), { timeout: LOADED, message: 'the county peers\' rows' }).toBeGreaterThan(1);
    const county = await root.locator('.compare-table tbody tr').count();
    await root.locator('.compare-level select').selectOption('all');
    await expect.poll(() => param(page, 'level'), { timeout: LOADED }).toBe('all');
    await expect.poll(() => root.locator('.compare-table tbody tr').count(), { timeout: LOADED, message: '温州市 joins at all levels' }).toBe(county + 1);
    expect(await root.locator('.compare-table').textContent()).toContain('温州市');
  });
});

/** Profile for `state` on the same warm page as Compare. */
async function openProfile(state: Record<string, string>, lang: Lang = 'zh', width = 1440) {
  const page = await files.warm({ view: 'profile', ...state, ...(lang === 'en' ? { lang: 'en' } : {}) }, { width, height: 900 });
  const root = await waitForView(page, 'profile', { content: true, timeout: LOADED });
  await waitForChart(root, LOADED);
  await expect.poll(() => root.getByTestId('profile-summary').textContent(), { timeout: LOADED }).toMatch(/全文|full report|excerpt|摘录/);
  return { page, root };
}

describe('Profile across years, and what we do not know', SLOW, () => {
  it("gives 灵丘县's 调解成功率 its rank among 大同市 peers in range, naming 广灵县's 2024 (zh 1440, en 375)", async () => {
    const { page, root } = await openProfile({ focus: '140224', peers: 'prefecture' });
    const row = root.locator('tr', { hasText: '人民调解成功率' }).first();
    await expect.poll(() => row.getByTestId('profile-standing').textContent(), { timeout: 60_000 }).toContain('第 1 位(共 2 地)');
    const standing = await row.getByTestId('profile-standing').textContent();
    expect(standing).not.toContain('百分位'); // two places: no percentile, no median
    expect(standing).toContain('广灵县为 2024 年数字');
    // 灵丘县's report is a full one: what it lacks is 未报告.
    expect(await root.locator('tr[data-absence="not-reported"]').count()).toBeGreaterThan(0);
    expect(await root.locator('tr[data-absence="not-in-excerpt"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, '13-profile-zh-1440.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    const en = await openProfile({ focus: '140224', peers: 'prefecture' }, 'en', 375);
    const enRow = en.root.locator('tr', { hasText: 'mediation success rate' }).first();
    await expect.poll(() => enRow.getByTestId('profile-standing').textContent(), { timeout: 60_000 }).toContain('rank 1 of 2');
    expect(await pageWidth(en.page), 'no horizontal scrolling').toBeLessThanOrEqual(375);
    await en.page.screenshot({ path: join(ARTIFACTS, '13-profile-en-375.png'), fullPage: true });
    expect(await seriousAxeViolations(en.page)).toEqual([]);
    // The same page widened to 1440 px, then in Chinese at 375 px: the other two cases of the four.
    await en.page.setViewportSize({ width: 1440, height: 900 });
    expect(await enRow.getByTestId('profile-standing').textContent()).toContain('rank 1 of 2');
    await en.page.screenshot({ path: join(ARTIFACTS, '13-profile-en-1440.png'), fullPage: true });
    await en.page.setViewportSize({ width: 375, height: 900 });
    await switchLanguage(en.page, 'zh');
    const zhRow = en.root.locator('tr', { hasText: '人民调解成功率' }).first();
    await expect.poll(() => zhRow.getByTestId('profile-standing').textContent()).toContain('广灵县为 2024 年数字');
    expect(await pageWidth(en.page), 'no horizontal scrolling (zh)').toBeLessThanOrEqual(375);
    await en.page.screenshot({ path: join(ARTIFACTS, '13-profile-zh-375.png'), fullPage: true });
    expect(await seriousAxeViolations(en.page)).toEqual([]);
  });

  it('says "not in the text we have (excerpt)" for a place we hold only excerpts of, never 未报告', async () => {
    const { page, root } = await openProfile({ focus: '140223' });
    expect(await root.locator('tr[data-absence="not-in-excerpt"]').count()).toBeGreaterThan(0);
    expect(await root.locator('tr[data-absence="not-reported"]').count()).toBe(0);
    expect(await root.locator('.profile-table').textContent()).not.toContain('未报告');
    expect(await root.getByTestId('profile-summary').textContent()).toContain('摘录');
    await page.screenshot({ path: join(ARTIFACTS, '13-profile-zh-1440-excerpt.png'), fullPage: true });
    const en = await openProfile({ focus: '140223' }, 'en', 375);
    expect(await en.root.locator('.profile-table').textContent()).toContain('not in the text we have (excerpt)');
    await en.page.screenshot({ path: join(ARTIFACTS, '13-profile-en-375-excerpt.png'), fullPage: true });
  });
});
