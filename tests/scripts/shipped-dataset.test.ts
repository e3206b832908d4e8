/**
 * The committed dataset (public/data/) is exactly what `npm run extract` builds from
 * data/reports/ today. It fails after any change to the reports, the rules or the pipeline
 * until the dataset is rebuilt and committed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, MANIFEST_FILE, type Manifest } from '../../scripts/lib/build-dataset.ts';
import { filesOf, REPORTS_DIR, SHIPPED_DIR, tempDir } from './helpers.ts';

const HOW_TO_FIX = 'public/data is stale or missing: run npm run extract and commit public/data';

let work: ReturnType<typeof tempDir>;

beforeAll(async () => {
  work = tempDir('shipped');
  await buildDataset({ reportsDir: REPORTS_DIR, outDir: work.path });
});

afterAll(() => work.remove());

describe('public/data', () => {
  it('equals a fresh build from data/reports, byte for byte', () => {
    expect(existsSync(join(SHIPPED_DIR, MANIFEST_FILE)), HOW_TO_FIX).toBe(true);
    const fresh = filesOf(work.path);
    const manifest = JSON.parse(readFileSync(join(work.path, MANIFEST_FILE), 'utf8')) as Manifest;
    const differing = [...fresh.entries()]
      .filter(([name, bytes]) => { const path = join(SHIPPED_DIR, name); return !existsSync(path) || !readFileSync(path).equals(bytes); })
      .map(([name]) => name);
    const rows = manifest.tables.map((t) => `${t.name} ${t.rows}`).join(', ');
    expect(differing, `${HOW_TO_FIX} (differs: ${differing.join(', ')}; a fresh build has ${rows})`).toEqual([]);
  });

  it('was built from every report (no failed report shipped)', () => {
    expect(existsSync(join(SHIPPED_DIR, MANIFEST_FILE)), HOW_TO_FIX).toBe(true);
    const shipped = JSON.parse(readFileSync(join(SHIPPED_DIR, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(shipped.reports.failed, HOW_TO_FIX).toEqual([]);
  });
});
