/**
 * One file of the batch: its status (converting, refused with the reason, duplicate, saved), and
 * once read, its place, year, title and publisher to confirm and its figures to keep or drop.
 */
import { keptCount } from '../../../../core/user-data/dropped-with-dependents.ts';
import { pageOfOffset } from '../../../../core/convert/pdf-body.ts';
import type { RegionLookup } from '../../../../core/regions/region-lookup.ts';
import type { PublisherKind } from '../../../../core/types.ts';
import { PUBLISHER_KINDS } from '../../../../core/user-data/report-input.ts';
import { useBatchMessages } from './use-batch-messages.ts';
import { ReportPreview } from '../ReportPreview.tsx';
import { blocker, type BatchItem } from './batch-item.ts';
import { BatchPlaceField } from './BatchPlaceField.tsx';
import type { BatchPatch } from './use-report-batch.ts';

interface Props {
  item: BatchItem;
  lookup: RegionLookup | null;
  onChange(patch: BatchPatch): void;
  onRemove(): void;
}

const kib = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function BatchItemCard({ item, lookup, onChange, onRemove }: Props) {
  const { m } = useBatchMessages();
  const why = blocker(item);
  const observations = item.extraction?.observations ?? [];
  const pages = item.converted?.pageStarts;
  const reviewable = (item.status === 'ready' || item.status === 'extracting') && item.converted;
  return (
    <li className={`report-batch-item report-batch-${item.status}`} data-testid="batch-item" data-name={item.name} data-status={item.status}
      data-blocker={why ?? ''} data-duplicate={item.duplicateOf ? 'true' : 'false'}>
      <div className="report-batch-head">
        <strong className="report-batch-name">{item.name}</strong>
        <span className="note">{kib(item.size)}{item.converted ? ` · ${item.converted.kind.toUpperCase()} · ${item.converted.encoding}` : ''}{pages ? ` · ${m.batchPages(pages.length)}` : ''}</span>
        <span className="report-batch-status" data-testid="batch-status">{m.batchStatus[item.status]}</span>
        {item.status !== 'converting' && item.status !== 'saved' && <button type="button" className="report-batch-remove" onClick={onRemove}>{m.batchRemove}</button>}
      </div>
      {item.status === 'refused' && item.problem && <p className="report-import-invalid" data-testid="batch-problem">{item.name}: {m.batchProblem(item.problem)}</p>}
      {item.status === 'crashed' && <p className="report-import-invalid" data-testid="batch-problem">{item.name}: {m.batchCrashed(item.crash ?? '')}</p>}
      {item.duplicateOf && <p className="badge-warn" data-testid="batch-duplicate">{m.batchDuplicate(item.duplicateOf)}</p>}
      {reviewable && !item.duplicateOf && (
        <>
          {item.ms !== undefined && <p className="note">{m.batchFound(observations.length, item.ms)}</p>}
          <div className="report-batch-fields">
            <BatchPlaceField lookup={lookup} region={item.region} candidates={item.metadata?.candidates ?? []} onChoose={(region) => onChange({ region })} />
            <label className="report-batch-field">
              {m.importReportYearLabel}
              <input type="number" data-testid="batch-year" inputMode="numeric" value={item.year} onChange={(e) => onChange({ year: e.target.value })} />
            </label>
            <label className="report-batch-field report-batch-wide">
              {m.importReportTitleLabel}
              <input data-testid="batch-title" value={item.title} onChange={(e) => onChange({ title: e.target.value })} />
            </label>
            <label className="report-batch-field">
              {m.importReportPublisherLabel}
              <input data-testid="batch-publisher" value={item.publisher} onChange={(e) => onChange({ publisher: e.target.value })} />
            </label>
            <label className="report-batch-field">
              {m.importReportKindLabel}
              <select value={item.publisherKind} onChange={(e) => onChange({ publisherKind: e.target.value as PublisherKind })}>
                {PUBLISHER_KINDS.map((k) => <option key={k} value={k}>{m.importReportKinds[k]}</option>)}
              </select>
            </label>
            <label className="report-batch-exclude">
              <input type="checkbox" data-testid="batch-exclude" checked={item.excluded} onChange={(e) => onChange({ excluded: e.target.checked })} />
              {m.batchExclude}
            </label>
          </div>
          {observations.length > 0 && (
            <details className="report-batch-values">
              <summary>{m.batchReviewValues(keptCount(observations, item.dropped), observations.length)}</summary>
              <ReportPreview body={item.converted!.body} observations={observations} rejects={item.extraction?.rejects ?? []} dropped={item.dropped}
                pageOf={pages ? (offset) => pageOfOffset(pages, offset) : undefined}
                onToggle={(i) => { const next = new Set(item.dropped); if (next.has(i)) next.delete(i); else next.add(i); onChange({ dropped: next }); }} />
            </details>
          )}
        </>
      )}
      {why && why !== 'not-ready' && why !== 'duplicate' && <p className="report-batch-blocker" data-testid="batch-blocker">{m.batchBlocker[why]}</p>}
    </li>
  );
}
