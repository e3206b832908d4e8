/**
 * A PDF's page map from `add-report` to the shipped tables and the source panel's query: the
 * report's `page_starts` lands in `reports` (CSV and Parquet), and a figure's page — from the row's
 * span and that map — is the page the PDF prints it on (labelled independently, see LABELLED_PAGES).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageOfOffset } from '../../src/core/convert/pdf-body.ts';
import { radicalsToIdeographs } from '../../src/core/text/radicals.ts';
import { observationDetail } from '../../src/db/queries/provenance.ts';
import { openNodeDb, type NodeDb } from '../db/node-db.ts';
import { readParquet, tempDir } from './helpers.ts';
import { buildPdfReportDataset, LABELLED_PAGES } from './pdf-report-dataset.ts';

type CsvRow = Record<string, string>;
const readCsv = (path: string): CsvRow[] =>
  Papa.parse<CsvRow>(readFileSync(path, 'utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

const work = tempDir('report-pages');
let built: Awaited<ReturnType<typeof buildPdfReportDataset>>;
let db: NodeDb;
beforeAll(async () => {
  built = await buildPdfReportDataset(work.path);
  db = await openNodeDb(built.outDir);
}, 120_000);
afterAll(() => { db?.close(); work.remove(); });

describe('a PDF report\'s pages in the dataset', () => {
  it('writes the front matter\'s page map into reports.page_starts (CSV and Parquet alike)', async () => {
    const front = /^page_starts: \[([\d, ]+)\]$/m.exec(readFileSync(join(built.reportsDir, `${built.reportId}.txt`), 'utf8'));
    expect(front, 'add-report wrote a page map').not.toBeNull();
    const expected = front![1]!.split(', ').map(Number);
    expect(expected).toHaveLength(5); // the fixture PDF has five pages
    const [csvRow] = readCsv(join(built.outDir, 'reports.csv'));
    expect(csvRow!.report_id).toBe(built.reportId);
    expect(JSON.parse(csvRow!.page_starts!)).toEqual(expected);
    const parquet = await readParquet(join(built.outDir, 'reports.parquet'));
    expect(parquet.rows[0]!.page_starts).toBe(csvRow!.page_starts);
  });

  it.each(LABELLED_PAGES)('puts $indicator_id = $value on page $page', async ({ indicator_id, value, page, text }) => {
    const rows = readCsv(join(built.outDir, 'observations.csv')).filter((o) => o.indicator_id === indicator_id && Number(o.value) === value);
    expect(rows, `one ${indicator_id} row of ${value}`).toHaveLength(1);
    const row = rows[0]!;
    // The body keeps the PDF's radical characters (⾏ for 行) verbatim; compare as read.
    expect(radicalsToIdeographs(row.quote!)).toContain(text);
    const [report] = readCsv(join(built.outDir, 'reports.csv'));
    expect(pageOfOffset(JSON.parse(report!.page_starts!) as number[], Number(row.span_start))).toBe(page);
    // The source panel's query hands the map over with the row.
    const detail = (await observationDetail(db, row.obs_id!))!;
    expect(detail.page_starts).toEqual(JSON.parse(report!.page_starts!));
    expect(pageOfOffset(detail.page_starts!, detail.span_start)).toBe(page);
  });

  it('gives no page map for a report that is not a PDF (the shipped corpus)', async () => {
    const shipped = await openNodeDb(join(import.meta.dirname, '..', '..', 'public', 'data'));
    try {
      const [any] = await shipped.query<{ obs_id: string }>("SELECT obs_id FROM observations WHERE report_id = 'guangling-2024' LIMIT 1");
      expect((await observationDetail(shipped, any!.obs_id))!.page_starts).toBeNull();
    } finally {
      shipped.close();
    }
  });
});
