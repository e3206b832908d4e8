/**
 * Small words a reader notices (issue 13): the Data view's download button counts in the singular for
 * one row (zh and en); Trends' line about the presets' reference place ends its sentence before the
 * next one; a report title printed in traditional characters is shown simplified in the Data table,
 * with the verbatim title one click away (as quotes are).
 */
import { describe, expect, it } from 'vitest';
import { HOOK, sessionPerFile, waitForView } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;

/** 灵丘县 has one 调解成功率 row; 井研县's report title is printed in traditional characters. */
const ONE_ROW = { view: 'data', regions: '140224', indicator: 'mediation.success_rate' };
const JINGYAN = { view: 'data', regions: '511124' };

/**
 * Every state here is one the app shows from its URL: the file's warm page (support.ts `warm`) is
 * loaded once and moved to each state as back/forward moves it, the language with it (`lang`).
 */
async function openData(state: Record<string, string>) {
  const page = await files.warm(state, { width: 1440, height: 900 });
  const root = await waitForView(page, 'data', { content: true, timeout: LOADED });
  return { page, root };
}

describe('small words', { timeout: 300_000 }, () => {
  it('the download button says "1 row" / "1 条" for one row and "all N rows" for more', async () => {
    const zh = await openData(ONE_ROW);
    await expect.poll(() => zh.root.locator(HOOK.downloadCsv).textContent(), { timeout: LOADED }).toBe('下载 CSV(1 条)');
    const en = await openData({ ...ONE_ROW, lang: 'en' });
    await expect.poll(() => en.root.locator(HOOK.downloadCsv).textContent(), { timeout: LOADED }).toBe('Download CSV (1 row)');
    const all = await openData({ view: 'data', lang: 'en' });
    await expect.poll(() => all.root.locator(HOOK.downloadCsv).textContent(), { timeout: LOADED }).toMatch(/^Download CSV \(all [\d,]+ rows\)$/);
  });

  it("Trends' reference line ends one sentence before the next (en and zh)", async () => {
    for (const [lang, pattern] of [
      ['en', /^Reference: Tongzhou 通州区 \(the first place chosen that the chart draws\)\. Tongzhou 通州区 has no prefecture/],
      ['zh', /^参照地区:通州区\(所选且图中画出的第一个地区\)。通州区没有上级地市/],
    ] as const) {
      const page = await files.warm({ regions: '110112', ...(lang === 'en' ? { lang } : {}) }, { width: 1440, height: 900 });
      const root = await waitForView(page, 'trends', { content: true, timeout: LOADED });
      await expect.poll(() => root.locator('.trends-presets + .note').textContent(), { timeout: LOADED }).toMatch(pattern);
    }
  });

  it('a traditional-character report title is shown simplified, the verbatim title one click away', async () => {
    const { root } = await openData({ ...JINGYAN, lang: 'en' });
    const title = root.getByTestId('data-report-title').first();
    await expect.poll(() => title.textContent(), { timeout: LOADED }).toBe('井研县2023年度法治政府建设情况报告');
    expect(await title.getAttribute('data-reading')).toBe('read');
    expect(await title.getAttribute('lang')).toBe('zh-CN');
    const toggle = root.getByTestId('data-title-toggle').first();
    expect(await toggle.textContent()).toBe('Show verbatim title');
    await toggle.click();
    expect(await title.textContent()).toBe('井研縣2023年度法治政府建設情況報告');
    expect(await title.getAttribute('data-reading')).toBe('verbatim');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // The toggle does not open the row's source.
    expect(await root.page().locator(`${HOOK.provenance} ${HOOK.provenanceQuote}`).count()).toBe(0);
    // A title in simplified characters has no toggle (灵丘县's).
    const lingqiu = await openData({ ...ONE_ROW, lang: 'en' });
    await expect.poll(() => lingqiu.root.getByTestId('data-report-title').first().textContent(), { timeout: LOADED }).toContain('灵丘县');
    expect(await lingqiu.root.getByTestId('data-title-toggle').count()).toBe(0);
  });
});
