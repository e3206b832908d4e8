/**
 * Paste or drop a report (我的数据): the text is read for prefills (place, year, title — or its
 * front matter), the pipeline's extractor runs on it in a worker, the preview lists every value
 * with its quote, the user drops wrong ones and saves the rest as a user dataset.
 */
import { keptCount } from '../../../core/user-data/dropped-with-dependents.ts';
import { useMemo, useState, type DragEvent } from 'react';
import { buildReportDataset, reportMetaFromForm, type ReportFormMeta } from '../../../core/user-data/build-report-dataset.ts';
import { MAX_YEAR, MIN_YEAR, PUBLISHER_KINDS, readReportInput } from '../../../core/user-data/report-input.ts';
import { userDatasetId } from '../../../core/user-data/types.ts';
import type { Coverage, ExtractionResult, PublisherKind } from '../../../core/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useDivisions } from '../../shared/user-data/divisions.ts';
import { MAX_FILE_BYTES, MAX_REPORT_CHARS } from '../../../core/user-data/decode-report-bytes.ts';
import { failureMessage } from './failure-message.ts';
import { ReportMessage, type Message } from './ReportMessage.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { fullPlaceName, RegionField } from './RegionField.tsx';
import { useExtractionWorker } from './use-extraction-worker.ts';
import { useSaveReport } from './use-save-report.ts';
import './report-import.css';

/** What an extraction ran on: a later change to any of it makes the preview stale. */
interface Extraction extends ExtractionResult {
  body: string;
  form: ReportFormMeta;
}

/** The user's edits of the prefilled fields; undefined = keep the prefill. */
interface Overrides {
  regionQuery?: string;
  year?: string;
  title?: string;
  publisher?: string;
  kind?: PublisherKind;
  coverage?: Coverage;
}

const randomSuffix = (): string => Math.random().toString(36).slice(2, 10);

export function ReportImport() {
  const { m } = useI18n();
  const divisions = useDivisions();
  const lookup = divisions.data ?? null;
  const worker = useExtractionWorker();
  const save = useSaveReport();
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; encoding: string } | null>(null);
  const [edits, setEdits] = useState<Overrides>({});
  const [extraction, setExtraction] = useState<Extraction | null>(null);
  const [dropped, setDropped] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<Message | null>(null);
  const [saving, setSaving] = useState(false);

  const tooLong = text.length > MAX_REPORT_CHARS;
  // A text over the cap is not read at all (the worker would refuse it too).
  const input = useMemo(() => readReportInput(tooLong ? '' : text, lookup), [text, tooLong, lookup]);
  const { prefill } = input;
  const regionQuery = edits.regionQuery ?? (prefill.region ? fullPlaceName(prefill.region) : '');
  const regionMatch = lookup && regionQuery.trim() !== '' ? lookup.match(regionQuery) : null;
  const region = regionMatch?.kind === 'match' ? regionMatch.region : null;
  const yearText = edits.year ?? (prefill.year === null ? '' : String(prefill.year));
  const year = /^\s*\d{4}\s*$/.test(yearText) ? Number(yearText) : NaN;
  const form: ReportFormMeta | null = region && year >= MIN_YEAR && year <= MAX_YEAR ? {
    region, year,
    title: edits.title ?? prefill.title,
    publisher: edits.publisher ?? prefill.publisher,
    publisher_kind: edits.kind ?? prefill.publisherKind ?? 'county-gov',
    coverage: edits.coverage ?? prefill.coverage ?? 'full',
    url: prefill.url,
    published: prefill.published,
  } : null;
  const stale = extraction !== null && (extraction.body !== input.body || !form || extraction.form.year !== form.year
    || extraction.form.publisher_kind !== form.publisher_kind || extraction.form.publisher !== form.publisher || extraction.form.title !== form.title);

  const edit = (patch: Overrides) => setEdits((current) => ({ ...current, ...patch }));
  const resetFor = (next: string, from: { name: string; encoding: string } | null) => {
    setText(next);
    setFile(from);
    setEdits({});
    setExtraction(null);
    setDropped(new Set());
  };

  async function readFile(chosen: File | undefined) {
    if (!chosen) return;
    if (chosen.size > MAX_FILE_BYTES) return setMessage({ state: 'error', text: failureMessage({ code: 'too-large', bytes: chosen.size, limit: MAX_FILE_BYTES }, m) });
    if (!/\.txt$/i.test(chosen.name) && chosen.type !== '' && !chosen.type.startsWith('text/')) return setMessage({ state: 'error', text: m.importReportNotText });
    setMessage(null);
    const response = await worker.decode(await chosen.arrayBuffer());
    if (!response) return setMessage({ state: 'warning', text: m.importReportCancelled });
    if (response.kind === 'decoded') {
      resetFor(response.text, { name: chosen.name, encoding: response.encoding });
      setMessage({ state: 'ok', text: m.importReportFileLoaded(chosen.name, response.encoding) });
    } else if (response.kind === 'decode-failed') setMessage({ state: 'error', text: `${chosen.name}: ${failureMessage(response.failure, m)}` });
    else setMessage({ state: 'error', text: m.importReportCrashed(response.kind === 'crashed' ? response.message : response.kind) });
  }

  async function extract() {
    if (text.trim() === '') return setMessage({ state: 'error', text: m.importReportEmpty });
    if (tooLong) return setMessage({ state: 'error', text: m.importReportTooLong(text.length, MAX_REPORT_CHARS) });
    if (input.errors.length > 0) {
      return setMessage({ state: 'error', text: m.importReportFrontMatterErrors(input.errors.map((e) => (e.field ? `${e.field}: ${e.reason}` : e.reason)).join('; ')) });
    }
    if (input.body.trim() === '') return setMessage({ state: 'error', text: m.importReportNoBody });
    if (!region) return setMessage({ state: 'error', text: regionMatch?.kind === 'unknown' ? m.importReportRegionUnknown : m.importReportNoRegion });
    if (!form) return setMessage({ state: 'error', text: m.importReportBadYear(MIN_YEAR, MAX_YEAR) });
    setMessage(null);
    const body = input.body;
    const response = await worker.extract({ meta: reportMetaFromForm('user-preview', form), body });
    if (!response) return setMessage({ state: 'warning', text: m.importReportCancelled });
    if (response.kind === 'decode-failed') return setMessage({ state: 'error', text: failureMessage(response.failure, m) });
    if (response.kind !== 'extracted') return setMessage({ state: 'error', text: m.importReportCrashed(response.kind === 'crashed' ? response.message : response.kind) });
    setExtraction({ ...response.result, body, form });
    setDropped(new Set());
    const found = response.result.observations.length;
    setMessage(found === 0
      ? { state: 'warning', text: m.importReportNothingFound(response.result.rejects.length) }
      : { state: 'ok', text: m.importReportFound(found, response.ms) });
  }

  async function saveDataset() {
    if (!extraction || stale || !form) return setMessage({ state: 'error', text: m.importReportStale });
    if (keptCount(extraction.observations, dropped) <= 0) return setMessage({ state: 'error', text: m.importReportAllDropped });
    const now = new Date();
    setSaving(true);
    setMessage({ state: 'progress', text: m.importReportSaving });
    try {
      const dataset = buildReportDataset({
        id: userDatasetId(now, randomSuffix()), importedAt: now.toISOString(), fileName: file?.name ?? '', encoding: file?.encoding ?? '',
        form, body: extraction.body, observations: extraction.observations, dropped,
      });
      await save(dataset);
      setMessage({ state: 'ok', text: m.importReportSaved(dataset.observations.length) });
      resetFor('', null);
    } catch (error) {
      setMessage({ state: 'error', text: m.importReportSaveFailed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setSaving(false);
    }
  }

  /** A text over the cap is not kept: a multi-megabyte line in the textarea alone slows the page down. */
  function onTextChange(value: string) {
    if (value.length > MAX_REPORT_CHARS) {
      resetFor('', null);
      setMessage({ state: 'error', text: m.importReportTooLong(value.length, MAX_REPORT_CHARS) });
      return;
    }
    setText(value);
    setFile(null);
  }

  const onDrop = (event: DragEvent) => {
    if (event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    void readFile(event.dataTransfer.files[0]);
  };
  const current: Message | null = tooLong
    ? { state: 'error', text: m.importReportTooLong(text.length, MAX_REPORT_CHARS) }
    : worker.task === 'extract' ? { state: 'progress', text: m.importReportRunning(worker.seconds) }
      : worker.task === 'decode' ? { state: 'progress', text: m.importReportDecoding }
        : stale ? { state: 'warning', text: m.importReportStale } : message;

  return (
    <div className="report-import">
      <p className="report-import-help">{m.importReportHelp}</p>
      <div className="report-import-source">
        <label htmlFor="report-import-text">{m.importReportTextLabel}</label>
        <textarea id="report-import-text" data-testid="report-text" value={text} rows={10} spellCheck={false}
          placeholder={m.importReportTextPlaceholder} onChange={(e) => onTextChange(e.target.value)}
          onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) e.preventDefault(); }} onDrop={onDrop} />
        <div className="report-import-source-foot">
          {/* The native input is visually hidden (its own words follow the browser's language, not the app's); the label is the button. */}
          <label className="report-import-file">
            <input type="file" className="report-import-file-input" data-testid="report-file" accept=".txt,text/plain" onChange={(e) => { void readFile(e.target.files?.[0]); e.target.value = ''; }} />
            {m.importReportFileLabel}
          </label>
          {text !== '' && <span className="note">{m.importReportChars(text.length)}{file ? ` · ${file.name} · ${file.encoding}` : ''}</span>}
          {input.hasFrontMatter && input.errors.length === 0 && <span className="note">{m.importReportFrontMatter}</span>}
        </div>
      </div>
      <div className="report-import-form">
        <RegionField lookup={lookup} query={regionQuery} match={regionMatch} region={region}
          fromText={edits.regionQuery === undefined && prefill.regionFrom === 'text'} onQuery={(q) => edit({ regionQuery: q })} />
        <div className="report-import-field">
          <label htmlFor="report-import-year">{m.importReportYearLabel}</label>
          <input id="report-import-year" data-testid="report-year" type="number" inputMode="numeric" min={MIN_YEAR} max={MAX_YEAR} value={yearText}
            onChange={(e) => edit({ year: e.target.value })} aria-invalid={yearText !== '' && !form && region !== null} />
        </div>
        <div className="report-import-field report-import-wide">
          <label htmlFor="report-import-title">{m.importReportTitleLabel}</label>
          <input id="report-import-title" data-testid="report-title" value={edits.title ?? prefill.title} onChange={(e) => edit({ title: e.target.value })} />
        </div>
        <div className="report-import-field">
          <label htmlFor="report-import-publisher">{m.importReportPublisherLabel}</label>
          <input id="report-import-publisher" value={edits.publisher ?? prefill.publisher} onChange={(e) => edit({ publisher: e.target.value })} />
        </div>
        <div className="report-import-field">
          <label htmlFor="report-import-kind">{m.importReportKindLabel}</label>
          <select id="report-import-kind" data-testid="report-publisher-kind" value={edits.kind ?? prefill.publisherKind ?? 'county-gov'}
            onChange={(e) => edit({ kind: e.target.value as PublisherKind })}>
            {PUBLISHER_KINDS.map((k) => <option key={k} value={k}>{m.importReportKinds[k]}</option>)}
          </select>
        </div>
        <div className="report-import-field">
          <label htmlFor="report-import-coverage">{m.importReportCoverageLabel}</label>
          <select id="report-import-coverage" value={edits.coverage ?? prefill.coverage ?? 'full'} onChange={(e) => edit({ coverage: e.target.value as Coverage })}>
            <option value="full">{m.importReportCoverageFull}</option>
            <option value="excerpt">{m.importReportCoverageExcerpt}</option>
          </select>
        </div>
      </div>
      <div className="report-import-actions">
        <button type="button" data-testid="report-extract" onClick={() => void extract()} disabled={worker.task !== null}>{m.importReportExtract}</button>
        {worker.task !== null && <button type="button" data-testid="report-cancel" onClick={worker.cancel}>{m.importReportCancel}</button>}
        {extraction && extraction.observations.length > 0 && (
          <button type="button" data-testid="report-save" onClick={() => void saveDataset()} disabled={saving || stale || worker.task !== null}>
            {saving ? m.importReportSaving : m.importReportSave}
          </button>
        )}
      </div>
      {current && <ReportMessage message={current} />}
      {extraction && (
        <ReportPreview body={extraction.body} observations={extraction.observations} rejects={extraction.rejects} dropped={dropped}
          onToggle={(i) => setDropped((d) => { const next = new Set(d); if (next.has(i)) next.delete(i); else next.add(i); return next; })} />
      )}
    </div>
  );
}
