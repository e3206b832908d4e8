/** The My-data view: the datasets kept in this browser, then the two ways to add one (a table, a report). */
import { ReportImport } from './report/ReportImport.tsx';
import { ReportBatchImport } from './report/batch/ReportBatchImport.tsx';
import { UserDatasetList } from './UserDatasetList.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { TableImport } from './TableImport.tsx';
import './import.css';
import { addViewMessages } from '../i18n/messages.ts';
import { IMPORT_MESSAGES } from '../i18n/views/import.ts';
import { USER_DATA_LIST_MESSAGES } from '../i18n/views/user-data-list.ts';
import { IMPORT_TABLE_MESSAGES } from '../i18n/views/import-table.ts';
import { IMPORT_REPORT_MESSAGES } from '../i18n/views/import-report.ts';

// This view's words arrive with its chunk, not in the entry (src/features/i18n/messages.ts).
addViewMessages(IMPORT_MESSAGES, IMPORT_TABLE_MESSAGES, IMPORT_REPORT_MESSAGES, USER_DATA_LIST_MESSAGES);

export default function ImportView() {
  const { m } = useI18n();
  return (
    <section className="import-view" data-testid="view-import">
      <h2>{m.importTitle}</h2>
      <p className="import-intro">{m.importIntro}</p>
      <section className="import-section" aria-labelledby="import-saved-title">
        <h3 id="import-saved-title">{m.importSavedTitle}</h3>
        <UserDatasetList />
      </section>
      <section className="import-section" aria-labelledby="import-table-title">
        <h3 id="import-table-title">{m.importTableTitle}</h3>
        <TableImport />
      </section>
      <section className="import-section" aria-labelledby="import-batch-title">
        <h3 id="import-batch-title">{m.batchTitle}</h3>
        <ReportBatchImport />
      </section>
      <section className="import-section" aria-labelledby="import-report-title">
        <h3 id="import-report-title">{m.importReportTitle}</h3>
        <ReportImport />
      </section>
    </section>
  );
}
