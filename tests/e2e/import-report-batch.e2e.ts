/**
 * Reports as researchers have them, many at once, in a real browser: the ten
 * reports-as-published fixtures (4 PDF, 2 DOCX, 4 web pages; scripts/gen-report-fixtures.ts) are
 * chosen at once; each is converted and extracted in the worker with its own status; the two whose
 * place is ambiguous (通州区) are asked about and answered (one on its card, one through the
 * batch-wide place field); all ten are saved; after a reload they
 * are still stored with their source file's hash and (PDF) page map, and a figure from a PDF opens
 * in the Trends view's source panel with its quote and page. The same file again is named a
 * duplicate. Wall times are written to tests/artifacts/e2e/import-report-batch-times.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageOfOffset } from '../../src/core/convert/pdf-body.ts';
import { screenshotElement } from './element-screenshot.ts';
import { ARTIFACTS, HOOK, appUrl, moveTo, sessionPerFile, storedUserDatasets, waitForQuiet, warmRemounted } from './support.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/reports-as-published');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as Array<{ file: string; source: string; format: string }>;
const files = manifest.map((f) => join(FIXTURES, f.file));
const AMBIGUOUS = ['tongzhou-2023-x041.gbk.html', 'tongzhou-2024-x043.utf8.html'];

const browser = sessionPerFile();

const statuses = (page: Page) => page.locator('[data-testid="batch-item"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-name')}:${e.getAttribute('data-status')}`));

describe('importing published reports many at once', () => {
  it('converts 10 mixed files in the worker, asks about the ambiguous places, saves all 10, keeps them after reload, and charts a PDF figure with its quote and page', async () => {
    const page = await browser.open({ view: 'import' }, { width: 1440, height: 1000 });
    await page.locator('[data-testid="report-batch"]').waitFor({ timeout: 30_000 });
    const started = Date.now();
    await page.locator('[data-testid="report-batch-files"]').setInputFiles(files);
    await expect.poll(() => page.locator('[data-testid="batch-item"]').count(), { timeout: 10_000 }).toBe(10);
    // Per-file progress: each file has its own status while the queue runs.
    await expect.poll(async () => (await statuses(page)).filter((s) => /:(queued|converting)$/.test(s)).length, { timeout: 240_000, interval: 500, message: 'every file converted' }).toBe(0);
    const converted = Date.now();
    expect(await statuses(page)).toEqual(manifest.map((f) => `${f.file}:ready`));
    await page.screenshot({ path: join(ARTIFACTS, 'import-batch-converted-1440.png'), fullPage: true });

    // Ambiguous places are asked, never guessed: both 通州区 pages wait for a choice.
    const [first, second] = AMBIGUOUS.map((name) => page.locator(`[data-testid="batch-item"][data-name="${name}"]`));
    for (const item of [first!, second!]) expect(await item.getAttribute('data-blocker')).toBe('ambiguous-place');
    // The first is answered on its own card…
    await first!.locator('[data-testid="batch-candidates"] button[data-code="110112"]').click();
    await expect.poll(() => first!.getAttribute('data-blocker')).toBe('');
    // …the second through the batch-wide place: 通州区 is ambiguous there too, so it is chosen from the
    // candidates, and applied only to the reports still without a place (one left).
    const many = page.locator('[data-testid="batch-place-many"]');
    await many.locator('[data-testid="batch-place-many-field"]').fill('通州区');
    await many.locator('[data-testid="batch-candidates"] button[data-code="110112"]').click();
    const missing = many.locator('[data-testid="batch-place-many-missing"]');
    expect(await missing.textContent()).toContain('1');
    await missing.click();
    await expect.poll(() => second!.getAttribute('data-blocker')).toBe('');
    expect(await missing.isDisabled()).toBe(true);
    // Every other file's place and year were read from the document.
    const blockers = await page.locator('[data-testid="batch-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-blocker')));
    expect(blockers).toEqual(manifest.map(() => ''));
    const saveButton = page.locator('[data-testid="report-batch-save"]');
    expect(await saveButton.textContent()).toContain('10');
    await saveButton.click();
    await expect.poll(async () => (await statuses(page)).filter((s) => s.endsWith(':saved')).length, { timeout: 120_000, message: 'all ten saved' }).toBe(10);
    const saved = Date.now();
    await page.screenshot({ path: join(ARTIFACTS, 'import-batch-saved-1440.png'), fullPage: true });

    await page.reload();
    await page.locator('[data-testid="view-import"]').waitFor({ timeout: 30_000 });
    const stored = await storedUserDatasets(page);
    expect(stored.map((d) => d.fileName).sort()).toEqual(manifest.map((f) => f.file).sort());
    for (const dataset of stored) {
      const source = dataset.reports[0]!.source!;
      expect(source.sha256, dataset.fileName).toMatch(/^[0-9a-f]{64}$/);
      expect(source.bytes).toBe(readFileSync(join(FIXTURES, dataset.fileName)).length);
      expect(Boolean(source.pageStarts), dataset.fileName).toBe(dataset.fileName.endsWith('.pdf'));
      expect(dataset.observations.length).toBeGreaterThan(0);
    }
    const tongzhou = stored.filter((d) => AMBIGUOUS.includes(d.fileName));
    expect(tongzhou.map((d) => d.reports[0]!.meta.region_code)).toEqual(['110112', '110112']);

    // A printed whole-year figure of the Guangling PDF, in Trends' source panel, with its page.
    const guangling = stored.find((d) => d.fileName === 'guangling-2024.pdf')!;
    const index = guangling.observations.findIndex((o) => o.period === 'year' && o.value_kind === 'reported' && o.value !== null);
    const figure = guangling.observations[index]!;
    const expectedPage = pageOfOffset(guangling.reports[0]!.source!.pageStarts, figure.span_start)!;
    // Moved by URL, as back/forward does: the reload above is the start-up that read the store; a second one adds nothing.
    await moveTo(page, appUrl(browser.current.base, { view: 'trends', indicator: figure.indicator_id, regions: '140223', obs: `${guangling.id}#${index + 1}` }));
    const quote = page.locator(HOOK.provenanceQuote).first();
    // Trends with ten stored datasets loads DuckDB and the user rows first: slow on a loaded machine.
    await quote.waitFor({ timeout: 90_000 });
    expect(await quote.textContent()).toBe(figure.quote);
    expect(await quote.locator('mark').first().textContent()).toBe(guangling.reports[0]!.body.slice(figure.span_start, figure.span_end));
    await expect.poll(() => page.locator('[data-testid="provenance-page"]').textContent(), { timeout: 30_000 }).toBe(`第 ${expectedPage} 页`);
    await page.locator(HOOK.chart).first().waitFor({ timeout: 60_000 });
    await waitForQuiet(page);
    await page.screenshot({ path: join(ARTIFACTS, 'import-batch-source-panel.png'), fullPage: true });

    // The same file again is a duplicate, not a second copy.
    await moveTo(page, appUrl(browser.current.base, { view: 'import' }));
    await page.locator('[data-testid="report-batch-files"]').setInputFiles([join(FIXTURES, 'hengdong-2023-x034.utf8.html')]);
    const again = page.locator('[data-testid="batch-item"]');
    await expect.poll(() => again.getAttribute('data-duplicate'), { timeout: 60_000 }).toBe('true');
    expect(await page.locator('[data-testid="batch-duplicate"]').textContent()).toContain('hengdong-2023-x034.utf8.html');
    expect(await page.locator('[data-testid="report-batch-save"]').isDisabled()).toBe(true);

    const times = { files: files.length, convertSeconds: (converted - started) / 1000, reviewAndSaveSeconds: (saved - converted) / 1000, totalSeconds: (saved - started) / 1000 };
    writeFileSync(join(ARTIFACTS, 'import-report-batch-times.json'), `${JSON.stringify(times, null, 2)}\n`);
    console.log('batch import wall time', times);
    expect(times.totalSeconds).toBeLessThan(240);
  }, 420_000);

  it.each([
    ['en', 375, /old-report\.doc: DOC files cannot be read here; open the file in Word or WPS and save it as \.docx or PDF/],
    ['zh', 375, /old-report\.doc: DOC 格式无法在此读取。请用 Word 或 WPS 打开,另存为 \.docx 或 PDF 再导入。/],
    ['en', 1440, /old-report\.doc: DOC files cannot be read here/],
  ] as const)('shows the batch (%s, %i px) with a refused file named with its reason', async (lang, width, refusal) => {
    // The file's warm page with the import view mounted anew (an empty batch; DuckDB started once).
    const page = await warmRemounted(browser, { view: 'import', lang: lang === 'en' ? 'en' : undefined }, { width, height: 900 });
    await page.locator('[data-testid="report-batch"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="report-batch-files"]').setInputFiles([
      { name: 'ningguo-2021-x056.gbk.html', mimeType: 'text/html', buffer: readFileSync(join(FIXTURES, 'ningguo-2021-x056.gbk.html')) },
      { name: 'old-report.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) },
    ]);
    const refused = page.locator('[data-testid="batch-item"][data-name="old-report.doc"]');
    await expect.poll(() => refused.getAttribute('data-status'), { timeout: 60_000 }).toBe('refused');
    expect(await refused.locator('[data-testid="batch-problem"]').textContent()).toMatch(refusal);
    await expect.poll(() => page.locator('[data-testid="batch-item"][data-name="ningguo-2021-x056.gbk.html"]').getAttribute('data-status'), { timeout: 60_000 }).toBe('ready');
    await screenshotElement(page.locator('[data-testid="report-batch"]'), join(ARTIFACTS, `import-batch-${width}-${lang}.png`));
    // Nothing of the batch import sticks out of its own box (the page around it is the view's layout).
    const wide = await page.locator('[data-testid="report-batch"]').evaluate((root) => {
      const edge = root.getBoundingClientRect().right + 1;
      return [...root.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > edge).map((e) => `${e.tagName}.${e.className}`);
    });
    expect(wide).toEqual([]);
  }, 120_000);
});
