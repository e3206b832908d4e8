/**
 * A stored Arrow stream (`arrow-v1`, stored-rows-arrow.ts) cut into self-contained streams of a few
 * record batches each, so the loader can insert a large dataset piece by piece: duckdb-wasm runs one
 * statement at a time, and a view's query sent during the load then waits for one piece, not for the
 * whole dataset (≈ 2.5 s at a million rows on a quiet machine, docs/BENCHMARKS.md).
 *
 * Each piece is the stream's own schema and dictionary messages, then its record batches, then the
 * end-of-stream marker: a reader needs nothing from another piece. The dictionaries are repeated in
 * every piece, so the pieces are made larger (fewer) when the dictionaries are large against the
 * batches (a column whose every row differs): their repeats never add more than a quarter of the
 * batches' bytes. A stream this code does not recognise (no record batch, a dictionary after the first
 * batch, a truncated message) is one piece, the stream as it is: the insert then names what is wrong.
 *
 * Message framing (Arrow IPC, "Encapsulated message format"): 0xFFFFFFFF, the metadata's length
 * (int32, little-endian), the flatbuffer metadata (which holds the header type and body length),
 * then the body; a length of 0 ends the stream.
 */
import { Message, MessageHeader } from 'apache-arrow';

/** The end-of-stream marker: continuation, then a metadata length of 0. */
const END_OF_STREAM = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
const CONTINUATION = 0xffffffff;
/** The dictionaries repeated in every piece may add at most this share of the batches' bytes. */
const MAX_REPEATED_SHARE = 0.25;

interface Span { start: number; end: number }

/** Where the stream's parts are: the schema and dictionaries (`prefix`), and each record batch. */
export interface StreamPieces {
  /** Bytes from the start through the last dictionary message (the schema first). */
  prefix: Span;
  /** Record batches grouped into pieces, in stream order; each group is contiguous bytes. */
  groups: Span[];
  /** Record batches in the stream. */
  batches: number;
}

/** The messages of a stream, or null when its framing is not what this module reads. */
function messages(bytes: Uint8Array): Array<Span & { type: MessageHeader; delta: boolean }> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Array<Span & { type: MessageHeader; delta: boolean }> = [];
  let at = 0;
  while (at + 4 <= bytes.length) {
    let length = view.getUint32(at, true);
    let metadataStart = at + 4;
    if (length === CONTINUATION) {
      if (at + 8 > bytes.length) return null;
      length = view.getInt32(at + 4, true);
      metadataStart = at + 8;
    }
    if (length === 0) return found; // end of stream
    if (length < 0 || metadataStart + length > bytes.length) return null;
    let message: Message;
    try {
      message = Message.decode(bytes.subarray(metadataStart, metadataStart + length));
    } catch {
      return null;
    }
    const end = metadataStart + length + message.bodyLength;
    if (end > bytes.length) return null;
    const delta = message.headerType === MessageHeader.DictionaryBatch && (message.header() as { isDelta: boolean }).isDelta;
    found.push({ start: at, end, type: message.headerType, delta });
    at = end;
  }
  return at === bytes.length ? found : null;
}

/**
 * How the stream is cut (null: keep it whole). `maxPieces` bounds the count (each piece is one insert
 * statement); the dictionaries' repeats bound it further.
 */
export function planStreamPieces(bytes: Uint8Array, maxPieces = Infinity): StreamPieces | null {
  const all = messages(bytes);
  if (!all || all[0]?.type !== MessageHeader.Schema) return null;
  const firstBatch = all.findIndex((m) => m.type === MessageHeader.RecordBatch);
  if (firstBatch < 0) return null;
  const head = all.slice(0, firstBatch);
  const batches = all.slice(firstBatch);
  // Only schema, whole dictionaries, then batches: anything else (a delta, a late dictionary) stays whole.
  if (head.some((m) => m.type !== MessageHeader.Schema && (m.type !== MessageHeader.DictionaryBatch || m.delta))) return null;
  if (head.filter((m) => m.type === MessageHeader.Schema).length !== 1) return null;
  if (batches.some((m) => m.type !== MessageHeader.RecordBatch)) return null;
  const prefix = { start: 0, end: batches[0]!.start };
  const batchBytes = batches[batches.length - 1]!.end - batches[0]!.start;
  const byRepeats = Math.floor((MAX_REPEATED_SHARE * batchBytes) / Math.max(1, prefix.end)) + 1;
  const count = Math.max(1, Math.min(batches.length, maxPieces, byRepeats));
  const groups: Span[] = [];
  for (let g = 0; g < count; g += 1) {
    const from = Math.floor((g * batches.length) / count);
    const to = Math.floor(((g + 1) * batches.length) / count);
    groups.push({ start: batches[from]!.start, end: batches[to - 1]!.end });
  }
  return { prefix, groups, batches: batches.length };
}

/** Piece `index` as its own stream, in a buffer of its own (duckdb-wasm takes the buffer: it is transferred). */
export function pieceBytes(bytes: Uint8Array, plan: StreamPieces, index: number): Uint8Array {
  const group = plan.groups[index]!;
  const prefixLength = plan.prefix.end - plan.prefix.start;
  const out = new Uint8Array(prefixLength + (group.end - group.start) + END_OF_STREAM.length);
  out.set(bytes.subarray(plan.prefix.start, plan.prefix.end), 0);
  out.set(bytes.subarray(group.start, group.end), prefixLength);
  out.set(END_OF_STREAM, prefixLength + group.end - group.start);
  return out;
}

/** The stream as the streams to insert, one after the other (the whole stream when it is not cut). */
export function* streamPieces(bytes: Uint8Array, maxPieces = Infinity): Generator<Uint8Array> {
  const plan = planStreamPieces(bytes, maxPieces);
  if (!plan) {
    yield bytes;
    return;
  }
  for (let i = 0; i < plan.groups.length; i += 1) yield pieceBytes(bytes, plan, i);
}
