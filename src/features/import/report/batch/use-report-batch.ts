/**
 * The batch import's state: files go through the conversion worker one at a time (each with its
 * status), the user reviews each report (place, year, title, publisher, values kept), and every
 * report that can be saved is saved as its own dataset. A text already stored, or twice in the
 * batch, is named as a duplicate and not saved again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { textSha256 } from '../../../../core/convert/sha256.ts';
import { buildReportDataset, reportMetaFromForm } from '../../../../core/user-data/build-report-dataset.ts';
import { userDatasetId } from '../../../../core/user-data/types.ts';
import { divisionsText } from '../../../shared/user-data/divisions.ts';
import { userDataStore } from '../../../shared/user-data/user-data-state.ts';
import { useUserData } from '../../../shared/user-data/use-user-data.ts';
import { BatchWorkerClient } from './batch-worker-client.ts';
import { blocker, formOf, prefilled, yearOf, type BatchItem } from './batch-item.ts';

const randomSuffix = (): string => Math.random().toString(36).slice(2, 10);

/** The text hash of every stored report, with the file it came from (reports stored before conversion kept no hash: hashed from the body). */
async function storedHashes(): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  // Report datasets only: a stored table can hold a million rows and has no text.
  const store = userDataStore();
  const summaries = await store.listSummaries().catch(() => ({ values: [] }));
  const datasets = await Promise.all(summaries.values.filter((s) => s.kind === 'report').map((s) => store.getMeta(s.id).catch(() => null)));
  for (const dataset of datasets) {
    if (!dataset) continue;
    for (const report of dataset.reports) {
      if (report.body === '') continue;
      hashes.set(report.source?.textSha256 ?? textSha256(report.body), dataset.fileName || report.meta.title || dataset.id);
    }
  }
  return hashes;
}

export type BatchPatch = Partial<Pick<BatchItem, 'region' | 'year' | 'title' | 'publisher' | 'publisherKind' | 'dropped' | 'excluded'>>;

export function useReportBatch() {
  const { save } = useUserData();
  const [items, setItems] = useState<BatchItem[]>([]);
  const [saving, setSaving] = useState<{ done: number; total: number } | null>(null);
  const client = useRef<BatchWorkerClient | null>(null);
  const files = useRef(new Map<string, File>());
  const running = useRef(false);
  const itemsRef = useRef(items);
  itemsRef.current = items;

  useEffect(() => () => client.current?.dispose(), []);

  const patchItem = useCallback((key: string, change: (item: BatchItem) => BatchItem) => {
    setItems((current) => current.map((item) => (item.key === key ? change(item) : item)));
  }, []);

  /** Converts queued files one after another; a second call while it runs does nothing (the loop picks new files up). */
  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      if (!client.current) {
        client.current = new BatchWorkerClient();
        client.current.setDivisions(await divisionsText().catch(() => ''));
      }
      const known = await storedHashes();
      for (;;) {
        const next = itemsRef.current.find((item) => item.status === 'queued');
        if (!next) break;
        const file = files.current.get(next.key);
        patchItem(next.key, (item) => ({ ...item, status: 'converting' }));
        itemsRef.current = itemsRef.current.map((item) => (item.key === next.key ? { ...item, status: 'converting' } : item));
        const bytes = file ? await file.arrayBuffer() : new ArrayBuffer(0);
        const response = await client.current.run({ kind: 'convert', name: next.name, bytes }, [bytes]);
        files.current.delete(next.key);
        if (response.kind === 'converted') {
          const hash = response.converted.textSha256;
          const earlier = itemsRef.current.find((item) => item.key !== next.key && item.converted?.textSha256 === hash);
          const duplicateOf = known.get(hash) ?? earlier?.name;
          const ready = { ...prefilled(next, response.converted, response.metadata, response.extraction, response.ms), duplicateOf };
          itemsRef.current = itemsRef.current.map((item) => (item.key === next.key ? ready : item));
          patchItem(next.key, () => ready);
        } else {
          const failed: BatchItem = response.kind === 'refused' ? { ...next, status: 'refused', problem: response.problem }
            : { ...next, status: 'crashed', crash: response.kind === 'crashed' ? response.message : response.kind };
          itemsRef.current = itemsRef.current.map((item) => (item.key === next.key ? failed : item));
          patchItem(next.key, () => failed);
        }
      }
    } finally {
      running.current = false;
    }
  }, [patchItem]);

  const add = useCallback((chosen: readonly File[]) => {
    const fresh: BatchItem[] = chosen.map((file) => {
      const key = `${file.name}-${file.size}-${randomSuffix()}`;
      files.current.set(key, file);
      return {
        key, name: file.webkitRelativePath || file.name, size: file.size, status: 'queued', region: null, year: '', title: '', publisher: '',
        publisherKind: 'county-gov', dropped: new Set(), excluded: false,
      };
    });
    itemsRef.current = [...itemsRef.current, ...fresh];
    setItems(itemsRef.current);
    void pump();
  }, [pump]);

  /** The user's edit; a new valid year runs the extractor again (which figures are the report year's depends on it). */
  const update = useCallback((key: string, patch: BatchPatch) => {
    const before = itemsRef.current.find((item) => item.key === key);
    if (!before) return;
    const after: BatchItem = { ...before, ...patch };
    itemsRef.current = itemsRef.current.map((item) => (item.key === key ? after : item));
    setItems(itemsRef.current);
    const year = yearOf(after);
    if (after.status === 'ready' && after.converted && year !== null && year !== after.extractedYear && client.current) {
      const meta = reportMetaFromForm('user-preview', formOf(after) ?? { region: { region_code: '000000', region_name: '' }, year, title: after.title, publisher: after.publisher, publisher_kind: after.publisherKind, coverage: 'full', url: '', published: '' });
      patchItem(key, (item) => ({ ...item, status: 'extracting' }));
      void client.current.run({ kind: 'extract', meta: { ...meta, year }, body: after.converted.body }).then((response) => {
        patchItem(key, (item) => (response.kind === 'extracted'
          ? { ...item, status: 'ready', extraction: response.extraction, extractedYear: year, dropped: new Set() }
          : { ...item, status: 'ready' }));
      });
    }
  }, [patchItem]);

  const remove = useCallback((key: string) => {
    files.current.delete(key);
    itemsRef.current = itemsRef.current.filter((item) => item.key !== key);
    setItems(itemsRef.current);
  }, []);

  /** Saves every report that can be saved, each as its own dataset, one after another. */
  const saveAll = useCallback(async (): Promise<{ saved: number; failed: Array<{ name: string; reason: string }> }> => {
    const ready = itemsRef.current.filter((item) => blocker(item) === null);
    const failed: Array<{ name: string; reason: string }> = [];
    let saved = 0;
    setSaving({ done: 0, total: ready.length });
    for (const item of ready) {
      const form = formOf(item)!;
      const converted = item.converted!;
      const now = new Date();
      try {
        const dataset = buildReportDataset({
          id: userDatasetId(now, randomSuffix()), importedAt: now.toISOString(), fileName: item.name, encoding: converted.encoding,
          form, body: converted.body, observations: item.extraction!.observations, dropped: item.dropped,
        });
        dataset.reports[0]!.source = {
          fileName: converted.source.name, bytes: converted.source.bytes, sha256: converted.source.sha256, textSha256: converted.textSha256,
          format: converted.kind, ...(converted.pageStarts ? { pageStarts: converted.pageStarts } : {}),
        };
        await save(dataset);
        saved += 1;
        patchItem(item.key, (current) => ({ ...current, status: 'saved' }));
      } catch (error) {
        failed.push({ name: item.name, reason: error instanceof Error ? error.message : String(error) });
      }
      setSaving({ done: saved + failed.length, total: ready.length });
    }
    setSaving(null);
    return { saved, failed };
  }, [save, patchItem]);

  const clearFinished = useCallback(() => {
    itemsRef.current = itemsRef.current.filter((item) => item.status !== 'saved' && item.status !== 'refused' && item.status !== 'crashed');
    setItems(itemsRef.current);
  }, []);

  return { items, saving, add, update, remove, saveAll, clearFinished };
}
