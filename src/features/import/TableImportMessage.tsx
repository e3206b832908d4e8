/** The one message line of the table import (test hook `import-message`, `data-state` error|warning|ok). */
import { useI18n } from '../i18n/i18n.tsx';
import type { ImportNotice, ImportStep } from './use-table-import.ts';

type State = 'error' | 'warning' | 'ok';

export function TableImportMessage({ step, notice }: { step: ImportStep; notice: ImportNotice }) {
  const { m } = useI18n();
  let state: State = 'ok';
  let lines: string[] = [];
  if (notice?.kind === 'error') {
    state = 'error';
    const { code, detail } = notice;
    lines = [m.importTableError(code, detail, notice.encoding ?? '')];
  } else if (notice?.kind === 'cancelled') {
    state = 'warning';
    lines = [m.importTableCancelled];
  } else if (step.kind === 'working') {
    lines = [m.importTableReading(step.fileName)];
  } else if (step.kind === 'mapping') {
    lines = [m.importTableRead(step.table.rowCount, step.table.headers.length)];
    if (step.table.brokenRows > 0) lines.push(m.importTableWarnBroken(step.table.brokenRows));
    if (step.table.cutCells > 0) lines.push(m.importTableWarnCut(step.table.cutCells));
    if (step.table.encoding !== '' && step.table.confidence < 60) lines.push(m.importTableWarnGuess(step.table.encoding));
    if (lines.length > 1) state = 'warning';
  } else if (step.kind === 'review') {
    const { count, rejects, blankCells } = step.validated;
    lines = [m.importTableSummary(count, rejects.length, blankCells)];
    if (count === 0) lines.push(m.importTableNothingValid);
    state = rejects.length > 0 || count === 0 ? 'warning' : 'ok';
  } else if (step.kind === 'saved') {
    lines = [m.importTableSaved(step.count, step.fileName)];
  }
  if (lines.length === 0) return null;
  return (
    <div className={`import-table-message import-table-${state}`} data-testid="import-message" data-state={state}
      role={state === 'error' ? 'alert' : 'status'}>
      {lines.map((line, i) => <p key={i}>{line}</p>)}
    </div>
  );
}
