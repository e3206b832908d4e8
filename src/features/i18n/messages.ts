/**
 * The one message catalog: every word of the UI in Chinese (the default) and English.
 * Each view keeps its words in its own file under views/; they are merged here, and the
 * types make an English text missing for any Chinese key a compile error.
 */
import type { Lang } from '../../charts/format-value.ts';
import { BASE_MESSAGES } from './base-messages.ts';
import { COMPARE_MESSAGES } from './views/compare.ts';
import { COVERAGE_MESSAGES } from './views/coverage.ts';
import { DATA_MESSAGES } from './views/data.ts';
import { DATASET_MESSAGES } from './views/dataset.ts';
import { EXPORT_MESSAGES } from './views/export.ts';
import { IMPORT_MESSAGES } from './views/import.ts';
import { IMPORT_REPORT_MESSAGES } from './views/import-report.ts';
import { IMPORT_REPORT_PAGE_MESSAGES } from './views/import-report-page.ts';
import { IMPORT_TABLE_MESSAGES } from './views/import-table.ts';
import { USER_DATA_MESSAGES } from './views/user-data.ts';
import { PROFILE_MESSAGES } from './views/profile.ts';
import { STARTUP_MESSAGES } from './views/startup.ts';

export type { Lang };

const merge = (lang: Lang) => ({
  ...BASE_MESSAGES[lang],
  ...COMPARE_MESSAGES[lang],
  ...PROFILE_MESSAGES[lang],
  ...COVERAGE_MESSAGES[lang],
  ...DATA_MESSAGES[lang],
  ...EXPORT_MESSAGES[lang],
  ...IMPORT_MESSAGES[lang],
  ...IMPORT_TABLE_MESSAGES[lang],
  ...IMPORT_REPORT_MESSAGES[lang],
  ...IMPORT_REPORT_PAGE_MESSAGES[lang],
  ...USER_DATA_MESSAGES[lang],
  ...STARTUP_MESSAGES[lang],
  ...DATASET_MESSAGES[lang],
});

export type Messages = ReturnType<typeof merge>;

export const MESSAGES: Record<Lang, Messages> = { zh: merge('zh'), en: merge('en') };
