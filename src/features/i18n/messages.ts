/**
 * The one message catalog: every word of the UI in Chinese (the default) and English.
 * Each view keeps its words in its own file under views/. The words the shell, Trends and the shared
 * parts use are merged here, in the entry chunk; a view's own words (Compare, Profile, Coverage, Data,
 * My data and its list of saved datasets; the export and source-panel words, added by shared/export/export-words.ts) arrive with its chunk, which adds them (`addViewMessages`) when its module is evaluated,
 * before any of its components renders, so they stay off the first chart's path (docs/BENCHMARKS.md,
 * "Bundle sizes"). The types make an English text missing for any Chinese key a compile error.
 */
import type { Lang } from '../../charts/format-value.ts';
import { BASE_MESSAGES } from './base-messages.ts';
import type { COMPARE_MESSAGES } from './views/compare.ts';
import type { COVERAGE_MESSAGES } from './views/coverage.ts';
import type { DATA_MESSAGES } from './views/data.ts';
import { DATASET_MESSAGES } from './views/dataset.ts';
import { COPY_LINK_MESSAGES } from './views/copy-link.ts';
import type { EXPORT_MESSAGES } from './views/export.ts';
import type { IMPORT_MESSAGES } from './views/import.ts';
import type { IMPORT_REPORT_MESSAGES } from './views/import-report.ts';
import { IMPORT_REPORT_PAGE_MESSAGES } from './views/import-report-page.ts';
import type { IMPORT_TABLE_MESSAGES } from './views/import-table.ts';
import { USER_DATA_MESSAGES } from './views/user-data.ts';
import type { USER_DATA_LIST_MESSAGES } from './views/user-data-list.ts';
import type { PROFILE_MESSAGES } from './views/profile.ts';
import { STARTUP_MESSAGES } from './views/startup.ts';

export type { Lang };



/** The words in the entry chunk: the shell's, Trends' and the shared parts'. */
const entryWords = (lang: Lang) => ({
  ...BASE_MESSAGES[lang],
  ...COPY_LINK_MESSAGES[lang],
  ...IMPORT_REPORT_PAGE_MESSAGES[lang],
  ...USER_DATA_MESSAGES[lang],
  ...STARTUP_MESSAGES[lang],
  ...DATASET_MESSAGES[lang],
});

/** The words each view's chunk adds (types only here: the words themselves are not in the entry). */
type ViewWords = (typeof COMPARE_MESSAGES)['zh'] & (typeof EXPORT_MESSAGES)['zh'] & (typeof PROFILE_MESSAGES)['zh'] & (typeof COVERAGE_MESSAGES)['zh']
  & (typeof DATA_MESSAGES)['zh'] & (typeof IMPORT_MESSAGES)['zh'] & (typeof IMPORT_TABLE_MESSAGES)['zh'] & (typeof IMPORT_REPORT_MESSAGES)['zh']
  & (typeof USER_DATA_LIST_MESSAGES)['zh'];

export type Messages = ReturnType<typeof entryWords> & ViewWords;

/**
 * Typed as the whole catalog: a view's words are there by the time its components read them, since
 * its module adds them when it is evaluated (tests/features/view-messages.test.ts checks every view does).
 */
export const MESSAGES = { zh: entryWords('zh'), en: entryWords('en') } as unknown as Record<Lang, Messages>;

/** Adds a view's words to the catalog (called at the top level of the view's module). */
export function addViewMessages(...catalogs: ReadonlyArray<Readonly<Record<Lang, object>>>): void {
  for (const catalog of catalogs) {
    Object.assign(MESSAGES.zh, catalog.zh);
    Object.assign(MESSAGES.en, catalog.en);
  }
}

