/**
 * Reports as researchers have them, many at once: drop or choose files or a folder; each
 * is converted and extracted in a worker, with its status; the user reviews each and saves all.
 */
import { useState, type DragEvent } from 'react';
import { joinSentences } from '../../../../core/text/join-sentences.ts';
import { useBatchMessages } from './use-batch-messages.ts';
import { useDivisions } from '../../../shared/user-data/divisions.ts';
import { ReportMessage, type Message } from '../ReportMessage.tsx';
import { blocker } from './batch-item.ts';
import { BatchItemCard } from './BatchItemCard.tsx';
import { BatchPlaceForMany } from './BatchPlaceForMany.tsx';
import { useReportBatch } from './use-report-batch.ts';
import './report-batch.css';

const ACCEPT = '.pdf,.docx,.doc,.wps,.ofd,.html,.htm,.shtml,.txt,application/pdf,text/html,text/plain';

/** Every file of a dropped folder, read through the entries API (a dropped folder is not in `files`). */
async function droppedFiles(event: DragEvent): Promise<File[]> {
  const entries = [...event.dataTransfer.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (!entries.some((e) => e.isDirectory)) return [...event.dataTransfer.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}

export function ReportBatchImport() {
  const { lang, m } = useBatchMessages();
  const lookup = useDivisions().data ?? null;
  const batch = useReportBatch();
  const [message, setMessage] = useState<Message | null>(null);
  const [over, setOver] = useState(false);
  const { items } = batch;
  const saveable = items.filter((item) => blocker(item) === null).length;
  const count = (statuses: string[]) => items.filter((item) => statuses.includes(item.status)).length;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void droppedFiles(event).then((files) => { if (files.length > 0) batch.add(files); });
  };

  async function saveAll() {
    setMessage({ state: 'progress', text: m.batchSaving(0, saveable) });
    const { saved, failed } = await batch.saveAll();
    setMessage(failed.length > 0
      ? { state: 'error', text: joinSentences(lang, [m.batchSaved(saved), ...failed.map((f) => m.batchSaveFailed(f.name, f.reason))]) }
      : { state: 'ok', text: m.batchSaved(saved) });
  }

  return (
    <div className="report-batch" data-testid="report-batch">
      <p className="report-import-help">{m.batchHelp}</p>
      <div className={over ? 'report-batch-drop report-batch-over' : 'report-batch-drop'} data-testid="report-batch-drop"
        onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setOver(true); } }} onDragLeave={() => setOver(false)} onDrop={onDrop}>
        {/* The native inputs are visually hidden (their words follow the browser's language, not the app's); the labels are the buttons. */}
        <label className="report-batch-choose">
          <input type="file" className="report-batch-file-input" multiple accept={ACCEPT} data-testid="report-batch-files" onChange={(e) => { batch.add([...(e.target.files ?? [])]); e.target.value = ''; }} />
          {m.batchChooseFiles}
        </label>
        <label className="report-batch-choose report-batch-choose-secondary">
          <input type="file" className="report-batch-file-input" multiple data-testid="report-batch-folder" {...{ webkitdirectory: '' }} onChange={(e) => { batch.add([...(e.target.files ?? [])]); e.target.value = ''; }} />
          {m.batchChooseFolder}
        </label>
        <span className="report-batch-drop-hint">{m.batchDrop}</span>
      </div>
      {items.length > 0 && (
        <div className="report-batch-bar">
          <span data-testid="report-batch-summary">
            {m.batchSummary(items.length, count(['ready', 'extracting']), count(['queued', 'converting']), count(['refused', 'crashed']), count(['saved']))}
          </span>
          <button type="button" data-testid="report-batch-save" disabled={saveable === 0 || batch.saving !== null} onClick={() => void saveAll()}>
            {batch.saving ? m.batchSaving(batch.saving.done, batch.saving.total) : m.batchSaveAll(saveable)}
          </button>
          <button type="button" onClick={batch.clearFinished}>{m.batchClearFinished}</button>
        </div>
      )}
      <BatchPlaceForMany lookup={lookup} items={items} onApply={(keys, region) => { for (const key of keys) batch.update(key, { region }); }} />
      {message && <ReportMessage message={message} />}
      <ol className="report-batch-items">
        {items.map((item) => (
          <BatchItemCard key={item.key} item={item} lookup={lookup} onChange={(patch) => batch.update(item.key, patch)} onRemove={() => batch.remove(item.key)} />
        ))}
      </ol>
    </div>
  );
}
