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

const convert = (file: string) => convertReport({ name: file.split('/').pop()!, bytes: new Uint8Array(readFileSync(pathOf({ file, generated: file.startsWith('generated/') }))) }, nodeConvertPlatform);

describe('broken and hostile published reports', () => {
  if (PUBLISHED_CASES.some((c) => c.generated)) ensureGenerated();

  it.each(PUBLISHED_CASES.filter((c) => c.problem).map((c) => [c.file, c.problem!] as const))('%s is refused: %s', async (file, problem) => {
    const error = await convert(file).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConversionError);
    expect((error as ConversionError).problem.code).toBe(problem);
    expect((error as ConversionError).message.length).toBeGreaterThan(10);
  }, 60_000);

  it('a truncated PDF is refused or read only as far as it goes, never crashes', async () => {
    const outcome = await convert('pdf-truncated.pdf').then((r) => r.body, (e: unknown) => e);
    if (typeof outcome === 'string') expect(outcome.length).toBeGreaterThan(0);
    else expect((outcome as ConversionError).problem.code).toBe('broken');
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
