/**
 * The published-report cases of the bad-input battery (tests/fixtures/bad-inputs/published-cases.ts)
 * under Node: each refused file is refused with the problem the case names, and each file that
 * imports gives a body with the article and none of the page's scripts or handlers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureGenerated, pathOf } from '../../../scripts/gen-bad-inputs.ts';
import { nodeConvertPlatform } from '../../../scripts/lib/convert-platform-node.ts';
import { ConversionError } from '../../../src/core/convert/conversion-error.ts';
import { convertReport } from '../../../src/core/convert/convert-report.ts';
import { PUBLISHED_CASES } from '../../fixtures/bad-inputs/published-cases.ts';
import { HTML_PAYLOADS } from '../../fixtures/bad-inputs/naughty-strings.ts';
import { IMPORT_REPORT_BATCH_MESSAGES } from '../../../src/features/i18n/views/import-report-batch.ts';

/** Latin words the Chinese wording may hold: format, encoding and unit names, never a library's message. */
const LATIN_ALLOWED = new Set(['PDF', 'DOCX', 'docx', 'ZIP', 'HTML', 'TXT', 'OCR', 'OFD', 'WPS', 'Word', 'Excel', 'MB', 'GB', 'PNG', 'JPEG', 'GIF', 'RAR', '7Z', 'GZIP', 'DOC', 'XLS', 'XLSX', 'GB18030', 'GBK', 'GB2312', 'gb2312', 'gbk', 'UTF', 'utf', 'Big5', 'BIG5']);

const convert = (file: string) => convertReport({ name: file.split('/').pop()!, bytes: new Uint8Array(readFileSync(pathOf({ file, generated: file.startsWith('generated/') }))) }, nodeConvertPlatform);

describe('broken and hostile published reports', () => {
  if (PUBLISHED_CASES.some((c) => c.generated)) ensureGenerated();

  it.each(PUBLISHED_CASES.filter((c) => c.problem).map((c) => [c.file, c.problem!] as const))('%s is refused: %s', async (file, problem) => {
    const error = await convert(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect((error as ConversionError).problem.code).toBe(problem);
    expect((error as ConversionError).message.length).toBeGreaterThan(10);
  }, 60_000);

  it.each(PUBLISHED_CASES.filter((c) => c.problem).map((c) => [c.file] as const))('%s is worded in Chinese without the reading library\'s English', async (file) => {
    const error = await convert(file).then(() => null, (e: unknown) => e);
    const words = IMPORT_REPORT_BATCH_MESSAGES.zh.batchProblem((error as ConversionError).problem);
    expect(words).toMatch(/[\u4e00-\u9fff]/);
    const latin = (words.match(/[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
    expect(latin).toEqual([]);
  }, 60_000);

  it('a truncated PDF or DOCX is named as cut short, a renamed file as not what its name says', async () => {
    const problemOf = (file: string) => convert(file).then(() => null, (e: unknown) => (e as ConversionError).problem);
    expect(await problemOf('pdf-truncated.pdf')).toMatchObject({ code: 'broken', format: 'PDF', damage: 'truncated' });
    expect(await problemOf('docx-truncated.docx')).toMatchObject({ code: 'broken', format: 'DOCX', damage: 'truncated' });
    expect(await problemOf('docx-not-zip.docx')).toMatchObject({ code: 'broken', format: 'DOCX', damage: 'not-zip' });
    // A PDF header followed by junk has no end marker either: it too is named as incomplete.
    expect(await problemOf('pdf-header-only.pdf')).toMatchObject({ code: 'broken', format: 'PDF', damage: 'truncated' });
  }, 60_000);

  it('a page whose scripts and handlers carry a payload gives the article without any of them', async () => {
    const { body } = await convert('html-scripts.html');
    expect(body.startsWith('灵丘县2022年法治政府建设年度报告\n2022年,全年共受理行政复议案件18件,人民调解成功率98.5%。\n')).toBe(true);
    expect(body).not.toMatch(/__xss|javascript|onerror|onclick|onmouseover|首页/);
  }, 60_000);

  it('payloads written as text in the article stay text, verbatim (the page renders them as text)', async () => {
    const { body } = await convert('html-payload-text.html');
    for (const payload of HTML_PAYLOADS) expect(body).toContain(`${payload.replace(/\s+/g, ' ').trim()}共办理法律援助案件12件。`);
  }, 60_000);
});
