/**
 * Pasting or dropping a report in a real browser (我的数据, reports): the body of a shipped report
 * pasted without its front matter gets its place and year prefilled; the extractor runs in a worker
 * and finds exactly what it finds under Node; each value shows its quote with the figure marked;
 * a dropped value is not saved; after a reload the saved values are in the store and open in the
 * Trends view's source panel with their quote. Hostile input (HTML, YAML alias bombs, binary and
 * GBK files, a huge single line) gives a clear message and leaves the page working.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract/extract-report.ts';
import { parseReport } from '../../src/core/report/parse-report.ts';
import { MAX_FILE_BYTES } from '../../src/core/user-data/decode-report-bytes.ts';
import { ARTIFACTS, HOOK, appUrl, criticalAxeViolations, moveTo, sessionPerFile, storedUserDatasets, waitForQuiet, warmRemounted } from './support.ts';

const REPORTS = new URL('../../data/reports/', import.meta.url);
const lingqiu = parseReport(readFileSync(new URL('lingqiu-2025.txt', REPORTS), 'utf8'), 'lingqiu-2025');
const guanglingFile = readFileSync(new URL('guangling-2024.txt', REPORTS), 'utf8');

const T = {
  text: '[data-testid="report-text"]', file: '[data-testid="report-file"]', region: '[data-testid="report-region"]',
  regionChosen: '[data-testid="report-region-chosen"]', year: '[data-testid="report-year"]', extract: '[data-testid="report-extract"]',
  message: '[data-testid="report-message"]', preview: '[data-testid="report-preview"]', value: '[data-testid="report-value"]',
  drop: '[data-testid="report-value-drop"]', save: '[data-testid="report-save"]', rejects: '[data-testid="report-rejects"]',
  cancel: '[data-testid="report-cancel"]',
};

const browser = sessionPerFile();

/**
 * The import view with an empty form: on a new page (`fresh`: the case that reloads and reads the store)
 * or on the file's warm page with the view mounted anew (support.ts `warmRemounted`: DuckDB starts once).
 */
async function openImport(lang?: 'en', { fresh = false } = {}): Promise<{ page: Page; root: Locator }> {
  const page = fresh ? await browser.open({ view: 'import', lang }) : await warmRemounted(browser, { view: 'import', lang });
  const root = page.locator('[data-testid="view-import"]');
  await root.waitFor({ state: 'visible', timeout: 30_000 });
  return { page, root };
}

/** Waits for the form's message to settle (not progress) and returns its state and text. */
async function settledMessage(page: Page, timeout = 30_000): Promise<{ state: string; text: string }> {
  const message = page.locator(T.message);
  await expect.poll(async () => (await message.count()) > 0 ? await message.getAttribute('data-state') : null, { timeout, message: 'report-message settled' })
    .toMatch(/^(error|warning|ok)$/);
  return { state: (await message.getAttribute('data-state'))!, text: (await message.textContent()) ?? '' };
}

describe('pasting a report', () => {
  it('prefills place and year, extracts in the worker, previews with marked quotes, drops one value, saves, and the saved values open in the source panel', async () => {
    const { page, root } = await openImport(undefined, { fresh: true });
    await root.locator(T.text).fill(lingqiu.body);
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code'), { timeout: 30_000, message: 'place prefilled from the title' }).toBe('140224');
    expect(await page.locator(T.region).inputValue()).toContain('灵丘县');
    expect(await page.locator(T.year).inputValue()).toBe('2025');
    expect(await page.locator('#report-import-publisher').inputValue()).toBe(lingqiu.meta.publisher);

    await page.locator(T.extract).click();
    const found = await settledMessage(page);
    expect(found.state, found.text).toBe('ok');
    // The same extractor as the pipeline's, on the same body and metadata: the same values.
    const expected = extractReport({ meta: { ...lingqiu.meta, id: 'user-preview', url: '', published: '' }, body: lingqiu.body }).observations;
    const values = page.locator(T.value);
    expect(await values.count()).toBe(expected.length);
    expect(await values.evaluateAll((els) => els.map((e) => e.getAttribute('data-indicator')))).toEqual(expected.map((o) => o.indicator_id));
    const marks = await values.evaluateAll((els) => els.map((e) => e.querySelector('.quote mark')?.textContent ?? ''));
    marks.forEach((mark, i) => {
      expect(mark, `value ${i + 1} has a marked figure`).not.toBe('');
      expect(lingqiu.body.slice(expected[i]!.span_start, expected[i]!.span_end)).toContain(mark);
    });
    await page.screenshot({ path: join(ARTIFACTS, 'import-report-preview.png'), fullPage: true });

    // Drop the first value.
    await values.first().locator(T.drop).check();
    expect(await values.first().getAttribute('data-dropped')).toBe('true');
    if (await page.locator(T.rejects).count()) {
      await page.locator(`${T.rejects} summary`).click();
      expect(await page.locator('[data-testid="report-reject"]').count()).toBeGreaterThan(0);
    }
    await page.locator(T.save).click();
    await expect.poll(() => page.locator(T.message).textContent(), { timeout: 60_000, message: 'saved, or a save error' }).toMatch(/已保存|保存失败/);
    const saved = await settledMessage(page);
    expect(saved.state, saved.text).toBe('ok');
    expect(saved.text).toContain(String(expected.length - 1));

    await page.reload();
    await page.locator('[data-testid="view-import"]').waitFor({ timeout: 30_000 });
    const stored = await storedUserDatasets<{ id: string; observations: { indicator_id: string; span_start: number; quote: string }[] }>(page);
    expect(stored.length).toBe(1);
    const dataset = stored[0]!;
    expect(dataset.observations.map((o) => [o.indicator_id, o.span_start])).toEqual(expected.slice(1).map((o) => [o.indicator_id, o.span_start]));
    // The My-data list shows it.
    const listed = page.locator('[data-testid="user-dataset"]');
    await expect.poll(() => listed.count(), { timeout: 30_000, message: 'saved dataset listed' }).toBe(1);
    expect(await listed.getAttribute('data-dataset-id')).toBe(dataset.id);
    await page.screenshot({ path: join(ARTIFACTS, 'import-report-saved.png'), fullPage: true });

    // A kept whole-year printed value, opened by its id in the Trends view's source panel.
    const k = expected.slice(1).findIndex((o) => o.period === 'year' && o.value_kind === 'reported');
    const figure = expected[k + 1]!;
    // Moved by URL, as back/forward does: the reload above is the start-up that read the store; a second one adds nothing.
    await moveTo(page, appUrl(browser.current.base, { view: 'trends', indicator: figure.indicator_id, regions: '140224', obs: `${dataset.id}#${k + 1}` }));
    const quote = page.locator(HOOK.provenanceQuote).first();
    await quote.waitFor({ timeout: 30_000 });
    expect(await quote.textContent()).toBe(figure.quote);
    expect(await quote.locator('mark').first().textContent()).toBe(lingqiu.body.slice(figure.span_start, figure.span_end));
    expect(await page.locator(`${HOOK.provenance} [data-testid="origin-user"]`).count(), 'the source panel marks the row as the user\'s').toBeGreaterThan(0);
    await page.locator(HOOK.chart).first().waitFor({ timeout: 30_000 });
    await waitForQuiet(page);
    await page.screenshot({ path: join(ARTIFACTS, 'import-report-source-panel.png'), fullPage: true });
  });

  it('reads front matter when pasted with it, and refuses hostile front matter with a message', async () => {
    const { page, root } = await openImport();
    await root.locator(T.text).fill(guanglingFile);
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code'), { timeout: 30_000 }).toBe('140223');
    expect(await page.locator(T.year).inputValue()).toBe('2024');

    const bomb = '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n广灵县2024年法治政府建设年度报告\n办理行政复议案件12件。';
    await root.locator(T.text).fill(bomb);
    await page.locator(T.extract).click();
    const message = await settledMessage(page);
    expect(message.state).toBe('error');
    expect(message.text).toMatch(/YAML/);
    expect(await page.locator(T.message).getAttribute('role')).toBe('alert');
    expect(await page.locator(T.preview).count()).toBe(0);
  });

  it('keeps HTML in the text as text, and says so when no figure is found or nothing was pasted', async () => {
    const { page, root } = await openImport();
    await page.locator(T.extract).click();
    expect((await settledMessage(page)).state).toBe('error');

    const hostile = '灵丘县2025年法治政府建设年度报告\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>全年办理行政复议案件<b>12</b>件,受理行政复议案件15件。';
    await root.locator(T.text).fill(hostile);
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code'), { timeout: 30_000 }).toBe('140224');
    await page.locator(T.extract).click();
    await settledMessage(page);
    expect(await page.locator(`${T.preview} img, ${T.preview} script, ${T.preview} b`).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    await root.locator(T.text).fill('灵丘县2025年法治政府建设年度报告\n今年工作取得新进展。');
    await page.locator(T.extract).click();
    const none = await settledMessage(page);
    expect(none.state).toBe('warning');
    expect(await page.locator(T.value).count()).toBe(0);
  });

  it('decodes GBK files, names a binary file, refuses a huge single line, and the page keeps working', async () => {
    const { page, root } = await openImport();
    // A GB18030 file made by the browser's own decoder tables is not possible (no encoder); this one is hand-encoded: 灵丘县2025年度 + a figure.
    const gbk = Buffer.from([
      ...[0xc1, 0xe9, 0xc7, 0xf0, 0xcf, 0xd8], ...Buffer.from('2025'), 0xc4, 0xea, ...[0xb6, 0xc8], 0x0a,
    ]);
    await page.locator(T.file).setInputFiles({ name: 'gbk.txt', mimeType: 'text/plain', buffer: gbk });
    const decoded = await settledMessage(page);
    expect(decoded.state, decoded.text).toBe('ok');
    expect(decoded.text).toContain('GB18030');
    expect(await root.locator(T.text).inputValue()).toBe('灵丘县2025年度\n');
    expect(await page.locator(T.year).inputValue()).toBe('2025');

    await page.locator(T.file).setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: Buffer.from('%PDF-1.7 binary\u0000\u0001') });
    const binary = await settledMessage(page);
    expect(binary.state).toBe('error');
    expect(binary.text).toContain('PDF');
    expect(await root.locator(T.text).inputValue(), 'a refused file leaves the text as it was').toBe('灵丘县2025年度\n');

    await page.locator(T.file).setInputFiles({ name: 'big.txt', mimeType: 'text/plain', buffer: Buffer.alloc(MAX_FILE_BYTES + 1, 0x41) });
    const big = await settledMessage(page);
    expect(big.state).toBe('error');
    expect(big.text).toMatch(/文件过大/);

    // UTF-8 with a BOM (Windows Notepad): the BOM is not part of the body, so spans stay right.
    await page.locator(T.file).setInputFiles({ name: 'bom.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lingqiu.body)]) });
    const bom = await settledMessage(page);
    expect(bom.text).toContain('UTF-8');
    expect(await root.locator(T.text).inputValue()).toBe(lingqiu.body);
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code')).toBe('140224');

    // Dropped on the text box (what most users do): read like a chosen file.
    await root.locator(T.text).evaluate((el, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, guanglingFile);
    await expect.poll(() => page.locator(T.message).textContent(), { timeout: 30_000 }).toContain('dropped.txt');
    expect(await root.locator(T.text).inputValue()).toBe(guanglingFile);
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code')).toBe('140223');

    // A 5 MB single line, pasted: refused with a message, not kept in the textarea.
    const blockedMs = await root.locator(T.text).evaluate((el) => {
      const huge = `灵丘县2025年法治政府建设年度报告${'办'.repeat(5 * 1024 * 1024)}`;
      const started = performance.now();
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(el, huge);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      return performance.now() - started;
    });
    console.log(`[import-report] 5 MB single line pasted: main thread busy ${Math.round(blockedMs)} ms for the input event`);
    const tooLong = await settledMessage(page);
    expect(tooLong.state).toBe('error');
    expect(tooLong.text).toMatch(/过长/);
    expect(await root.locator(T.text).inputValue()).toBe('');
    await page.locator(T.extract).click();
    expect((await settledMessage(page)).state).toBe('error');
    // Still responsive: the form takes a new text and extracts it.
    await root.locator(T.text).fill(lingqiu.body);
    await page.locator(T.extract).click();
    expect((await settledMessage(page)).state).toBe('ok');
    await page.screenshot({ path: join(ARTIFACTS, 'import-report-after-hostile.png'), fullPage: false });
  });

  it('in English: an ambiguous place asks to choose, a changed year makes the preview stale, and the form passes axe', async () => {
    const { page, root } = await openImport('en');
    await root.locator(T.text).fill(guanglingFile);
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code'), { timeout: 30_000 }).toBe('140223');
    await page.locator(T.extract).click();
    expect((await settledMessage(page)).text).toMatch(/^Found \d+ figures/);
    await page.locator(T.year).fill('2023');
    const stale = await settledMessage(page);
    expect(stale.state).toBe('warning');
    expect(stale.text).toMatch(/extract again/);
    expect(await page.locator(T.save).isDisabled()).toBe(true);

    await page.locator(T.region).fill('朝阳');
    expect(await page.locator(T.regionChosen).count()).toBe(0);
    const candidates = root.locator('.report-import-candidates button');
    expect(await candidates.count()).toBeGreaterThan(1);
    await candidates.filter({ hasText: '辽宁省朝阳市朝阳县' }).click();
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code')).toBe('211321');
    await page.locator(T.region).fill('no such place');
    expect(await root.locator('.report-import-invalid').textContent()).toBe('No such place.');
    await page.locator(T.region).fill('guangling xian');
    await expect.poll(() => page.locator(T.regionChosen).getAttribute('data-code')).toBe('140223');
    await page.locator(T.year).fill('2024');
    await page.locator(T.extract).click();
    expect((await settledMessage(page)).state).toBe('ok');
    expect(await criticalAxeViolations(page, 'import-report (en)')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'import-report-en.png'), fullPage: false });

    // The browser's own file-input words ("Choose File", 未选择任何文件) follow Chromium's locale, not the
    // page's: every file input on the view is visually hidden and its label, the button, is in English.
    const fileInputs = await page.locator('[data-testid="view-import"] input[type="file"]').evaluateAll((inputs) => inputs.map((input) => ({
      id: input.getAttribute('data-testid'), width: input.getBoundingClientRect().width, label: input.closest('label')?.textContent?.trim() ?? null,
    })));
    expect(fileInputs.map((f) => f.id)).toContain('report-file');
    for (const input of fileInputs) {
      expect(input.width, `${input.id} is visually hidden`).toBeLessThanOrEqual(1);
      expect(input.label, `${input.id}'s label`).toMatch(/^[\x20-\x7e]+$/);
    }

    // A phone: the form and preview fit the width (no sideways scrolling).
    await page.setViewportSize({ width: 390, height: 844 });
    await waitForQuiet(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.locator(T.preview).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'import-report-en-narrow.png'), fullPage: false });
  });
});
