/**
 * The table import's worker: everything slow or hostile-input-sized happens here, so a 50 MB file
 * or a million-column header never freezes the page (the page can terminate it to cancel).
 * It reads the File in 1 MB chunks, guesses the encoding on the first 64 KB, decodes strictly while
 * streaming, parses (PapaParse / hyparquet), keeps the rows, and sends the page a preview; on
 * request it validates the rows against the places table and sends back observations and rejects.
 */
import { parseDivisions } from '../../core/regions/divisions-csv.ts';
import type { RegionLookup } from '../../core/regions/region-lookup.ts';
import { createStreamDecoder, DecodeError, detectEncoding, detectEncodingFrom, type EncodingGuess } from '../../core/user-data/decode.ts';
import { isParquet, parseCsvText, readParquetTable, TABLE_LIMITS, TableReadError, type RawTable } from '../../core/user-data/read-table.ts';
import { suggestMapping } from '../../core/user-data/table-shape.ts';
import { validateRows } from '../../core/user-data/validate-rows.ts';
import { PREVIEW_CELL_CHARS, PREVIEW_ROWS, type WorkerRequest, type WorkerResponse } from './table-worker-protocol.ts';

const CHUNK = 1024 * 1024;
const HEAD = 64 * 1024;

let table: RawTable | null = null;
/** Parsed once per worker: the page sends the same text with every check. */
let lookup: RegionLookup | null = null;

const post = (message: WorkerResponse) => self.postMessage(message);

async function readBytes(file: File, onChunk: (bytes: Uint8Array) => void): Promise<void> {
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    onChunk(new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer()));
    post({ type: 'progress', phase: 'read', fraction: Math.min(1, (offset + CHUNK) / file.size) });
  }
}

async function readCsv(file: File, guess: EncodingGuess): Promise<RawTable> {
  const decoder = createStreamDecoder(guess.encoding);
  const parts: string[] = [];
  await readBytes(file, (bytes) => parts.push(decoder.push(bytes)));
  parts.push(decoder.end());
  return parseCsvText(parts.join(''), (fraction) => post({ type: 'progress', phase: 'parse', fraction }));
}

async function readParquet(file: File): Promise<RawTable> {
  const whole = new Uint8Array(file.size);
  let at = 0;
  await readBytes(file, (bytes) => { whole.set(bytes, at); at += bytes.length; });
  post({ type: 'progress', phase: 'parse', fraction: 0 });
  return readParquetTable(whole.buffer);
}

async function read(file: File, chosen: WorkerRequest & { type: 'read' }): Promise<void> {
  table = null;
  if (file.size > TABLE_LIMITS.maxFileBytes) {
    post({ type: 'error', code: 'file-too-large', detail: String(file.size) });
    return;
  }
  const head = new Uint8Array(await file.slice(0, HEAD).arrayBuffer());
  const parquet = isParquet(head);
  let guess = parquet ? null : chosen.encoding ? { encoding: chosen.encoding, confidence: 100, bomLength: 0 } : detectEncoding(head);
  try {
    try {
      table = parquet ? await readParquet(file) : await readCsv(file, guess!);
    } catch (error) {
      // The first 64 KB were plain ASCII (so valid UTF-8) but GBK text comes later: guess again on the bytes that failed.
      if (!(error instanceof DecodeError) || chosen.encoding || guess?.encoding !== 'UTF-8' || error.byteOffset === null) throw error;
      const second = detectEncodingFrom(new Uint8Array(await file.slice(error.byteOffset, error.byteOffset + CHUNK).arrayBuffer()));
      if (!second) throw error;
      guess = second;
      table = await readCsv(file, guess);
    }
  } catch (error) {
    if (error instanceof DecodeError) post({ type: 'error', code: 'decode', detail: String(error.byteOffset ?? ''), encoding: error.encoding });
    else if (error instanceof TableReadError) post({ type: 'error', code: error.code, detail: error.detail });
    else post({ type: 'error', code: 'internal', detail: error instanceof Error ? error.message : String(error) });
    return;
  }
  const shorten = (cell: string) => (cell.length > PREVIEW_CELL_CHARS ? `${cell.slice(0, PREVIEW_CELL_CHARS)}…` : cell);
  post({
    type: 'table',
    table: {
      fileName: file.name,
      format: parquet ? 'parquet' : 'csv',
      encoding: guess?.encoding ?? '',
      confidence: guess?.confidence ?? 100,
      headers: table.headers,
      preview: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.map(shorten)),
      previewRowNumbers: table.rowNumbers.slice(0, PREVIEW_ROWS),
      rowCount: table.rows.length,
      cutCells: table.cutCells,
      suggested: suggestMapping(table.headers, table.rows.slice(0, PREVIEW_ROWS)),
    },
  });
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
  const result = validateRows({ headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers, firstRow: 2 }, request.mapping,
    { datasetId: request.datasetId, lookup: places, minYear: request.minYear, maxYear: request.maxYear,
      onProgress: (fraction) => post({ type: 'progress', phase: 'validate', fraction }) });
  post({ type: 'validated', ...result });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const run = request.type === 'read' ? read(request.file, request) : validate(request);
  run.catch((error: unknown) => post({ type: 'error', code: 'internal', detail: error instanceof Error ? error.message : String(error) }));
};
