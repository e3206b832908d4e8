/** The first rows of the file as decoded, so the user sees whether the Chinese came out right. Text only, capped. */
import { useI18n } from '../i18n/i18n.tsx';
import type { TableSummary } from './table-worker-protocol.ts';

/** Columns shown in the preview; a very wide file shows the rest as a count. */
const PREVIEW_COLUMNS = 30;

export function TablePreview({ table }: { table: TableSummary }) {
  const { m } = useI18n();
  const headers = table.headers.slice(0, PREVIEW_COLUMNS);
  const more = table.headers.length - headers.length;
  return (
    <div className="import-table-preview" data-testid="import-preview">
      <p className="import-table-caption">
        {m.importTablePreviewTitle(table.preview.length, table.rowCount)}
        {more > 0 ? ` · ${m.importTablePreviewMoreColumns(more)}` : ''}
      </p>
      <div className="import-table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{m.importTableRowHeader}</th>
              {headers.map((h, i) => <th scope="col" key={i}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {table.preview.map((row, r) => (
              <tr key={r}>
                <th scope="row">{table.previewRowNumbers[r] ?? r + 2}</th>
                {headers.map((_, c) => <td key={c}>{row[c] ?? ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
