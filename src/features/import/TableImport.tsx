/**
 * Uploading a table (我的数据): choose or drop a CSV, Excel or Parquet file (a workbook with several sheets: choose one) → progress → preview with the
 * detected encoding (and a way to override it) → column mapping → check → rejects and confirm.
 * Everything from the file reaches the page as React text, never as HTML.
 */
import { useState, type DragEvent } from 'react';
import { TABLE_ENCODINGS, type TableEncoding } from '../../core/user-data/decode.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useUserData } from '../shared/user-data/use-user-data.ts';
import { MappingForm } from './MappingForm.tsx';
import { TablePreview } from './TablePreview.tsx';
import { TableImportMessage } from './TableImportMessage.tsx';
import { useTableImport } from './use-table-import.ts';
import { ValidationReview } from './ValidationReview.tsx';
import './import-table.css';

export function TableImport() {
  const { m } = useI18n();
  const { adopt } = useUserData();
  const flow = useTableImport(adopt);
  const { step, notice } = flow;
  const [dragging, setDragging] = useState(false);
  const busy = step.kind === 'working' || (step.kind === 'review' && step.saving);
  const table = step.kind === 'mapping' || step.kind === 'review' ? step.table : step.kind === 'working' ? step.table : null;
  const showEncoding = (table?.format === 'csv' && step.kind !== 'working') || (notice?.kind === 'error' && notice.code === 'decode');

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) flow.chooseFile(file);
  };

  return (
    <div className="import-table">
      <div className={`import-table-drop${dragging ? ' import-table-dragging' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop}>
        {/* The native input is visually hidden (its own words follow the browser's language, not the app's); the label is the button. */}
        <label className={`import-table-choose${busy ? ' import-table-choose-busy' : ''}`}>
          <input type="file" className="import-table-file-input" data-testid="import-file" accept=".csv,.tsv,.txt,.parquet,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={busy}
            onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) flow.chooseFile(f); }} />
          {m.importTableChoose}
        </label>
        <span className="import-table-drop-hint">{m.importTableDrop}</span>
        <p className="import-table-hint">{m.importTableHint}</p>
      </div>

      <TableImportMessage step={step} notice={notice} />

      {step.kind === 'working' && (
        <div className="import-table-progress">
          <label>
            <span>{m.importTablePhase[step.phase]}</span>
            <progress data-testid="import-progress" max={1} value={step.fraction} aria-label={m.importTableProgressLabel} />
            <span className="import-table-muted">{Math.round(step.fraction * 100)}%</span>
          </label>
          <button type="button" data-testid="import-cancel" onClick={flow.cancel}>{m.importTableCancel}</button>
        </div>
      )}

      {showEncoding && (
        <div className="import-table-encoding">
          <label>
            <span>{m.importTableEncoding}</span>
            <select data-testid="import-encoding" value={notice?.kind === 'error' && notice.encoding ? notice.encoding : table?.encoding ?? ''}
              onChange={(e) => flow.reread(e.target.value as TableEncoding)}>
              {TABLE_ENCODINGS.map((enc) => <option key={enc} value={enc}>{enc}</option>)}
            </select>
          </label>
          {table && table.encoding !== '' && <span className="import-table-muted">{m.importTableEncodingAuto(table.encoding, table.confidence)}</span>}
          <span className="import-table-muted">{m.importTableEncodingHelp}</span>
        </div>
      )}
      {table?.format === 'parquet' && step.kind !== 'working' && <p className="import-table-muted">{m.importTableEncoding}: {m.importTableEncodingParquet}</p>}
      {table && table.sheets.length > 1 && step.kind === 'mapping' && (
        <label className="import-table-sheet">
          <span>{m.importTableSheet}</span>
          <select data-testid="import-sheet" value={table.sheet} onChange={(e) => flow.chooseSheet(Number(e.target.value))}>
            {table.sheets.map((s, i) => <option key={i} value={i} disabled={s.empty}>{s.name}{s.empty ? ` ${m.importTableSheetEmpty}` : ''}</option>)}
          </select>
        </label>
      )}

      {table && step.kind !== 'working' && <TablePreview table={table} />}

      {step.kind === 'mapping' && (
        <MappingForm headers={step.table.headers} mapping={step.mapping} indicatorCells={step.indicatorCells} onChange={flow.setMapping}
          onNext={flow.validate} onCancel={flow.cancel} />
      )}

      {step.kind === 'review' && (
        <div className="import-table-review">
          <ValidationReview fileName={step.table.fileName} rejects={step.validated.rejects} />
          {step.saving && (
            <div className="import-table-progress">
              <label>
                <span>{m.importTableSaveProgress}</span>
                <progress data-testid="import-save-progress" max={1} value={step.saveFraction} aria-label={m.importTableSaveProgress} />
                <span className="import-table-muted">{Math.round(step.saveFraction * 100)}%</span>
              </label>
            </div>
          )}
          <div className="import-table-actions">
            <button type="button" className="import-table-primary" data-testid="import-confirm"
              disabled={step.saving || step.validated.count === 0} onClick={() => void flow.confirm()}>
              {step.saving ? m.importTableSaving : m.importTableConfirm(step.validated.count)}
            </button>
            <button type="button" onClick={flow.back} disabled={step.saving}>{m.importTableBack}</button>
            <button type="button" data-testid="import-cancel" onClick={flow.cancel} disabled={step.saving}>{m.importTableCancel}</button>
          </div>
        </div>
      )}
    </div>
  );
}
