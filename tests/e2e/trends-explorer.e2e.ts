/**
 * The Trends view as an indicator explorer, in a real browser: the landing series (通州区's
 * administrative reviews, 2019–2024), the table tab driven by the keyboard to a figure's source, the
 * year range (typed and slider) in the URL and the export title, the log axis and the index mode,
 * places chosen without a figure named under the chart, the presets' reference a drawn place, one
 * colour per place whatever else is drawn, line-end labels that fit at 375 px. Screenshots of chart
 * and table in both languages at 1440 and 375 px land in tests/artifacts/e2e/. The landing case starts
 * a fresh page; the others move that page from state to state as back/forward does (support.ts `warm`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HOOK, findSymbols, hoverTooltip, sessionPerFile, waitForChart, waitForView } from './support.ts';

const TONGZHOU = { code: '110112', zh: '通州区', en: 'Tongzhou' };
const WENZHOU = { code: '330300', zh: '温州市' };
const NINGGUO = { code: '341881', zh: '宁国市' };
const QIMEN = { code: '341024', zh: '祁门县' };
/** A place of the dataset without any figure for 行政复议收案数. */
const CHAOYANG = { code: '110105', zh: '朝阳区' };

const browser = sessionPerFile();
/** The first case starts DuckDB (a cold start took ~30 s on the loaded 2-core machine); the others move the same page. */
const SLOW = { timeout: 300_000 };

/** Trends for `state` on the file's warm page (support.ts `warm`): one DuckDB start for the file. */
async function openTrends(state: Record<string, string | string[] | undefined> = {}, options: { width?: number; cold?: boolean } = {}) {
  const page = await browser.warm(state, options);
  // A link to the table tab draws no chart: the view is ready when its table is.
  const root = await waitForView(page, 'trends', { content: state.tab !== 'table', timeout: 60_000 });
  return { page, root };
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const tableRows = (root: Locator) => root.getByTestId('trends-table').locator('tbody tr');
const rowTexts = (root: Locator) => tableRows(root).evaluateAll((rows) => rows.map((r) => [...r.children].slice(0, 3).map((c) => (c.textContent ?? '').trim()).join(' | ')));

/** Axe on the page: critical and serious violations, one line each (the brief asks for none serious). */
async function seriousAxe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

describe('Trends as an indicator explorer', SLOW, () => {
  it('lands on 行政复议收案数 with 通州区 2019–2024 drawn; the table tab reached by keyboard opens a figure\'s source', async () => {
    // A fresh page: the landing state and the keyboard path from the top of the page are about a first load.
    const { page, root } = await openTrends({}, { cold: true });
    await expect.poll(() => root.getByRole('heading', { level: 2 }).first().textContent()).toContain('行政复议收案数');
    expect(param(page, 'indicator'), 'the landing state writes nothing to the URL').toBeNull();
    const chart = await waitForChart(root);
    await page.screenshot({ path: join(ARTIFACTS, 'trends-explorer-landing-zh-1440.png'), fullPage: true });
    await chart.screenshot({ path: join(ARTIFACTS, 'trends-explorer-chart-zh-1440.png') });

    // Keyboard only: Tab until the selected tab (图表) has focus, → selects 表格, Tab enters the table.
    const chartTab = root.getByRole('tab', { name: '图表' });
    for (let i = 0; i < 80 && !(await chartTab.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    expect(await chartTab.evaluate((el) => el === document.activeElement), 'the 图表 tab reached with Tab').toBe(true);
    expect(await chartTab.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    const tableTab = root.getByRole('tab', { name: '表格' });
    await expect.poll(() => tableTab.getAttribute('aria-selected')).toBe('true');
    expect(await tableTab.evaluate((el) => el === document.activeElement), 'focus follows the selected tab').toBe(true);
    await expect.poll(() => param(page, 'tab')).toBe('table');
    await root.getByTestId('trends-table').waitFor({ timeout: 30_000 });

    const rows = await rowTexts(root);
    const tongzhou = rows.filter((r) => r.startsWith(TONGZHOU.zh));
    expect(tongzhou.map((r) => r.split(' | ')[1])).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(tongzhou[0]).toContain('176 件');

    // Tab from the tab list into the panel reaches the first row's source button; Enter opens the source panel.
    const firstSource = tableRows(root).first().getByRole('button');
    for (let i = 0; i < 10 && !(await firstSource.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    expect(await firstSource.evaluate((el) => el === document.activeElement), 'the first source button reached with Tab').toBe(true);
    expect(await firstSource.getAttribute('aria-label')).toBe(`查看出处:${TONGZHOU.zh} 2019 年`);
    await page.keyboard.press('Enter');
    const quote = page.locator(HOOK.provenanceQuote);
    await quote.waitFor({ timeout: 30_000 });
    expect(await quote.locator('mark').first().textContent(), 'the figure marked in the quote').toContain('176');
    expect(param(page, 'obs')).toBeTruthy();
    await expect.poll(() => tableRows(root).first().getAttribute('aria-current')).toBe('true');

    expect(await seriousAxe(page), 'axe: no serious or critical violation with the table tab and the source panel open').toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'trends-explorer-table-zh-1440.png'), fullPage: true });
  });

  it('year range: typed years and the slider write since/until, apply to the table and name the years in the export', async () => {
    const { page, root } = await openTrends({ tab: 'table' });
    await root.getByTestId('trends-table').waitFor({ timeout: 30_000 });
    const from = root.getByRole('spinbutton', { name: '起始年份' });
    await from.fill('2021');
    await expect.poll(() => param(page, 'since')).toBe('2021');
    const toSlider = root.getByRole('slider', { name: '结束年份(滑块)' });
    await toSlider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => param(page, 'until')).toBe('2023');
    expect(await root.getByRole('spinbutton', { name: '结束年份' }).inputValue()).toBe('2023');
    await expect.poll(async () => [...new Set((await rowTexts(root)).map((r) => r.split(' | ')[1]))].sort()).toEqual(['2021', '2022', '2023']);
    await expect.poll(() => root.getByTestId('trends-table').locator('caption').textContent()).toContain('2021–2023');

    await root.getByRole('tab', { name: '图表' }).click();
    await waitForChart(root);
    const svgButton = root.locator(HOOK.exportSvg).first();
    await expect.poll(() => svgButton.isEnabled(), { timeout: 30_000 }).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), svgButton.click()]);
    const path = join(ARTIFACTS, 'export-trends-range.svg');
    await download.saveAs(path);
    expect(readFileSync(path, 'utf8'), 'the export title names the years chosen').toMatch(/<text[^>]*>行政复议收案数,2021–2023年/);
    expect(download.suggestedFilename()).toContain('2021');

    // All years again: the parameters leave the URL.
    await root.getByRole('button', { name: '全部年份' }).click();
    await expect.poll(() => [param(page, 'since'), param(page, 'until')]).toEqual([null, null]);
  });

  it('log axis and index mode: in the URL; places whose first whole-year figure is derived are named, not drawn', async () => {
    const { page, root } = await openTrends({ lang: 'en' });
    await waitForChart(root);
    await root.getByTestId('trends-scale').selectOption('log');
    await expect.poll(() => param(page, 'scale')).toBe('log');
    await root.getByTestId('trends-mode').selectOption('index');
    await expect.poll(() => param(page, 'mode')).toBe('index');
    const note = root.getByTestId('trends-not-indexed');
    await expect.poll(() => note.textContent()).toContain('Wenzhou');
    expect(await note.textContent()).toContain('Ningguo');
    expect(await note.textContent()).toContain('is derived');
    const chart = await waitForChart(root);
    await page.mouse.move(1, 1);
    const points = await findSymbols(chart);
    // Only 通州区 is indexed, so one colour is drawn (its 2019 and 2020 indexes, 100 and 97.7, overlap on screen).
    expect(new Set(points.map((p) => p.color)).size, 'one place drawn').toBe(1);
    const first = points.sort((a, b) => a.x - b.x)[0]!;
    const tip = await hoverTooltip(page, chart, first);
    expect(tip).toContain('176');
    expect(tip).toContain('Index 100 (2019 = 100)');
    await page.mouse.move(1, 1);
    await chart.screenshot({ path: join(ARTIFACTS, 'trends-explorer-index-log-en-1440.png') });

    await root.getByRole('tab', { name: 'Table' }).click();
    await root.getByTestId('trends-table').waitFor({ timeout: 30_000 });
    const header = await root.getByTestId('trends-table').locator('thead th').allTextContents();
    expect(header).toContain('Index');
    const lastRow = await tableRows(root).last().locator('td').allTextContents();
    // English units (件 → cases, src/core/catalog/units.ts).
    expect(lastRow.slice(0, 3), '2024: the printed figure and its index').toEqual(['2024', '1,696 cases', '963.6']);
    expect(await seriousAxe(page), 'axe on the English table tab').toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'trends-explorer-table-en-1440.png'), fullPage: true });
  });

  it('a chosen place without a figure is named under the chart; the presets refer to a drawn place', async () => {
    const { root } = await openTrends({ regions: [QIMEN.code, CHAOYANG.code, TONGZHOU.code] });
    await waitForChart(root);
    await expect.poll(() => root.getByTestId('trends-no-figure').textContent()).toBe(`无数字:${CHAOYANG.zh}(所选地区没有此指标的数字)。`);
    // 祁门县 has only part-year figures, hidden for a count: named as not drawn.
    expect(await root.getByTestId('trends-none-shown').textContent()).toContain(QIMEN.zh);
    // 祁门县 is chosen first but not drawn: the presets' reference is 通州区.
    expect(await root.getByText(/^参照地区:/).textContent()).toContain(TONGZHOU.zh);
  });

  it('one colour per place whatever else is drawn, and line-end labels that fit at 375 px (zh and en)', async () => {
    const colourOf = async (regions: string[]) => {
      const { page, root } = await openTrends({ regions, since: '2019', until: '2020' });
      const chart = await waitForChart(root);
      await page.mouse.move(1, 1);
      const points = await findSymbols(chart);
      const colours = new Set(points.map((p) => p.color));
      expect(colours.size, `colours drawn for ${regions.join(',')}`).toBe(1);
      return [...colours][0];
    };
    // Only 通州区 has figures in 2019–2020, so its symbols are the only ones drawn in both.
    expect(await colourOf([TONGZHOU.code])).toBe(await colourOf([WENZHOU.code, NINGGUO.code, TONGZHOU.code]));

    for (const lang of ['zh', 'en'] as const) {
      const { page, root } = await openTrends({ lang: lang === 'en' ? 'en' : undefined, regions: [TONGZHOU.code, WENZHOU.code, NINGGUO.code, '140223', '140224', '419001'] }, { width: 375 });
      const chart = await waitForChart(root);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), 'no sideways scroll at 375 px').toBeLessThanOrEqual(376);
      const box = (await chart.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(376);
      await chart.screenshot({ path: join(ARTIFACTS, `trends-explorer-chart-${lang}-375.png`) });
      await root.getByRole('tab', { name: lang === 'zh' ? '表格' : 'Table' }).click();
      await root.getByTestId('trends-table').waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), 'the table scrolls in its own box at 375 px').toBeLessThanOrEqual(376);
      await page.screenshot({ path: join(ARTIFACTS, `trends-explorer-table-${lang}-375.png`), fullPage: true });
    }
  });
});
