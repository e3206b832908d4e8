/**
 * The researcher's own data kept in the browser (我的数据), in a real Chromium: a dataset written
 * into the app's IndexedDB schema (as the importers save it) is listed after reload, charted in
 * Trends beside the shipped figures and marked as the user's, named in the source panel with its
 * file, line and column; a damaged record is skipped with a warning and kept; Remove survives reload.
 *
 * The dataset is made up (values invented for the test) and lives only in the test's browser profile.
 * The cases run in order on one page: a case about what a start-up reads (a seeded or damaged record,
 * a reload) loads it afresh; a case that only needs a state shown moves it by URL (`showState`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/convert/sha256.ts';
import { CSV_ROWS_FORMAT, STORED_ROW_COLUMNS, storedRowsMeta, storedRowsText } from '../../src/core/user-data/stored-rows.ts';
import { summarise, type UserDataset, type UserObservation } from '../../src/core/user-data/types.ts';
import { ARTIFACTS, HOOK, appUrl, findSymbols, hoverTooltip, launch, moveTo, storedUserDatasets, waitForChart, waitForView, type Session } from './support.ts';

const MEDIATION = 'mediation.success_rate';
const GUANGLING = { code: '140223', name: '广灵县' };
const LINGQIU = { code: '140224', name: '灵丘县' };
const EVIL = '<img src=x onerror=alert(1)>';
const ID = 'user-20261123100000-e2etest';

/** A wide GBK table as the table importer turns it into rows: one per place × year column (made-up values). */
function tableDataset(): UserDataset {
  const cells: Array<[typeof GUANGLING, number, number, number]> = [
    [GUANGLING, 2022, 96.5, 2], [GUANGLING, 2023, 97.1, 2], [GUANGLING, 2024, 95, 2], [LINGQIU, 2022, 98.2, 3], [LINGQIU, 2023, 98.8, 3],
  ];
  const observations: UserObservation[] = cells.map(([place, year, value, row]) => ({
    region_code: place.code, region_name: place.name, year, period: 'year', indicator_id: MEDIATION, value, unit: '%',
    approx: 'exact', value_kind: 'reported', report_id: `${ID}-file`, quote: `地区: ${place.name}; ${year}年: ${value}`,
    span_start: 0, span_end: 0, rule_id: 'user-table', quote_start: 0, derivation: '', inputs: [], flags: [],
    source_row: row, source_column: `${year}年`,
  }));
  return {
    id: ID, kind: 'table', fileName: `调解${EVIL}.csv`, importedAt: '2026-11-23T10:00:00.000Z', encoding: 'GB18030', observations,
    reports: [{
      meta: {
        id: `${ID}-file`, region_code: '', region_name: '', year: 2023, publisher: '', publisher_kind: 'other', source_kind: 'other',
        title: `调解${EVIL}.csv`, url: '', published: '', coverage: 'excerpt',
      },
      body: '',
    }],
  };
}

/**
 * Writes records straight into the app's store in its OLD form (schema v1 of src/features/shared/user-data/store.ts:
 * rows as an array of objects in `datasets`), as an earlier version of the app saved them: the app rewrites
 * them once into the stored form (metadata + one rows blob) at its next start-up.
 */
async function seed(page: Page, datasets: unknown[], summaries: unknown[]): Promise<void> {
  await page.evaluate(({ datasets, summaries }) => new Promise<void>((resolve, reject) => {
    // No version: the store may already be at a newer one (the app opened it); v1's stores are kept in every version.
    const request = indexedDB.open('fazhi-atlas-user-data');
    request.onupgradeneeded = () => {
      request.result.createObjectStore('datasets', { keyPath: 'id' });
      request.result.createObjectStore('summaries', { keyPath: 'id' });
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const tx = request.result.transaction(['datasets', 'summaries'], 'readwrite');
      for (const d of datasets) tx.objectStore('datasets').put(d);
      for (const s of summaries) tx.objectStore('summaries').put(s);
      tx.oncomplete = () => { request.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { datasets, summaries });
}

/** Writes a dataset as an earlier version stored it: metadata, its rows as ONE CSV blob (csv-v1), its summary. */
async function seedCsvStored(page: Page, dataset: UserDataset): Promise<void> {
  const text = storedRowsText(dataset.observations);
  const bytes = new TextEncoder().encode(text);
  const meta = storedRowsMeta(dataset, {
    format: CSV_ROWS_FORMAT, columns: [...STORED_ROW_COLUMNS], rowCount: dataset.observations.length, byteLength: bytes.length, sha256: sha256Hex(bytes),
  });
  await page.evaluate(({ meta, text, summary }) => new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('fazhi-atlas-user-data'); // the app has opened it: the v2 stores exist
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const tx = request.result.transaction(['meta', 'rows', 'summaries'], 'readwrite');
      tx.objectStore('meta').put(meta);
      tx.objectStore('rows').put(new Blob([text], { type: 'text/csv' }), meta.id);
      tx.objectStore('summaries').put(summary);
      tx.oncomplete = () => { request.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { meta, text, summary: summarise(dataset) });
}

/** A stored dataset's rows layout as recorded in its metadata (null when absent). */
function storedFormat(page: Page, id: string): Promise<string | null> {
  return page.evaluate((id) => new Promise<string | null>((resolve, reject) => {
    const request = indexedDB.open('fazhi-atlas-user-data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const get = request.result.transaction('meta').objectStore('meta').get(id);
      get.onsuccess = () => { request.result.close(); resolve((get.result as { rows?: { format?: string } } | undefined)?.rows?.format ?? null); };
      get.onerror = () => reject(get.error);
    };
  }), id);
}

/** Replaces a stored blob with other bytes of the same size (a damaged disk), metadata untouched. */
function damageStoredRows(page: Page, id: string): Promise<void> {
  return page.evaluate((id) => new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('fazhi-atlas-user-data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const tx = request.result.transaction('rows', 'readwrite');
      const get = tx.objectStore('rows').get(id);
      get.onsuccess = async () => {
        const bytes = new Uint8Array(await (get.result as Blob).arrayBuffer());
        bytes.fill(0x20, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 64);
        const write = request.result.transaction('rows', 'readwrite');
        write.objectStore('rows').put(new Blob([bytes]), id);
        write.oncomplete = () => { request.result.close(); resolve(); };
        write.onerror = () => reject(write.error);
      };
    };
  }), id);
}

/** Which datasets the store holds, in either form (`datasets`: old records and stored metadata), and which summaries. */
function storedKeys(page: Page): Promise<{ datasets: string[]; legacy: string[]; summaries: string[] }> {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const request = indexedDB.open('fazhi-atlas-user-data');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const names = ['datasets', 'meta', 'rows', 'summaries'].filter((n) => db.objectStoreNames.contains(n));
      if (!names.includes('datasets')) { db.close(); resolve({ datasets: [], legacy: [], summaries: [] }); return; }
      const tx = db.transaction(names);
      const keys = Object.fromEntries(names.map((n) => [n, tx.objectStore(n).getAllKeys()]));
      tx.oncomplete = () => {
        db.close();
        const of = (n: string) => (keys[n]?.result ?? []).map(String);
        resolve({ datasets: [...of('datasets'), ...of('meta')], legacy: of('datasets'), summaries: of('summaries') });
      };
    };
  }));
}

let session: Session;
let page: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  session = await launch();
  page = await session.newPage();
  // Remove asks for confirmation: accept it; any other dialog (an injected alert) is recorded and fails the test.
  page.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.accept(); });
});
afterEach(() => session.checkClean());
afterAll(async () => {
  await page?.close();
  await session?.close();
});

const importView = () => page.locator('[data-testid="view-import"]');

/**
 * A start-up: the page loaded afresh at `state`, so the app reads the store again (what a case about
 * stored data read at start-up needs). A cold load costs most of a case's time on this machine.
 */
const startAt = (state: Record<string, string | string[] | undefined>) => page.goto(appUrl(session.base, state));
/**
 * The open page moved to `state` as the browser's back/forward moves it (support.ts `moveTo`): no
 * start-up, DuckDB and the rows it loaded at the last start-up (or a save or removal since) kept.
 */
const showState = (state: Record<string, string | string[] | undefined>) => moveTo(page, appUrl(session.base, state));

describe('user datasets in the browser', () => {
  it('lists a stored dataset after reload, its hostile file name shown as text', async () => {
    await startAt({ view: 'import' });
    await importView().waitFor();
    await expect.poll(() => page.locator('[data-testid="user-datasets-empty"]').count(), { timeout: 30_000 }).toBe(1);
    const dataset = tableDataset();
    await seed(page, [dataset], [summarise(dataset)]);
    await page.reload();
    const item = page.locator('[data-testid="user-dataset"]');
    await item.first().waitFor({ timeout: 30_000 });
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-dataset-id')).toBe(ID);
    const text = await item.innerText();
    expect(text).toContain(`调解${EVIL}.csv`); // as text, not as an element
    expect(text).toMatch(/5 行.*2 个地区.*1 个指标.*2022–2024 年.*GB18030/s);
    expect(await item.locator('img').count()).toBe(0);
    // The old record was rewritten once into the stored form (metadata + one rows blob), nothing lost.
    const keys = await storedKeys(page);
    expect(keys.legacy).not.toContain(ID);
    expect(keys.datasets).toContain(ID);
    const migrated = (await storedUserDatasets<UserDataset>(page)).filter((d) => d.id === ID);
    // Nothing lost; the table's own quote, unit and source (which this older record predates) read as empty.
    expect(migrated).toEqual([{ ...dataset, observations: dataset.observations.map((o) => ({ ...o, table_quote: '', table_unit: '', table_source: '' })) }]);
    await page.screenshot({ path: join(ARTIFACTS, 'user-data-list-zh.png'), fullPage: true });
  });

  it('says the stored rows are loading while the views answer without them, then shows the user figures (zh 1440, en 375)', async () => {
    // A start-up on Trends: the shipped figures are answered first (the stored rows load after the
    // views' first queries), and until the rows are in the page says so, with how many rows.
    const status = page.locator('[data-testid="stored-rows-status"]');
    const cases = [{ lang: 'zh', width: 1440, text: '当前的图表和表格尚未包含您保存的数据,载入后会自动更新。正在载入您保存的 5 行数据…' },
      { lang: 'en', width: 375, text: 'The charts and tables shown do not include your saved data yet; they update once it is in. Loading your 5 saved rows…' }] as const;
    for (const { lang, width, text } of cases) {
      await page.setViewportSize({ width, height: 900 });
      await startAt({ indicator: MEDIATION, regions: [LINGQIU.code, GUANGLING.code], lang: lang === 'en' ? 'en' : undefined });
      await status.waitFor({ state: 'visible', timeout: 60_000 });
      expect(await status.innerText()).toContain(text);
      expect(await status.getAttribute('data-rows')).toBe('5');
      await page.screenshot({ path: join(ARTIFACTS, `user-data-stored-rows-loading-${lang}-${width}.png`) });
      // Gone once the rows are in and every view's query was asked again; the chart then holds the user's figures.
      await status.waitFor({ state: 'detached', timeout: 60_000 });
      const chart = await waitForChart(await waitForView(page, 'trends', { content: true }));
      if (width === 1440) await expect.poll(async () => (await findSymbols(chart)).length, { timeout: 30_000 }).toBe(6); // 2 shipped + 4 user
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await showState({ lang: undefined }); // the cases after this one read Chinese
  }, 240_000); // two start-ups on a loaded machine

  it('charts the user figures beside the shipped ones, marked, and keeps the shipped figure where both exist', async () => {
    // The start-up before loaded the stored rows: Trends is shown from there, as a reader's click shows it.
    await showState({ indicator: MEDIATION, regions: [LINGQIU.code, GUANGLING.code] });
    const root = await waitForView(page, 'trends', { content: true });
    const chart = await waitForChart(root);
    await chart.screenshot({ path: join(ARTIFACTS, 'user-data-trends-chart-zh.png') });
    const symbols = await findSymbols(chart);
    // shipped: 广灵县 2024 (98.4 drawn, the user's 95 only an alternative), 灵丘县 2025; user: both places 2022 and 2023
    expect(symbols.length).toBe(6);
    const tips: string[] = [];
    for (const symbol of symbols) tips.push(await hoverTooltip(page, chart, symbol));
    const userTips = tips.filter((t) => t.includes('我的数据') && !t.includes('另有'));
    expect(userTips.length).toBe(4);
    expect(tips.some((t) => t.includes('98.4') && t.includes('另有 1 条我的数据'))).toBe(true);
    expect(tips.every((t) => !t.includes('95%'))).toBe(true);
  });

  it('marks the user rows in the Data table and the coverage grid', async () => {
    await showState({ view: 'data', indicator: MEDIATION, regions: [GUANGLING.code] });
    const data = await waitForView(page, 'data', { content: true });
    const badges = data.locator(`${HOOK.dataTable} [data-testid="origin-user"]`);
    await expect.poll(() => badges.count(), { timeout: 30_000 }).toBe(3);
    expect(await badges.first().innerText()).toMatch(/^我的数据 · 调解<img src=x onerror=alert\(1\)>\.csv · 第 2 行 · 202\d年$/);
    await page.screenshot({ path: join(ARTIFACTS, 'user-data-data-table-zh.png'), fullPage: true });
    await showState({ view: 'coverage' });
    const coverage = await waitForView(page, 'coverage', { content: true });
    const marked = coverage.locator('.coverage-user');
    await expect.poll(() => marked.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    expect(await marked.first().getAttribute('title')).toContain('含我的数据');
  });

  it('names a user row in the source panel by file, line and column, and the shipped one as published', async () => {
    await showState({ indicator: MEDIATION, regions: [LINGQIU.code, GUANGLING.code], obs: `${ID}#1` });
    await waitForView(page, 'trends', { content: true });
    const panel = page.locator(HOOK.provenance);
    await panel.locator('[data-testid="origin-user"]').first().waitFor({ timeout: 30_000 });
    expect(await panel.locator('.detail-origin').innerText()).toBe(`我的数据 · 调解${EVIL}.csv · 第 2 行 · 2022年`);
    expect(await panel.locator('img').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'user-data-provenance-zh.png'), fullPage: true });
    // 广灵县 2024: the shipped figure is chosen, the user's listed after it with the reason
    await showState({ indicator: MEDIATION, regions: [GUANGLING.code], obs: `${ID}#3` });
    await panel.locator('.alternatives').waitFor({ timeout: 30_000 });
    const alternatives = await panel.locator('.alternatives').innerText();
    expect(alternatives).toMatch(/98\.4%[^\n]*\(图中所用\)/);
    expect(alternatives).toContain('我的数据');
    expect(alternatives).toContain('同一项已有公开数据');
    await page.screenshot({ path: join(ARTIFACTS, 'user-data-alternatives-zh.png'), fullPage: true });
  });

  it('skips a damaged record with a visible warning and keeps it stored', async () => {
    await seed(page, [{ id: 'user-20200101000000-broken', kind: 'table', observations: 'not a list' }], [{ id: 'user-20200101000000-broken', rowCount: -1 }]);
    await startAt({ view: 'import' }); // the start-up reads the damaged record
    await page.locator('[data-testid="user-dataset"]').first().waitFor({ timeout: 30_000 });
    const warning = page.locator('.user-data-skipped');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('user-20200101000000-broken');
    expect(await page.locator('[data-testid="user-dataset"]').count()).toBe(1);
    // Not rewritten (it cannot be read): the old record stays as it was.
    expect((await storedKeys(page)).legacy).toContain('user-20200101000000-broken');
    await page.screenshot({ path: join(ARTIFACTS, 'user-data-damaged-zh.png'), fullPage: true });
  });

  it('exports the dataset as CSV with origin=user and provenance columns', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="user-dataset-export"]').click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, first] = text.slice(1).split('\r\n');
    expect(header).toMatch(/^origin,dataset_id,file_name,/);
    expect(header).toContain('source_row,source_column');
    expect(first).toMatch(new RegExp(`^user,${ID},`));
  });

  it('removes a dataset (after confirmation) and it stays removed after reload; shipped figures remain', async () => {
    await page.locator('[data-testid="user-dataset-remove"]').click();
    await expect.poll(() => page.locator('[data-testid="user-dataset"]').count(), { timeout: 30_000 }).toBe(0);
    expect(dialogs.filter((d) => d.startsWith('confirm'))).toHaveLength(1);
    await page.reload();
    await importView().waitFor();
    await page.locator('[data-testid="user-datasets-empty"]').waitFor({ timeout: 30_000 });
    const keys = await storedKeys(page);
    expect(keys.datasets).not.toContain(ID);
    expect(keys.summaries).not.toContain(ID);
    // The reload was the start-up without the dataset: Trends is shown from there.
    await showState({ indicator: MEDIATION, regions: [LINGQIU.code, GUANGLING.code] });
    const chart = await waitForChart(await waitForView(page, 'trends', { content: true }));
    expect((await findSymbols(chart)).length).toBe(2);
    expect(dialogs.filter((d) => !d.startsWith('confirm'))).toEqual([]);
  });

  it('loads a dataset an earlier version stored as CSV, then rewrites it once as Arrow with every row kept', async () => {
    const dataset = tableDataset();
    await seedCsvStored(page, dataset);
    await startAt({ view: 'import' }); // the start-up reads the CSV layout
    await expect.poll(() => page.locator('[data-testid="user-dataset"]').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('.user-data-skipped').innerText()).not.toContain(ID);
    // Rewritten in a worker after start-up: the record now says arrow-v1, and its blob reads back as the same rows.
    await expect.poll(() => storedFormat(page, ID), { timeout: 60_000 }).toBe('arrow-v1');
    const stored = (await storedUserDatasets<UserDataset>(page)).find((d) => d.id === ID);
    // Rows made before a table's own quote/unit/source were kept read back with them empty ('').
    expect(stored?.observations).toEqual(dataset.observations.map((o) => ({ table_quote: '', table_unit: '', table_source: '', ...o })));
    // The next start-up loads the Arrow blob: the user's four figures are charted beside the two shipped ones again.
    // (They load after the shipped figures are answered: once the page no longer says they are loading.)
    await startAt({ indicator: MEDIATION, regions: [LINGQIU.code, GUANGLING.code] });
    const chart = await waitForChart(await waitForView(page, 'trends', { content: true }));
    await page.locator('[data-testid="stored-rows-status"]').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(async () => (await findSymbols(chart)).length, { timeout: 30_000 }).toBe(6);
  }, 180_000); // three page loads and a rewrite in a worker, on a loaded machine

  it('names a damaged Arrow blob, keeps it stored, and shows the shipped data without it', async () => {
    await damageStoredRows(page, ID);
    await startAt({ view: 'import' }); // the start-up reads the damaged blob
    const warning = page.locator('.user-data-skipped');
    await expect.poll(() => warning.innerText().catch(() => ''), { timeout: 60_000 }).toContain(`${ID}：保存的数据行已损坏(sha256 校验值不符)`);
    expect(await storedFormat(page, ID)).toBe('arrow-v1');
    // That start-up left the damaged dataset out: Trends is shown from there.
    await showState({ indicator: MEDIATION, regions: [LINGQIU.code, GUANGLING.code] });
    const chart = await waitForChart(await waitForView(page, 'trends', { content: true }));
    expect((await findSymbols(chart)).length).toBe(2);
    expect(dialogs.filter((d) => !d.startsWith('confirm'))).toEqual([]);
  }, 180_000);
});
