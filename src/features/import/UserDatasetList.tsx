/**
 * The datasets kept in this browser: file, kind, rows, places, indicators, years, encoding and
 * import date, each with Export CSV and Remove (after a confirmation). Everything shown is the
 * user's text, rendered by React as text (never as HTML).
 */
import { useState } from 'react';
import type { UserDatasetSummary } from '../../core/user-data/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { Messages } from '../i18n/messages.ts';
import { ErrorBox, Loading } from '../shared/status/Status.tsx';
import { UserStoreError } from '../shared/user-data/store.ts';
import { useUserData } from '../shared/user-data/use-user-data.ts';
import type { SkippedRecord } from '../shared/user-data/validate-record.ts';
import '../shared/user-data/user-data.css';

/** A store failure in the user's words (what happened, and that nothing saved was lost). */
export function StoreErrorText({ error }: { error: unknown }) {
  const { m } = useI18n();
  if (error instanceof UserStoreError) {
    return <div className="error" role="alert">{m.userDataStoreError[error.code]} <small>({error.message})</small></div>;
  }
  return <ErrorBox error={error} />;
}

/** A record's dataset and summary may both be unreadable: one line per record. */
const firstPerKey = (skipped: readonly SkippedRecord[]): SkippedRecord[] =>
  skipped.filter((s, i) => skipped.findIndex((t) => t.key === s.key) === i);

const formatDate = (iso: string, lang: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

/** One unreadable record: its key, why in the reader's words, and the library's own words as a detail. */
function SkippedLine({ skipped, m }: { skipped: SkippedRecord; m: Messages }) {
  const { reason } = skipped;
  const detail = 'detail' in reason && reason.detail ? reason.detail : null;
  return (
    <li data-kind={reason.kind}>
      <code>{skipped.key}</code>{m.userDataSkipSep}{m.userDataSkipReason(reason)}{detail !== null && <> <small lang="en">({detail})</small></>}
    </li>
  );
}

export function UserDatasetList() {
  const { m } = useI18n();
  const { summaries, ready, error, skipped, remove, exportCsv } = useUserData();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const run = async (id: string, action: () => Promise<void>) => {
    setBusy(id);
    setFailure(null);
    try {
      await action();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(null);
    }
  };

  if (!ready) return <Loading text={m.userDataLoading} />;
  return (
    <div className="user-data">
      {error !== null && <StoreErrorText error={error} />}
      {failure !== null && <StoreErrorText error={failure} />}
      {skipped.length > 0 && (
        <div className="user-data-skipped" role="status">
          {m.userDataSkipped(firstPerKey(skipped).length)}
          <ul>{firstPerKey(skipped).map((s) => <SkippedLine key={s.key} skipped={s} m={m} />)}</ul>
        </div>
      )}
      {summaries.length === 0
        ? <p className="user-data-empty" data-testid="user-datasets-empty">{m.userDataEmpty}</p>
        : (
          <ul className="user-data-list" data-testid="user-datasets" aria-label={m.userDataListLabel}>
            {summaries.map((s) => (
              <DatasetItem key={s.id} summary={s} m={m} busy={busy === s.id}
                onExport={() => void run(s.id, () => exportCsv(s.id))}
                onRemove={() => {
                  if (window.confirm(m.userDataRemoveConfirm(s.fileName || m.userDataPasted))) void run(s.id, () => remove(s.id));
                }} />
            ))}
          </ul>
        )}
    </div>
  );
}

interface ItemProps {
  summary: UserDatasetSummary;
  m: Messages;
  busy: boolean;
  onExport: () => void;
  onRemove: () => void;
}

function DatasetItem({ summary: s, m, busy, onExport, onRemove }: ItemProps) {
  const { lang } = useI18n();
  return (
    <li className="user-data-item" data-testid="user-dataset" data-dataset-id={s.id}>
      <div className="user-data-name">
        <span className="user-data-badge">{m.userDataMark}</span>
        <strong>{s.fileName || m.userDataPasted}</strong>
        <span className="user-data-kind">{m.userDataKind[s.kind]}</span>
      </div>
      <p className="user-data-facts">
        {[m.userDataRows(s.rowCount), m.userDataPlaces(s.regionCount), m.userDataIndicators(s.indicatorIds.length),
          m.userDataYears(s.years), s.encoding ? m.userDataEncoding(s.encoding) : '', m.userDataImported(formatDate(s.importedAt, lang))]
          .filter(Boolean).join(' · ')}
      </p>
      {s.indicatorIds.length > 0 && <p className="user-data-indicators" title={s.indicatorIds.join(', ')}>{s.indicatorIds.slice(0, 6).join(', ')}{s.indicatorIds.length > 6 ? ' …' : ''}</p>}
      <div className="user-data-actions">
        <button type="button" data-testid="user-dataset-export" disabled={busy} onClick={onExport}>{m.userDataExport}</button>
        <button type="button" data-testid="user-dataset-remove" className="user-data-remove" disabled={busy} onClick={onRemove}>
          {busy ? m.userDataWorking : m.userDataRemove}
        </button>
      </div>
    </li>
  );
}
