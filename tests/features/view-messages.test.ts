/**
 * A view's own words are not in the entry chunk (src/features/i18n/messages.ts): its module adds them
 * when it is evaluated. Each view module must add every word its components read, and words read
 * outside those views (the shell, Trends, shared parts) must stay in the entry.
 */
import { readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/features/i18n/messages.ts';
import { COMPARE_MESSAGES } from '../../src/features/i18n/views/compare.ts';
import { COVERAGE_MESSAGES } from '../../src/features/i18n/views/coverage.ts';
import { DATA_MESSAGES } from '../../src/features/i18n/views/data.ts';
import { EXPORT_MESSAGES } from '../../src/features/i18n/views/export.ts';
import { IMPORT_MESSAGES } from '../../src/features/i18n/views/import.ts';
import { IMPORT_REPORT_MESSAGES } from '../../src/features/i18n/views/import-report.ts';
import { IMPORT_TABLE_MESSAGES } from '../../src/features/i18n/views/import-table.ts';
import { PROFILE_MESSAGES } from '../../src/features/i18n/views/profile.ts';
import { USER_DATA_LIST_MESSAGES } from '../../src/features/i18n/views/user-data-list.ts';

/** Each catalog kept out of the entry, and the folders whose files may read its words (the views that add it). */
const VIEW_CATALOGS = [
  { name: 'compare', words: COMPARE_MESSAGES, readers: ['src/features/compare/', 'src/features/profile/', 'src/features/shared/pickers/PeerPicker.tsx', 'src/features/shared/pickers/PlacePicker.tsx', 'src/features/shared/pickers/ToleranceSelect.tsx'] },
  { name: 'profile', words: PROFILE_MESSAGES, readers: ['src/features/profile/'] },
  { name: 'coverage', words: COVERAGE_MESSAGES, readers: ['src/features/coverage/'] },
  { name: 'data', words: DATA_MESSAGES, readers: ['src/features/data/'] },
  { name: 'import', words: IMPORT_MESSAGES, readers: ['src/features/import/'] },
  { name: 'import-table', words: IMPORT_TABLE_MESSAGES, readers: ['src/features/import/'] },
  { name: 'import-report', words: IMPORT_REPORT_MESSAGES, readers: ['src/features/import/'] },
  { name: 'user-data-list', words: USER_DATA_LIST_MESSAGES, readers: ['src/features/import/'] },
] as const;

const SOURCES = execSync("git ls-files 'src/*.ts' 'src/*.tsx'", { encoding: 'utf8' }).trim().split('\n').filter((f) => !f.startsWith('src/features/i18n/'));

describe('view words', () => {
  it('are not in the entry catalog before their view loads', () => {
    expect(Object.keys(MESSAGES.zh)).not.toContain(Object.keys(COVERAGE_MESSAGES.zh)[0]);
  });

  it.each(VIEW_CATALOGS)('$name: read only by the files of the views that add them', ({ words, readers }) => {
    const keys = Object.keys(words.zh);
    const outside = SOURCES.filter((file) => !readers.some((r) => file.startsWith(r)))
      .flatMap((file) => { const text = readFileSync(file, 'utf8'); return keys.filter((k) => new RegExp(`\\bm\\.${k}\\b`).test(text)).map((k) => `${file}: m.${k}`); });
    expect(outside).toEqual([]);
  });

  it('export words: every file that reads one imports export-words.ts, which adds them', async () => {
    expect(Object.keys(MESSAGES.zh)).not.toContain('exportText');
    const keys = Object.keys(EXPORT_MESSAGES.zh);
    const readers = SOURCES.filter((file) => file !== 'src/features/shared/export/export-words.ts' && keys.some((k) => new RegExp(`\\bm\\.${k}\\b`).test(readFileSync(file, 'utf8'))));
    expect(readers.length).toBeGreaterThan(5);
    expect(readers.filter((file) => !/import '[./]*(shared\/export\/|export\/)?export-words\.ts';/.test(readFileSync(file, 'utf8')))).toEqual([]);
    await import('../../src/features/shared/export/export-words.ts');
    for (const lang of ['zh', 'en'] as const) expect(Object.keys(EXPORT_MESSAGES[lang]).filter((k) => !(k in MESSAGES[lang]))).toEqual([]);
  });

  it('are added by each view module when it loads', async () => {
    await import('../../src/features/compare/CompareView.tsx');
    await import('../../src/features/profile/ProfileView.tsx');
    await import('../../src/features/coverage/CoverageView.tsx');
    await import('../../src/features/data/DataView.tsx');
    await import('../../src/features/import/ImportView.tsx');
    for (const { name, words } of VIEW_CATALOGS) {
      for (const lang of ['zh', 'en'] as const) {
        const missing = Object.keys(words[lang]).filter((k) => !(k in MESSAGES[lang]));
        expect(missing, `${name} (${lang})`).toEqual([]);
      }
    }
  });
});
