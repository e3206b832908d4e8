/**
 * The table import's steps (choose → read → map → validate → review → save), driving the worker.
 * A new file, another encoding or Cancel terminates the running worker: nothing half-read lingers,
 * and nothing is stored until the user confirms (the store's save is atomic). The checked rows stay
 * in the worker: on confirm it writes them into the store (progress per batch), and the page only
 * loads the stored dataset into DuckDB (`adopt`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TableEncoding } from '../../core/user-data/decode.ts';
import { mappingProblems, suggestIndicatorValues, type TableMapping } from '../../core/user-data/table-shape.ts';
import { userDatasetId } from '../../core/user-data/types.ts';
import type { TableReject } from '../../core/user-data/validate-rows.ts';
import { divisionsText } from '../shared/user-data/divisions.ts';
import type { DistinctCells, ReadErrorCode, TableSummary, WorkerRequest, WorkerResponse } from './table-worker-protocol.ts';

export interface Validated {
  datasetId: string;
  /** How many rows passed the check (the rows themselves stay in the worker). */
  count: number;
  rejects: TableReject[];
  blankCells: number;
}

export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'working'; fileName: string; phase: 'read' | 'parse' | 'validate'; fraction: number; table: TableSummary | null; mapping: TableMapping | null;
      indicatorCells: DistinctCells | null }
  | { kind: 'mapping'; table: TableSummary; mapping: TableMapping; indicatorCells: DistinctCells | null }
  | { kind: 'review'; table: TableSummary; mapping: TableMapping; indicatorCells: DistinctCells | null; validated: Validated; saving: boolean;
      /** While saving: how far the worker has written the rows (0–1). */
      saveFraction: number }
  | { kind: 'saved'; fileName: string; count: number };

/** What the message line says; worded by the component so a language switch rewords it. */
export type ImportNotice =
  | { kind: 'error'; code: ReadErrorCode | 'save'; detail: string; encoding?: TableEncoding }
  | { kind: 'cancelled' }
  | null;

/** Years a figure may refer to: the reports start in the 2000s; nothing can refer to a year not yet begun. */
const MIN_YEAR = 1990;

const randomSuffix = (): string => {
  const bytes = new Uint8Array(5);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(36)).join('').slice(0, 8);
};

/** How the page hears the worker's answer to a save. */
type SaveOutcome = { ok: true; count: number } | { ok: false; detail: string };

export function useTableImport(adopt: (datasetId: string) => Promise<void>) {
  const [step, setStep] = useState<ImportStep>({ kind: 'idle' });
  const [notice, setNotice] = useState<ImportNotice>(null);
  const worker = useRef<Worker | null>(null);
  const file = useRef<File | null>(null);
  const stepRef = useRef(step);
  stepRef.current = step;
  const onSaved = useRef<((outcome: SaveOutcome) => void) | null>(null);

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  const listen = useCallback((w: Worker, onValidated?: (v: Omit<Validated, 'datasetId'>) => void) => {
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        const { phase, fraction } = message;
        setStep((s) => (s.kind === 'working' && phase !== 'save' ? { ...s, phase, fraction }
          : s.kind === 'review' && s.saving && phase === 'save' ? { ...s, saveFraction: fraction } : s));
      } else if (message.type === 'saved') {
        onSaved.current?.({ ok: true, count: message.count });
      } else if (message.type === 'save-failed') {
        onSaved.current?.({ ok: false, detail: message.detail });
      } else if (message.type === 'table') {
        setNotice(null);
        setStep({ kind: 'mapping', table: message.table, mapping: message.table.suggested, indicatorCells: message.table.indicatorCells });
      } else if (message.type === 'distinct') {
        // The user chose another indicator column: list its cells, prefilling only exact names.
        setStep((s) => (s.kind === 'mapping' && s.mapping.indicator === message.distinct.column
          ? { ...s, indicatorCells: message.distinct, mapping: { ...s.mapping, indicatorValues: suggestIndicatorValues(message.distinct.cells.map((c) => c.text)) } }
          : s));
      } else if (message.type === 'validated') {
        onValidated?.(message);
      } else {
        setNotice({ kind: 'error', code: message.code, detail: message.detail, encoding: message.encoding });
        // A failed read leaves nothing to map; a failed check (or sheet) goes back to the mapping.
        setStep((s) => (s.kind === 'working' && s.table ? { kind: 'mapping', table: s.table, mapping: s.mapping ?? s.table.suggested, indicatorCells: s.indicatorCells }
          : s.kind === 'mapping' ? s : { kind: 'idle' }));
      }
    };
    w.onerror = (event) => {
      event.preventDefault();
      if (onSaved.current) { onSaved.current({ ok: false, detail: event.message || 'worker failed' }); return; }
      setNotice({ kind: 'error', code: 'internal', detail: event.message || 'worker failed' });
      setStep({ kind: 'idle' });
    };
  }, []);

  const read = useCallback((chosen: File, encoding: TableEncoding | null) => {
    stop();
    file.current = chosen;
    setNotice(null);
    setStep({ kind: 'working', fileName: chosen.name, phase: 'read', fraction: 0, table: null, mapping: null, indicatorCells: null });
    const w = new Worker(new URL('./parse-table.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    listen(w);
    w.postMessage({ type: 'read', file: chosen, encoding } satisfies WorkerRequest);
  }, [listen, stop]);

  const chooseFile = useCallback((chosen: File) => read(chosen, null), [read]);
  const reread = useCallback((encoding: TableEncoding) => { if (file.current) read(file.current, encoding); }, [read]);

  const setMapping = useCallback((mapping: TableMapping) => {
    const current = stepRef.current;
    if (current.kind !== 'mapping') return;
    const column = mapping.format === 'long' ? mapping.indicator : null;
    const listed = current.indicatorCells?.column ?? null;
    setStep({ ...current, mapping, indicatorCells: column === listed ? current.indicatorCells : null });
    if (column !== null && column !== listed) worker.current?.postMessage({ type: 'distinct', column } satisfies WorkerRequest);
  }, []);

  const chooseSheet = useCallback((index: number) => {
    const current = stepRef.current;
    if (current.kind !== 'mapping' || !worker.current) return;
    worker.current.postMessage({ type: 'sheet', index } satisfies WorkerRequest);
  }, []);

  const validate = useCallback(() => {
    const current = stepRef.current;
    const w = worker.current;
    if (current.kind !== 'mapping' || !w || mappingProblems(current.mapping).length > 0) return;
    const { table, mapping, indicatorCells } = current;
    const datasetId = userDatasetId(new Date(), randomSuffix());
    setNotice(null);
    setStep({ kind: 'working', fileName: table.fileName, phase: 'validate', fraction: 0, table, mapping, indicatorCells });
    listen(w, ({ count, rejects, blankCells }) => setStep({
      kind: 'review', table, mapping, indicatorCells, validated: { datasetId, count, rejects, blankCells }, saving: false, saveFraction: 0,
    }));
    // The page fetches the places once; the worker parses the text it is given.
    divisionsText().then((divisionsCsv) => {
      if (worker.current !== w) return; // cancelled or replaced meanwhile
      w.postMessage({
        type: 'validate', mapping, datasetId, minYear: MIN_YEAR, maxYear: new Date().getFullYear(), divisionsCsv,
      } satisfies WorkerRequest);
    }, (error: unknown) => {
      if (worker.current !== w) return;
      setNotice({ kind: 'error', code: 'divisions', detail: error instanceof Error ? error.message : String(error) });
      setStep({ kind: 'mapping', table, mapping, indicatorCells });
    });
  }, [listen]);

  const back = useCallback(() => {
    setNotice(null);
    setStep((s) => (s.kind === 'review' ? { kind: 'mapping', table: s.table, mapping: s.mapping, indicatorCells: s.indicatorCells } : s));
  }, []);

  const cancel = useCallback(() => {
    stop();
    file.current = null;
    setStep({ kind: 'idle' });
    setNotice({ kind: 'cancelled' });
  }, [stop]);

  const confirm = useCallback(async () => {
    const current = stepRef.current;
    const w = worker.current;
    if (current.kind !== 'review' || current.saving || current.validated.count === 0 || !w) return;
    setNotice(null);
    setStep({ ...current, saving: true, saveFraction: 0 });
    const { table, validated } = current;
    try {
      const outcome = await new Promise<SaveOutcome>((resolve) => {
        onSaved.current = resolve;
        w.postMessage({
          type: 'save', datasetId: validated.datasetId, fileName: table.fileName, importedAt: new Date().toISOString(), encoding: table.encoding || 'UTF-8',
        } satisfies WorkerRequest);
      });
      if (!outcome.ok) throw new Error(outcome.detail);
      await adopt(validated.datasetId);
      stop();
      file.current = null;
      setNotice(null);
      setStep({ kind: 'saved', fileName: table.fileName, count: outcome.count });
    } catch (error) {
      setNotice({ kind: 'error', code: 'save', detail: error instanceof Error ? error.message : String(error) });
      setStep({ ...current, saving: false, saveFraction: 0 });
    } finally {
      onSaved.current = null;
    }
  }, [adopt, stop]);

  return { step, notice, chooseFile, reread, chooseSheet, setMapping, validate, back, cancel, confirm };
}
