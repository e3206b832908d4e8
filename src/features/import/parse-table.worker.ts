/**
 * The table import's worker: everything slow or hostile-input-sized happens here, so a 200 MB file
 * or a million-column header never freezes the page (the page can terminate it to cancel).
 * CSV is read in 1 MB chunks, decoded strictly and parsed as it streams (the text is never held
 * whole); Parquet and Excel are read whole (their formats need it). It keeps the rows and sends the
 * page a preview; on request it lists an indicator column's cells, switches sheets, or validates
 * the rows against the places table (keeping the observations, sending the page their count and the
 * rejects), and on Save writes them into the browser's store as one blob, in batches with progress:
 * a million rows never cross to the page.
 */
import { parseDivisions } from '../../core/regions/divisions-csv.ts';
import type { RegionLookup } from '../../core/regions/region-lookup.ts';
import { createStreamDecoder, DecodeError, detectEncoding, detectEncodingFrom, type EncodingGuess } from '../../core/user-data/decode.ts';
import { distinctIndicatorCells } from '../../core/user-data/distinct-cells.ts';
import { readParquetTable } from '../../core/user-data/read-parquet.ts';
import { createCsvTableReader, TABLE_LIMITS, TableReadError, type RawTable } from '../../core/user-data/read-table.ts';
import { readXlsxTables, type SheetTable } from '../../core/user-data/read-xlsx.ts';
import { sniffTableFile } from '../../core/user-data/sniff-table-file.ts';
import { mappingProblems, suggestIndicatorValues, suggestMapping } from '../../core/user-data/table-shape.ts';
import { buildTableDataset } from '../../core/user-data/build-table-dataset.ts';
import type { UserObservation } from '../../core/user-data/types.ts';
import { validateRows } from '../../core/user-data/validate-rows.ts';
import { encodeDataset } from '../shared/user-data/encode-dataset.ts';
import { createIndexedDbStore } from '../shared/user-data/store.ts';
import {
  DISTINCT_CELLS, PREVIEW_CELL_CHARS, PREVIEW_ROWS, type DistinctCells, type TableSummary, type WorkerRequest, type WorkerResponse,
} from './table-worker-protocol.ts';

const CHUNK = 1024 * 1024;
const HEAD = 64 * 1024;

let table: RawTable | null = null;
/** The summary fields that describe the file (not the sheet). */
let file: Pick<TableSummary, 'fileName' | 'format' | 'encoding' | 'confidence'> | null = null;
let sheets: SheetTable[] = [];
/** The rows of the last check, for Save (a new read or check replaces them). */
let checked: { datasetId: string; observations: UserObservation[] } | null = null;
/** Parsed once per worker: the page sends the same text with every check. */
let lookup: RegionLookup | null = null;

const post = (message: WorkerResponse) => self.postMessage(message);

async function readBytes(source: File, onChunk: (bytes: Uint8Array) => void): Promise<void> {
  for (let offset = 0; offset < source.size; offset += CHUNK) {
    onChunk(new Uint8Array(await source.slice(offset, offset + CHUNK).arrayBuffer()));
    post({ type: 'progress', phase: 'read', fraction: Math.min(1, (offset + CHUNK) / source.size) });
  }
}

/** Decoded and parsed chunk by chunk: only the unfinished record is kept between chunks. */
async function readCsv(source: File, guess: EncodingGuess): Promise<RawTable> {
  const decoder = createStreamDecoder(guess.encoding);
  const reader = createCsvTableReader();
  await readBytes(source, (bytes) => reader.push(decoder.push(bytes)));
  reader.push(decoder.end());
  return reader.finish();
}

async function readWhole(source: File): Promise<ArrayBuffer> {
  if (source.size > TABLE_LIMITS.maxPackedFileBytes) throw new TableReadError('file-too-large', `${source.size}/${TABLE_LIMITS.maxPackedFileBytes}`);
  const whole = new Uint8Array(source.size);
  let at = 0;
  await readBytes(source, (bytes) => { whole.set(bytes, at); at += bytes.length; });
  post({ type: 'progress', phase: 'parse', fraction: 0 });
  return whole.buffer;
}

const shorten = (cell: string) => (cell.length > PREVIEW_CELL_CHARS ? `${cell.slice(0, PREVIEW_CELL_CHARS)}…` : cell);

function distinct(column: number): DistinctCells {
  return { column, ...distinctIndicatorCells(table?.rows ?? [], column, DISTINCT_CELLS) };
}

function postTable(sheet: number): void {
  if (!table || !file) return;
  const suggested = suggestMapping(table.headers, table.rows.slice(0, PREVIEW_ROWS));
  const indicatorCells = suggested.format === 'long' && suggested.indicator !== null ? distinct(suggested.indicator) : null;
  if (indicatorCells) suggested.indicatorValues = suggestIndicatorValues(indicatorCells.cells.map((c) => c.text));
  post({
    type: 'table',
    table: {
      ...file,
      sheets: sheets.map((s) => ({ name: s.name, empty: s.table === null })),
      sheet,
      headers: table.headers,
      preview: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.map(shorten)),
      previewRowNumbers: table.rowNumbers.slice(0, PREVIEW_ROWS),
      rowCount: table.rows.length,
      brokenRows: table.broken.length,
      cutCells: table.cutCells,
      suggested,
      indicatorCells,
    },
  });
}

function postError(error: unknown): void {
  if (error instanceof DecodeError) {
    post({ type: 'error', code: 'decode', detail: error.line === null ? String(error.byteOffset ?? '') : `${error.line}/${error.badByte}`, encoding: error.encoding });
  }
  else if (error instanceof TableReadError) post({ type: 'error', code: error.code, detail: error.detail });
  else post({ type: 'error', code: 'internal', detail: error instanceof Error ? error.message : String(error) });
}

async function read(source: File, chosen: WorkerRequest & { type: 'read' }): Promise<void> {
  table = null;
  checked = null;
  file = null;
  sheets = [];
  if (source.size > TABLE_LIMITS.maxFileBytes) {
    post({ type: 'error', code: 'file-too-large', detail: `${source.size}/${TABLE_LIMITS.maxFileBytes}` });
    return;
  }
  const head = new Uint8Array(await source.slice(0, HEAD).arrayBuffer());
  const kind = sniffTableFile(head, source.name);
  if (kind.kind === 'refused') {
    post({ type: 'error', code: kind.code, detail: kind.detail });
    return;
  }
  let guess: EncodingGuess | null = null;
  try {
    if (kind.kind === 'parquet') {
      table = await readParquetTable(await readWhole(source));
    } else if (kind.kind === 'zip') {
      sheets = await readXlsxTables(await readWhole(source));
      // The first sheet whose columns map (a notes sheet often comes first), else the first with anything in it.
      const mappable = sheets.findIndex((s) => s.table !== null && mappingProblems(suggestMapping(s.table.headers, s.table.rows.slice(0, PREVIEW_ROWS))).length === 0);
      const first = mappable >= 0 ? mappable : sheets.findIndex((s) => s.table !== null);
      if (first < 0) throw new TableReadError('empty', '');
      table = sheets[first]!.table;
      file = { fileName: source.name, format: 'xlsx', encoding: '', confidence: 100 };
      postTable(first);
      return;
    } else {
      guess = chosen.encoding ? { encoding: chosen.encoding, confidence: 100, bomLength: 0 } : detectEncoding(head);
      try {
        table = await readCsv(source, guess);
      } catch (error) {
        // The first 64 KB were plain ASCII (so valid UTF-8) but GBK text comes later: guess again on the bytes that failed.
        if (!(error instanceof DecodeError) || chosen.encoding || guess.encoding !== 'UTF-8' || error.byteOffset === null) throw error;
        const second = detectEncodingFrom(new Uint8Array(await source.slice(error.byteOffset, error.byteOffset + CHUNK).arrayBuffer()));
        if (!second) throw error;
        guess = second;
        table = await readCsv(source, guess);
      }
    }
  } catch (error) {
    postError(error);
    return;
  }
  file = { fileName: source.name, format: kind.kind === 'parquet' ? 'parquet' : 'csv', encoding: guess?.encoding ?? '', confidence: guess?.confidence ?? 100 };
  postTable(0);
}

async function validate(request: WorkerRequest & { type: 'validate' }): Promise<void> {
  if (!table) {
    post({ type: 'error', code: 'internal', detail: 'no table read' });
    return;
  }
  let places: RegionLookup;
  try {
    lookup ??= parseDivisions(request.divisionsCsv, 'divisions.csv');
    places = lookup;
  } catch (error) {
    lookup = null;
    post({ type: 'error', code: 'divisions', detail: error instanceof Error ? error.message : String(error) });
    return;
  }
  post({ type: 'progress', phase: 'validate', fraction: 0 });
  const result = validateRows({ headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers, broken: table.broken, firstRow: 2 }, request.mapping,
    { datasetId: request.datasetId, lookup: places, minYear: request.minYear, maxYear: request.maxYear,
      onProgress: (fraction) => post({ type: 'progress', phase: 'validate', fraction }) });
  checked = { datasetId: request.datasetId, observations: result.observations };
  post({ type: 'validated', count: result.observations.length, rejects: result.rejects, blankCells: result.blankCells });
}

/**
 * Encodes the checked rows as the store's blob (progress per batch, then the hash), and writes
 * metadata, blob and summary in one IndexedDB transaction. The page then loads it into DuckDB.
 */
async function save(request: WorkerRequest & { type: 'save' }): Promise<void> {
  if (!checked || checked.datasetId !== request.datasetId) {
    post({ type: 'save-failed', detail: 'no checked rows for this dataset' });
    return;
  }
  const { observations } = checked;
  post({ type: 'progress', phase: 'save', fraction: 0 });
  try {
    const dataset = buildTableDataset({ id: request.datasetId, fileName: request.fileName, importedAt: request.importedAt, encoding: request.encoding, observations });
    // Encoding is most of the work (0–90 %); the hash and the write follow.
    const encoded = await encodeDataset(dataset, (fraction) => post({ type: 'progress', phase: 'save', fraction: fraction * 0.9 }));
    post({ type: 'progress', phase: 'save', fraction: 0.95 });
    await createIndexedDbStore().putEncoded(encoded);
    post({ type: 'progress', phase: 'save', fraction: 1 });
    post({ type: 'saved', datasetId: request.datasetId, count: observations.length });
  } catch (error) {
    post({ type: 'save-failed', detail: error instanceof Error ? error.message : String(error) });
  }
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'distinct') {
    post({ type: 'distinct', distinct: distinct(request.column) });
    return;
  }
  if (request.type === 'sheet') {
    const chosen = sheets[request.index];
    if (chosen?.table) {
      table = chosen.table;
      postTable(request.index);
    } else post({ type: 'error', code: 'empty', detail: chosen?.name ?? '' });
    return;
  }
  const run = request.type === 'read' ? read(request.file, request) : request.type === 'save' ? save(request) : validate(request);
  run.catch((error: unknown) => post({ type: 'error', code: 'internal', detail: error instanceof Error ? error.message : String(error) }));
};
