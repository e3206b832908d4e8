/** The My-data view: the datasets kept in this browser, then the two ways to add one (a table, a report). */
import { ReportImport } from './report/ReportImport.tsx';
import { UserDatasetList } from './UserDatasetList.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { TableImport } from './TableImport.tsx';
import './import.css';

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
      <section className="import-section" aria-labelledby="import-report-title">
        <h3 id="import-report-title">{m.importReportTitle}</h3>
        <ReportImport />
      </section>
    </section>
  );
}
