import { IMPORT_REPORT_BATCH_MESSAGES } from '../../../i18n/views/import-report-batch.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The page's words plus the batch import's own (loaded with the import view only). */
export function useBatchMessages() {
  const { lang, m } = useI18n();
  return { lang, m: { ...m, ...IMPORT_REPORT_BATCH_MESSAGES[lang] } };
}
