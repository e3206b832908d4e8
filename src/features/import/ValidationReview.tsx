/** The result of the check: how many figures are valid, the rejects (first 200 shown, all downloadable). */
import { REJECT_COLUMNS, rejectRows } from '../../core/user-data/build-table-dataset.ts';
import { toCsv } from '../../core/csv/to-csv.ts';
import type { TableReject } from '../../core/user-data/validate-rows.ts';
import { downloadText } from '../shared/export/download.ts';
import { useI18n } from '../i18n/i18n.tsx';

const SHOWN = 200;

export function ValidationReview({ fileName, rejects }: { fileName: string; rejects: TableReject[] }) {
  const { m } = useI18n();
  if (rejects.length === 0) return null;
  const reason = (r: TableReject) => m.importTableReason(r.code, r.detail);
  const download = () => {
    const labels = { row: m.importTableRejectRow, column: m.importTableRejectColumn, value: m.importTableRejectValue, reason: m.importTableRejectReason };
    const csv = toCsv(REJECT_COLUMNS, rejectRows(rejects, reason), { labels });
    downloadText(csv, `${fileName.replace(/\.[^.]*$/, '')}-rejects.csv`, 'text/csv;charset=utf-8');
  };
  return (
    <div className="import-table-rejects">
      <div className="import-table-rejects-head">
        <h4>{m.importTableRejectsTitle(Math.min(SHOWN, rejects.length), rejects.length)}</h4>
        <button type="button" data-testid="download-rejects" onClick={download}>{m.importTableDownloadRejects}</button>
      </div>
      <div className="import-table-scroll">
        <table data-testid="import-rejects">
          <thead>
            <tr>
              <th scope="col">{m.importTableRejectRow}</th><th scope="col">{m.importTableRejectColumn}</th>
              <th scope="col">{m.importTableRejectValue}</th><th scope="col">{m.importTableRejectReason}</th>
            </tr>
          </thead>
          <tbody>
            {rejects.slice(0, SHOWN).map((r, i) => (
              <tr key={i}><td>{r.row}</td><td>{r.column}</td><td>{r.value}</td><td className="import-table-reason">{reason(r)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
