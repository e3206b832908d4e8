/**
 * The Trends view in a real browser: choose an indicator and places, read the values,
 * open a figure's source, switch language, export, share by URL, history, small screens,
 * keyboard and accessibility. One Chromium for the file and one warm page (support.ts `warm`), moved
 * by URL from state to state, for the cases that need a state shown (each page load starts DuckDB
 * afresh, the slow part); a URL opened in a new page and the keyboard from a fresh page's top keep
 * their own cold page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  ARTIFACTS, HOOK, criticalAxeViolations, expectFeature, findSymbols, hoverTooltip, pngSize, sessionPerFile, tooltipText, waitForChart, waitForView,
  viewRootSelector, type ChartPoint,
} from './support.ts';

const MEDIATION = 'mediation.success_rate';
const LINGQIU = { code: '140224', zh: '灵丘县', en: 'Lingqiu' };
const GUANGLING = { code: '140223', zh: '广灵县', en: 'Guangling' };
const JIYUAN = { code: '419001', zh: '济源市' };
/** The Trends state these tests drive (an indicator, places, a chosen figure), as the app writes it in the URL. */
const ISSUE3 = { indicator: MEDIATION, regions: [LINGQIU.code, GUANGLING.code] };

const files = sessionPerFile();

/**
 * The Trends view at `state`: the file's warm page moved there (`warm`), or a new cold page (`cold`,
 * closed after the test); either way the view shown and its indicator picker filled.
 */
async function open(state: Record<string, string | string[] | undefined> = {}, options: { width?: number; height?: number; cold?: boolean } = {}) {
  const page = options.cold ? await files.open(state, options) : await files.warm(state, options);
  const root = await waitForView(page, 'trends');
  await expect.poll(() => picker(root).locator('option').count(), { message: 'indicator picker filled', timeout: 30_000 }).toBeGreaterThan(1);
  return { page, root };
}

const picker = (root: Locator) => root.getByRole('combobox', { name: /指标|Indicator/ });
const regionBox = (root: Locator, name: string) => root.getByRole('checkbox', { name: new RegExp(name) });
const chartHeading = (root: Locator) => root.getByRole('heading', { level: 2 }).first();
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/** Some other indicator that has figures (the first enabled option that is not `except`). */
async function otherIndicator(root: Locator, except: string): Promise<string> {
  const values = await picker(root).locator('option:not([disabled])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const other = values.find((v) => v !== except);
  expect(other, 'a second indicator with data').toBeTruthy();
  return other!;
}

/** Hovers every symbol and pairs it with its tooltip text. */
async function readPoints(page: Page, chart: Locator): Promise<{ point: ChartPoint; text: string }[]> {
  const points = await findSymbols(chart);
  const read: { point: ChartPoint; text: string }[] = [];
  for (const point of points) read.push({ point, text: await hoverTooltip(page, chart, point) });
  await hideTooltip(page, chart);
  return read;
}

/** Moves the mouse off the chart and waits for the tooltip to go (it fades out). */
async function hideTooltip(page: Page, chart: Locator) {
  await page.mouse.move(1, 1);
  await expect.poll(() => tooltipText(chart), { message: 'tooltip hidden after the mouse left' }).toBe('');
  await page.waitForTimeout(500);
}

/** The dashboard's choices made through the controls: another indicator first, then 调解成功率; then only 灵丘县 and 广灵县. */
async function chooseIssue3(page: Page, root: Locator) {
  await picker(root).selectOption(await otherIndicator(root, MEDIATION));
  await expect.poll(() => param(page, 'indicator')).not.toBe(MEDIATION);
  await picker(root).selectOption(MEDIATION);
  await expect.poll(() => param(page, 'indicator')).toBe(MEDIATION);
  await root.getByRole('button', { name: '清空' }).click();
  await regionBox(root, LINGQIU.zh).check();
  await regionBox(root, GUANGLING.zh).check();
  await expect.poll(() => param(page, 'regions')).toBe(`${LINGQIU.code},${GUANGLING.code}`);
}

/** The controls and the chart show that state; returns the chart. */
async function expectIssue3State(root: Locator) {
  await expect.poll(() => picker(root).inputValue()).toBe(MEDIATION);
  await expect.poll(() => regionBox(root, LINGQIU.zh).isChecked()).toBe(true);
  await expect.poll(() => regionBox(root, GUANGLING.zh).isChecked()).toBe(true);
  await expect.poll(() => regionBox(root, JIYUAN.zh).isChecked()).toBe(false);
  const chart = await waitForChart(root);
  await root.page().mouse.move(1, 1); // no hover highlight or tooltip over the symbols
  await expect.poll(async () => (await findSymbols(chart)).length, { message: 'two places, one figure each' }).toBe(2);
  return chart;
}

async function lingqiuPoint(page: Page, chart: Locator) {
  const points = await readPoints(page, chart);
  const lingqiu = points.find((p) => p.text.includes(LINGQIU.zh));
  expect(lingqiu, `a point whose tooltip names ${LINGQIU.zh} (tooltips: ${JSON.stringify(points.map((p) => p.text))})`).toBeDefined();
  return { lingqiu: lingqiu!, points };
}

/** The page these tests share: the warm page moved to its URL once, then used as the last test left it. */
let issue3: { page: Page; root: Locator; chart: Locator } | null = null;
async function issue3Page() {
  if (!issue3 || issue3.page.isClosed()) {
    const { page, root } = await open(ISSUE3);
    issue3 = { page, root, chart: await expectIssue3State(root) };
  }
  return issue3;
}

/** The page where test 1 made its choices (reused by the URL test). */
let chosen: Page | null = null;

describe('Trends', () => {
  it('choose 调解成功率 with 灵丘县 + 广灵县: the chart shows 99% (灵丘县 2025) and 98.4% (广灵县 2024); clicking 灵丘县 shows the quote', async () => {
    const { page, root } = await open();
    chosen = page;
    await chooseIssue3(page, root);
    expect(await picker(root).locator('option:checked').textContent()).toContain('调解成功率');
    const chart = await expectIssue3State(root);
    await expect.poll(() => chartHeading(root).textContent()).toContain('调解成功率');

    const { lingqiu, points } = await lingqiuPoint(page, chart);
    const guangling = points.find((p) => p.text.includes(GUANGLING.zh));
    expect(lingqiu.text, 'tooltip of 灵丘县').toMatch(/2025[\s\S]*99%/);
    expect(guangling?.text, 'tooltip of 广灵县').toMatch(/2024[\s\S]*98\.4%/);
    // Drawn where the values say: 2025 right of 2024, 99 above 98.4; one colour per place.
    expect(lingqiu.point.x).toBeGreaterThan(guangling!.point.x);
    expect(lingqiu.point.y).toBeLessThan(guangling!.point.y);
    expect(lingqiu.point.color).not.toBe(guangling!.point.color);
    const shot = await chart.screenshot({ path: join(ARTIFACTS, 'trends-issue3-chart-zh.png') });
    expect(shot.length, 'canvas screenshot is not blank').toBeGreaterThan(10_000);

    await page.mouse.click(lingqiu.point.x, lingqiu.point.y);
    const provenance = page.locator(HOOK.provenance);
    const quote = provenance.locator(HOOK.provenanceQuote);
    await quote.waitFor({ timeout: 10_000 });
    expect(await quote.textContent()).toContain('调解成功率99%');
    expect(await quote.locator('mark').first().textContent(), 'the figure is marked in the quote').toMatch(/^99%?$/);
    expect(await provenance.textContent()).toContain(LINGQIU.zh);
    await hideTooltip(page, chart);
    await page.screenshot({ path: join(ARTIFACTS, 'trends-provenance-zh.png'), fullPage: true });
  });

  it('a URL read after choosing opens the same view in a new page', async () => {
    let page = chosen;
    if (!page || page.isClosed()) {
      const opened = await open();
      await chooseIssue3(opened.page, opened.root);
      page = opened.page;
    }
    const root = page.locator(viewRootSelector('trends')).first();
    await expectIssue3State(root);
    const copied = await page.evaluate(() => window.location.href);
    const heading = await chartHeading(root).textContent();

    const second = await files.current.newPage();
    files.pages.push(second); // closed after the test
    await second.goto(copied);
    const again = await waitForView(second, 'trends');
    await expectIssue3State(again);
    expect(await chartHeading(again).textContent()).toBe(heading);
    expect(second.url()).toBe(copied);
    if (new URL(copied).searchParams.has('obs')) {
      // The selected figure is part of the state too: the source panel shows the same quote.
      expect(await second.locator(HOOK.provenanceQuote).textContent()).toBe(await page.locator(HOOK.provenanceQuote).textContent());
    }
  });

  it('exports PNG (2× the exported chart, which keeps the on-screen plot height) and SVG (with the title as text)', async () => {
    const { page, root, chart } = await issue3Page();
    const box = (await chart.boundingBox())!;

    await expectFeature(root.locator(HOOK.exportSvg), 'Export SVG button [data-testid=export-svg]');
    await expect.poll(() => root.locator(HOOK.exportSvg).first().isEnabled(), { message: 'export-svg enabled' }).toBe(true);
    const [svg] = await Promise.all([page.waitForEvent('download'), root.locator(HOOK.exportSvg).first().click()]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgPath = join(ARTIFACTS, 'export-trends.svg');
    await svg.saveAs(svgPath);
    const svgText = readFileSync(svgPath, 'utf8');
    expect(svgText.length, 'SVG size').toBeGreaterThan(5_000);
    const svgSize = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svgText);
    expect(svgSize, '<svg width height>').not.toBeNull();
    expect(svgText, 'the title (starting with the indicator name) is text in the SVG').toMatch(/<text[^>]*>人民调解成功率/);
    expect(svgText).toContain(LINGQIU.zh);
    expect(svgText).toContain(GUANGLING.zh);

    await expectFeature(root.locator(HOOK.exportPng), 'Export PNG button [data-testid=export-png]');
    const [png] = await Promise.all([page.waitForEvent('download'), root.locator(HOOK.exportPng).first().click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngPath = join(ARTIFACTS, 'export-trends.png');
    await png.saveAs(pngPath);
    const pngBytes = readFileSync(pngPath);
    expect(pngBytes.length, 'PNG size').toBeGreaterThan(30_000);
    const size = pngSize(pngBytes);
    // The same drawing as the SVG at pixel ratio 2; its plot is the on-screen chart's height, plus title and source lines.
    expect(size, `PNG ${size.width}×${size.height} vs SVG ${svgSize![1]}×${svgSize![2]}`).toEqual({ width: 2 * Number(svgSize![1]), height: 2 * Number(svgSize![2]) });
    expect(size.width, `PNG width vs 2 × on-screen chart width ${box.width}`).toBeGreaterThanOrEqual(2 * box.width);
    expect(size.height, `PNG height vs 2 × on-screen chart height ${box.height}`).toBeGreaterThanOrEqual(2 * box.height);
    expect(size.height).toBeLessThan(2 * (box.height + 400));
  });

  it('exports CSV of the charted figures', async () => {
    const { page, root } = await issue3Page();
    await expectFeature(root.locator(HOOK.exportCsv), 'Export CSV button [data-testid=export-csv]');
    await expect.poll(() => root.locator(HOOK.exportCsv).first().isEnabled(), { message: 'export-csv enabled' }).toBe(true);
    const [csv] = await Promise.all([page.waitForEvent('download'), root.locator(HOOK.exportCsv).first().click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvPath = join(ARTIFACTS, 'export-trends.csv');
    await csv.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.length, 'a header and the two figures').toBeGreaterThanOrEqual(3);
    expect(lines.find((l) => l.includes(LINGQIU.code) || l.includes(LINGQIU.zh))).toMatch(/(^|,)"?99"?(,|$)/);
    expect(lines.find((l) => l.includes(GUANGLING.code) || l.includes(GUANGLING.zh))).toMatch(/(^|,)"?98\.4"?(,|$)/);
  });

  it('the copy-link button copies a URL that restores the view', async () => {
    const { page } = await issue3Page();
    await files.current.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: files.current.origin });
    await expectFeature(page.locator(HOOK.copyLink), 'Copy-link button [data-testid=copy-link]');
    await page.locator(HOOK.copyLink).first().click();
    let copied = '';
    await expect.poll(async () => (copied = await page.evaluate(() => navigator.clipboard.readText())), { timeout: 5000 }).toBe(page.url());
    const second = await files.current.newPage();
    files.pages.push(second); // closed after the test
    await second.goto(copied);
    await expectIssue3State(await waitForView(second, 'trends'));
  });

  it('axe-core finds no critical violations (chart drawn, source panel open)', async () => {
    const { page, chart } = await issue3Page();
    const { lingqiu } = await lingqiuPoint(page, chart);
    await page.mouse.click(lingqiu.point.x, lingqiu.point.y);
    await page.locator(HOOK.provenanceQuote).waitFor({ timeout: 10_000 });
    expect(await criticalAxeViolations(page, 'trends with the source panel')).toEqual([]);
  });

  it('switching to English (header button) shows English labels', async () => {
    const { page, root, chart } = await issue3Page();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { message: '<html lang> after the switch' }).toBe('en');
    expect(param(page, 'lang')).toBe('en');
    await expect.poll(() => chartHeading(root).textContent()).toBe('Mediation success rate (%)');
    const tabs = await page.getByRole('navigation', { name: 'Views' }).getByRole('button').allTextContents();
    expect(tabs).toEqual(['Trends', 'Compare', 'Profile', 'Coverage', 'Data', 'My data', 'About the data']);
    expect(await picker(root).locator('option:checked').textContent()).toContain('Mediation success rate');
    await expect.poll(() => regionBox(root, `${LINGQIU.en} ${LINGQIU.zh}`).isChecked()).toBe(true);
    await expect.poll(() => page.title()).toMatch(/^Fazhi Atlas/);
    expect(await page.locator(HOOK.provenance).getByRole('heading', { level: 2 }).textContent()).toBe('Source');
    await waitForChart(root);
    const { lingqiu } = await lingqiuPoint(page, chart);
    expect(lingqiu.text).toContain('Mediation success rate');
    expect(lingqiu.text).toContain('99%');
    expect(lingqiu.text).toContain('Click for the source');
    await hideTooltip(page, chart);
    expect(await page.getByRole('button', { name: '切换到中文' }).textContent()).toBe('中文');
    await page.screenshot({ path: join(ARTIFACTS, 'trends-issue3-en.png'), fullPage: true });
  });

  it('back and forward restore the previous indicator', async () => {
    const { page, root } = await open();
    const other = await otherIndicator(root, MEDIATION);
    await picker(root).selectOption(MEDIATION);
    await expect.poll(() => param(page, 'indicator')).toBe(MEDIATION);
    const mediationHeading = await chartHeading(root).textContent();
    await picker(root).selectOption(other);
    await expect.poll(() => param(page, 'indicator')).toBe(other);
    await expect.poll(() => chartHeading(root).textContent()).not.toBe(mediationHeading);
    const otherHeading = await chartHeading(root).textContent();

    await page.goBack();
    await expect.poll(() => picker(root).inputValue()).toBe(MEDIATION);
    await expect.poll(() => chartHeading(root).textContent()).toBe(mediationHeading);
    await page.goForward();
    await expect.poll(() => picker(root).inputValue()).toBe(other);
    await expect.poll(() => chartHeading(root).textContent()).toBe(otherHeading);
    await page.goBack();
    await expect.poll(() => picker(root).inputValue()).toBe(MEDIATION);
  });

  it('keyboard: Tab reaches the view tabs and the indicator picker; Enter on a tab switches view', async () => {
    const { page, root } = await open({}, { cold: true }); // Tab from the top of a freshly loaded page
    await waitForChart(root);
    const reached: string[] = [];
    let tabFocused = false;
    let pickerFocused = false;
    for (let i = 0; i < 40 && !(tabFocused && pickerFocused); i += 1) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return { tab: false, picker: false, label: 'none' };
        return {
          tab: el.tagName === 'BUTTON' && el.closest('nav') !== null,
          picker: el.tagName === 'SELECT',
          label: `${el.tagName.toLowerCase()} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 20)}`,
        };
      });
      reached.push(where.label);
      tabFocused ||= where.tab;
      pickerFocused ||= where.picker;
    }
    expect(tabFocused, `view tabs reached by Tab (focus went: ${reached.join(' → ')})`).toBe(true);
    expect(pickerFocused, `indicator picker reached by Tab (focus went: ${reached.join(' → ')})`).toBe(true);
    expect(await picker(root).evaluate((el) => el === document.activeElement), 'the select focused is the indicator picker').toBe(true);

    // Shift+Tab back to the last view tab (关于数据, the About page) and activate it with Enter.
    const last = page.getByRole('navigation', { name: '视图' }).getByRole('button').last();
    for (let i = 0; i < 40 && !(await last.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Shift+Tab');
    expect(await last.evaluate((el) => el === document.activeElement), 'last view tab reached by Shift+Tab').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => param(page, 'view')).toBe('about');
    expect(await last.getAttribute('aria-current')).toBe('page');
  });

  it('at 375 px wide: no horizontal page overflow, and the controls are reachable', async () => {
    const { page, root } = await open(ISSUE3, { width: 375, height: 812 });
    await expectIssue3State(root);
    const scrollWidth = () => page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(await scrollWidth(), 'document.scrollingElement.scrollWidth at 375 px').toBeLessThanOrEqual(376);
    await page.screenshot({ path: join(ARTIFACTS, 'trends-375-zh.png'), fullPage: true });

    const controls: [string, Locator][] = [
      ['language switch', page.getByRole('button', { name: 'Switch to English' })],
      ...(await page.getByRole('navigation', { name: '视图' }).getByRole('button').all()).map((b, i) => [`view tab ${i + 1}`, b] as [string, Locator]),
      ['indicator picker', picker(root)],
      ['place filter', root.getByRole('searchbox')],
      [`place ${JIYUAN.zh}`, regionBox(root, JIYUAN.zh)],
      ['chart', root.locator(HOOK.chart).first()],
    ];
    for (const [name, control] of controls) {
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      expect(box, `${name} is rendered`).not.toBeNull();
      expect(box!.x, `${name} starts inside the page`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${name} ends inside 375 px`).toBeLessThanOrEqual(376);
      expect(box!.width * box!.height, `${name} has a size`).toBeGreaterThan(0);
    }
    // They work, too: add a place, then change the indicator.
    await regionBox(root, JIYUAN.zh).check();
    await expect.poll(() => param(page, 'regions')).toContain(JIYUAN.code);
    await picker(root).selectOption(await otherIndicator(root, MEDIATION));
    await expect.poll(() => param(page, 'indicator')).not.toBe(MEDIATION);
    await waitForChart(root);
    expect(await scrollWidth(), 'scrollWidth after changing the indicator').toBeLessThanOrEqual(376);
  });
});
