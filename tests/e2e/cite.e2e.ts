/**
 * Cite every number, in Chromium on the shipped dataset: the source panel copies a
 * GB/T 7714 citation, names a copy on a non-government site by its host, shows the kind of source,
 * shows a quote from a glossed traditional copy as read with the verbatim text one click away; the
 * exported SVG and CSV list every report behind the chart with its address; subtitles name what
 * the sources are. Both languages, 1440 and 375 px; screenshots in tests/artifacts/e2e/13c-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, HOOK, sessionPerFile, waitForChart, waitForView, warmRemounted, type Lang } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const SLOW = { timeout: 300_000 };

/** 盘锦市's 12345 figure: a copy on m.003gm.com, traditional characters with pinyin glosses. */
const PANJIN = { indicator: 'hotline.tickets', regions: '211100', obs: '8bbd8793a5a2880f' } as const;
/** 灵丘县 and 广灵县, 调解成功率: two government annual reports. */
const DATONG = { indicator: 'mediation.success_rate', regions: '140224,140223' } as const;

/** The date cited, as the page's clock and time zone give it. */
const today = (page: Page) => page.evaluate(() => { const d = new Date(); const pad = (n: number) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; });

async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}

/**
 * The source panel of 盘锦市's figure, opened from its URL on the file's warm page (one DuckDB start for
 * the file): `cold`, the page loaded at that URL, as a followed link; `remounted`, the warm page moved
 * there with the view mounted anew (via About, support.ts `warmRemounted`), so the quote starts as
 * read whatever the case before clicked.
 */
async function openPanel(lang: Lang, width: number, how: 'cold' | 'remounted') {
  const state = { ...PANJIN, ...(lang === 'en' ? { lang: 'en' } : {}) };
  const page = how === 'cold' ? await files.warm(state, { width, height: 900, cold: true }) : await warmRemounted(files, state, { width, height: 900 });
  // 盘锦市 has one part-year figure: the panel opens from the link whether or not a line is drawn.
  const root = await waitForView(page, 'trends', { timeout: LOADED });
  const panel = root.locator(HOOK.provenance);
  await expect.poll(() => panel.getByTestId('citation-text').count(), { timeout: LOADED, message: 'the citation' }).toBe(1);
  return { page, root, panel };
}

describe('Cite every number', SLOW, () => {
  it('copies a GB/T 7714 citation naming the copy, and shows the quote as read with the verbatim text a click away (zh, 1440)', async () => {
    const { page, panel } = await openPanel('zh', 1440, 'cold');
    expect(await panel.getByTestId('source-kind').textContent()).toBe('12345热线通报');
    expect(await panel.getByTestId('copy-host').textContent()).toContain('转载:m.003gm.com');
    const citation = '[发布机关未注明]. 關于盤錦市12345政務服務便民熱線平臺1-4月份訴求辦理情況的通報[EB/OL]. '
      + `(2023-06-09)[${await today(page)}]. http://m.003gm.com/html/2513/2023-06-09/content-131960.html (转载:m.003gm.com).`;
    expect(await panel.getByTestId('citation-text').inputValue()).toBe(citation);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await panel.getByTestId('copy-citation').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(citation);
    // The quote as read: simplified, glosses gone; the verbatim text one click away.
    const quote = panel.getByTestId('provenance-quote');
    expect(await quote.getAttribute('data-reading')).toBe('read');
    expect(await quote.textContent()).toContain('市12345热线平台共受理各类诉求9.67万件');
    expect(await quote.textContent()).not.toContain('(tái)');
    expect(await quote.locator('mark').first().textContent()).toBe('9.67万件');
    await panel.getByTestId('provenance-quote-toggle').click();
    expect(await quote.getAttribute('data-reading')).toBe('verbatim');
    expect(await quote.textContent()).toContain('市12345熱線平臺(tái)共受理各類訴求9.67萬(wàn)件');
    expect(await quote.locator('mark').first().textContent()).toBe('9.67萬(wàn)件');
    await page.screenshot({ path: join(ARTIFACTS, '13c-cite-zh-1440.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('says the same in English and fits at 375 px', async () => {
    const { page, panel } = await openPanel('en', 375, 'remounted');
    expect(await panel.getByTestId('copy-host').textContent()).toContain('copy on m.003gm.com');
    expect(await panel.getByTestId('source-kind').textContent()).toBe('12345 hotline bulletins');
    expect(await panel.getByTestId('copy-citation').textContent()).toBe('Copy citation');
    expect(await panel.getByTestId('citation-text').inputValue()).toMatch(/^\[publisher not stated\]\. /);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, '13c-cite-en-375.png'), fullPage: true });
  });

  it('lists every report behind the chart with its address in the SVG and the CSV, and names the kind of source', async () => {
    const page = await files.warm(DATONG);
    const root = await waitForView(page, 'trends', { content: true, timeout: LOADED });
    await waitForChart(root, LOADED);
    const save = async (hook: string, name: string) => {
      const button = root.locator(hook).first();
      await expect.poll(() => button.isEnabled(), { timeout: LOADED, message: `${hook} enabled` }).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      const path = join(ARTIFACTS, name);
      await download.saveAs(path);
      return readFileSync(path, 'utf8');
    };
    const svg = await save(HOOK.exportSvg, '13c-trend-sources.svg');
    expect(svg).toContain('报告清单(共 2 份');
    expect(svg).toContain('灵丘县人民政府. 灵丘县2025年法治政府建设年度报告[EB/OL]. (2026-02-10)');
    expect(svg).toContain('https://dt.gov.cn/dtszf/fzzfxqvgmv/202602/c0def497f0a84bd58ea6e932fe232e51.shtml');
    expect(svg).toContain('http://www.sx-guangling.gov.cn/glxrmzfz/zfwj/202501/4dddfb84');
    expect(svg).toContain('数据:法治政府建设年度报告 2 份');
    expect(svg).not.toContain('县级法治政府建设年度报告 ·');
    const csv = Papa.parse<Record<string, string>>((await save(HOOK.exportCsv, '13c-trend-sources.csv')).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    for (const column of ['report_title', 'publisher', 'published', 'url', 'source_kind']) expect(csv.meta.fields).toContain(column);
    const lingqiu = csv.data.find((r) => r.region_name === '灵丘县')!;
    expect([lingqiu.report_title, lingqiu.publisher, lingqiu.published, lingqiu.source_kind]).toEqual(['灵丘县2025年法治政府建设年度报告', '灵丘县人民政府', '2026-02-10', 'annual-report']);
    expect(lingqiu.url).toMatch(/^https:\/\/dt\.gov\.cn\//);
  });
});
