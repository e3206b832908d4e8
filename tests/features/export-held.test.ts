/**
 * While the researcher's stored rows load, the views answer from the shipped data alone: an export
 * made then would lack the user's figures without a word, so every export button waits, and says
 * why in the reader's language; once the rows are in (or there are none) the buttons are offered.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { StoredRowsStatus } from '../../src/db/stored-rows-status.ts';
import { I18nProvider } from '../../src/features/i18n/i18n.tsx';
import { DatabaseProvider } from '../../src/features/shared/database.tsx';
import { CsvExportButton } from '../../src/features/shared/export/CsvExportButton.tsx';
import { ExportMenu } from '../../src/features/shared/export/ExportMenu.tsx';

/** Only what the export buttons read of the database: where the stored rows are. */
const databaseWith = (status: StoredRowsStatus) => ({ storedRows: () => status, onStoredRows: () => () => undefined }) as unknown as Database;

function render(lang: 'zh' | 'en', status: StoredRowsStatus, element: ReactElement): { buttons: { testid: string; disabled: boolean; title: string }[]; held: string | null } {
  const html = renderToStaticMarkup(createElement(DatabaseProvider, { database: databaseWith(status), children: createElement(I18nProvider, { lang, children: element }) }));
  const buttons = [...html.matchAll(/<button [^>]*>/g)].map(([tag]) => ({
    testid: /data-testid="([^"]+)"/.exec(tag)?.[1] ?? '',
    disabled: / disabled=""/.test(tag),
    title: /title="([^"]*)"/.exec(tag)?.[1] ?? '',
  }));
  return { buttons, held: /data-testid="export-held">([^<]*)</.exec(html)?.[1] ?? null };
}

const meta = { title: '调解成功率,2023年', subtitle: '', sourceLine: '来源', notes: [] };
const chartMenu = createElement(ExportMenu, { option: {}, meta, csv: { columns: ['a'], rows: [{ a: 1 }] } });
const csvButton = createElement(CsvExportButton, { title: '概况', hint: '下载表格', build: () => ({ columns: ['a'], rows: [] }) });

const ZH_HELD = '您保存的数据载入后即可导出(现在导出的文件会缺少这些数据)';
const EN_HELD = 'Export once your saved rows are in (a file made now would lack them)';

describe('exports wait for the stored rows', () => {
  it.each([
    ['zh', { stage: 'loading', rows: 1200 }, ZH_HELD],
    ['en', { stage: 'loading', rows: 1200 }, EN_HELD],
  ] as const)('%s, %o: every chart export button is disabled and says why', (lang, status, words) => {
    const { buttons, held } = render(lang, status, chartMenu);
    expect(buttons.map((b) => b.testid)).toEqual(['export-png', 'export-svg', 'export-csv']);
    expect(buttons.every((b) => b.disabled && b.title === words)).toBe(true);
    expect(held).toBe(words);
  });

  it('while the store is still being listed the buttons wait without a visible line (no flash on a page without stored rows)', () => {
    const { buttons, held } = render('zh', { stage: 'listing', rows: 0 }, chartMenu);
    expect(buttons.every((b) => b.disabled && b.title === ZH_HELD)).toBe(true);
    expect(held).toBeNull();
  });

  it('the CSV-only button of a table waits too', () => {
    const { buttons, held } = render('zh', { stage: 'loading', rows: 5 }, csvButton);
    expect(buttons).toEqual([{ testid: 'export-csv', disabled: true, title: ZH_HELD }]);
    expect(held).toBe(ZH_HELD);
  });

  it.each([
    [{ stage: 'in', rows: 1200 }],
    [{ stage: 'in', rows: 0 }],
    [{ stage: 'failed', rows: 0 }],
  ] as const)('%o: the buttons are offered with their own titles, no waiting line', (status) => {
    const chart = render('zh', status, chartMenu);
    expect(chart.buttons.map((b) => [b.testid, b.disabled, b.title])).toEqual([
      ['export-png', false, '下载 PNG 图片(2 倍分辨率、白底,含标题、来源、注释与导出日期)'],
      ['export-svg', false, '下载 SVG 矢量图(文字可检索,含标题、来源、注释与导出日期)'],
      ['export-csv', false, '下载图中所绘的数据(每行含原文与报告)'],
    ]);
    expect(chart.held).toBeNull();
    expect(render('en', status, csvButton).buttons).toEqual([{ testid: 'export-csv', disabled: false, title: '下载表格' }]);
  });
});
