import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addReport } from '../../scripts/add-report.ts';
import { parseReport } from '../../src/core/report/parse-report.ts';
import { divisionLookup } from '../core/convert/division-lookup.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/reports-as-published');
const out = mkdtempSync(join(tmpdir(), 'add-report-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run add-report', () => {
  it('writes a contract report file with place and year read from the page, and the source file kept', async () => {
    const outcome = await addReport(join(FIXTURES, 'hengdong-2023-x034.utf8.html'), divisionLookup, { out });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const text = readFileSync(outcome.written, 'utf8');
    const report = parseReport(text, outcome.written);
    expect(report.meta).toMatchObject({ region_code: '430424', year: 2023 });
    expect(text).toMatch(/^source_file: "hengdong-2023-x034\.utf8\.html"$/m);
    expect(text).toMatch(/^source_sha256: "[0-9a-f]{64}"$/m);
    expect(report.body).not.toContain('当前位置');
  });

  it('names the duplicate instead of adding the same text twice', async () => {
    const outcome = await addReport(join(FIXTURES, 'hengdong-2023-x034.utf8.html'), divisionLookup, { out });
    expect(outcome).toMatchObject({ ok: false, duplicateOf: expect.stringMatching(/^hengdong-2023-[0-9a-f]{8}\.txt$/) });
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('refuses an ambiguous place with its candidates, and takes --region-code', async () => {
    const file = join(FIXTURES, 'tongzhou-2024-x043.utf8.html');
    const refused = await addReport(file, divisionLookup, { out });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/ambiguous: 北京市通州区 \(110112\), 江苏省南通市通州区 \(320612\); pass --region-code/);
    const added = await addReport(file, divisionLookup, { out, regionCode: '110112' });
    expect(added).toMatchObject({ ok: true, meta: { region_code: '110112', year: 2024 } });
  });

  it('refuses a file whose year cannot be read unless --year is given', async () => {
    const file = join(FIXTURES, 'manifest.json');
    const outcome = await addReport(file, divisionLookup, { out, regionCode: '110112' });
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringMatching(/no report year was found.*pass --year/) });
  });
});
