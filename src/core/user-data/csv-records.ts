/**
 * A streaming CSV record reader that survives the mistakes real spreadsheets contain.
 *
 * Why not PapaParse here: PapaParse reads an unclosed quote as one field running to the end of the
 * file (so one stray `"` refused the whole upload), keeps the first line ending it sees (a file
 * mixing CRLF and LF lost rows), and cannot be fed decoded text piece by piece. This reader:
 * - ends a record at CRLF, LF or a lone CR outside quotes, whichever each line uses;
 * - when a quoted field never closes (end of file, or it grows past QUOTED_LIMIT characters or
 *   QUOTED_LINE_LIMIT lines), or a closing quote is followed by text, gives up only the line the
 *   record started on: that line is reported broken (with its number) and reading resumes on the
 *   next line, so the rows after it are kept;
 * - takes text in pieces (`push`) and keeps only the unfinished record between pieces, so a 200 MB
 *   file is never held whole as text.
 * Line numbers are 1-based lines as a text editor shows them.
 */

export interface CsvRecord {
  fields: string[];
  /** The line the record starts on. */
  line: number;
}

export type BrokenLineCode = 'quote-unclosed' | 'quote-stray';

export interface BrokenLine {
  line: number;
  code: BrokenLineCode;
  /** The line as the file had it (cut to 200 characters). */
  text: string;
}

export interface CsvRecordSink {
  record(record: CsvRecord): void;
  broken(line: BrokenLine): void;
}

/**
 * A quoted field longer than this (characters) is taken for an unclosed quote: real cells are far
 * shorter (a long one is cut to 1,000 characters anyway), and it bounds what is held while looking
 * for the closing quote.
 */
export const QUOTED_LIMIT = 1024 * 1024;
/** …or one spanning more line breaks than this. */
export const QUOTED_LINE_LIMIT = 1000;
/** An unquoted record longer than this is not a table row (nor a header of at most 2,000 columns). */
export const RECORD_LIMIT = 16 * 1024 * 1024;

export const DELIMITERS = [',', '\t', ';', '|'] as const;

/** Thrown for a record longer than RECORD_LIMIT: the reader cannot resynchronise on it. */
export class RecordTooLongError extends Error {
  constructor(readonly line: number) {
    super(`record on line ${line} is longer than ${RECORD_LIMIT} characters`);
    this.name = 'RecordTooLongError';
  }
}

type Parsed =
  | { kind: 'record'; fields: string[]; end: number; lines: number }
  | { kind: 'more' }
  | { kind: 'broken'; code: BrokenLineCode };

const isBreak = (c: number): boolean => c === 10 || c === 13;

/** Line breaks in text[from, to): CRLF, LF and a lone CR each count once. */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}

/**
 * One record from `start`: its fields, the index after its line break and the line breaks it
 * holds; 'more' when the text ends first (and more may come); 'broken' for a bad quote.
 */
function parseRecord(text: string, start: number, delimiter: number, final: boolean): Parsed {
  const fields: string[] = [];
  let at = start;
  let lines = 0;
  for (;;) {
    if (text.charCodeAt(at) === 34) {
      // A quoted field: "" is a quote, the field ends at a lone quote.
      let value = '';
      let from = at + 1;
      let quotedLines = 0;
      for (;;) {
        const close = text.indexOf('"', from);
        const upTo = close < 0 ? text.length : close;
        quotedLines += countBreaks(text, from, upTo);
        if (upTo - at > QUOTED_LIMIT || quotedLines > QUOTED_LINE_LIMIT) return { kind: 'broken', code: 'quote-unclosed' };
        if (close < 0 || close + 1 >= text.length) {
          if (!final) return { kind: 'more' };
          if (close < 0) return { kind: 'broken', code: 'quote-unclosed' };
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === 34) {
          value += '"';
          from = close + 2;
          continue;
        }
        at = close + 1;
        break;
      }
      lines += quotedLines;
      fields.push(value);
      const next = text.charCodeAt(at);
      if (next === delimiter) { at += 1; continue; }
      if (at >= text.length || isBreak(next)) return finish(text, at, fields, lines, final);
      // Text after a closing quote. When the quote closed on a later line, the quote on the record's
      // first line is the one that never closed there (it paired with a quote further down).
      return { kind: 'broken', code: lines > 0 ? 'quote-unclosed' : 'quote-stray' };
    }
    // An unquoted field runs to the delimiter or the line end; a quote inside it is kept as text.
    let end = at;
    while (end < text.length) {
      const c = text.charCodeAt(end);
      if (c === delimiter || isBreak(c)) break;
      end += 1;
    }
    if (end - start > RECORD_LIMIT) throw new RecordTooLongError(-1);
    if (end >= text.length && !final) return { kind: 'more' };
    fields.push(text.slice(at, end));
    if (end < text.length && text.charCodeAt(end) === delimiter) { at = end + 1; continue; }
    return finish(text, end, fields, lines, final);
  }
}

function finish(text: string, at: number, fields: string[], lines: number, final: boolean): Parsed {
  if (at >= text.length) return { kind: 'record', fields, end: at, lines };
  // CR LF is one break; a CR at the very end of a piece may be followed by LF in the next.
  if (text.charCodeAt(at) === 13) {
    if (at + 1 >= text.length && !final) return { kind: 'more' };
    return { kind: 'record', fields, end: text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1, lines };
  }
  return { kind: 'record', fields, end: at + 1, lines };
}

/** The index after the first line break at or after `from` (or the end of the text). */
function afterLine(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * The delimiter of a sample (the first lines): the one whose count is the same, and above zero, on
 * most lines; ties go to the earlier in DELIMITERS (comma first).
 */
export function guessDelimiter(sample: string): string {
  const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
  if (lines.length === 0) return ',';
  // A line that did not end in the sample may be cut: leave it out when there are others.
  const whole = lines.length > 1 ? lines.slice(0, -1) : lines;
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = whole.map((l) => l.split(d).length - 1);
    const header = counts[0]!;
    if (header === 0) continue;
    const same = counts.filter((c) => c === header).length;
    const score = same * 1000 + header;
    if (score > bestScore) { best = d; bestScore = score; }
  }
  return best;
}

/**
 * A reader fed decoded text in order (`push`), then `end()`. The delimiter is guessed from the
 * first piece unless given. Blank lines are skipped, not reported.
 */
export function createCsvRecordReader(sink: CsvRecordSink, delimiter?: string) {
  let text = '';
  let line = 1;
  let code = delimiter ? delimiter.charCodeAt(0) : -1;

  const drain = (final: boolean) => {
    if (code < 0) code = guessDelimiter(text.slice(0, 64 * 1024)).charCodeAt(0);
    let at = 0;
    while (at < text.length) {
      let parsed: Parsed;
      try {
        parsed = parseRecord(text, at, code, final);
      } catch (error) {
        if (error instanceof RecordTooLongError) throw new RecordTooLongError(line);
        throw error;
      }
      if (parsed.kind === 'more') break;
      if (parsed.kind === 'broken') {
        const next = afterLine(text, at);
        sink.broken({ line, code: parsed.code, text: text.slice(at, Math.min(next, at + 200)).replace(/[\r\n]+$/, '') });
        line += 1;
        at = next;
        continue;
      }
      if (parsed.fields.some((f) => f.trim() !== '')) sink.record({ fields: parsed.fields, line });
      line += 1 + parsed.lines;
      at = parsed.end;
    }
    text = text.slice(at);
  };

  return {
    push(piece: string) {
      text += piece;
      drain(false);
    },
    end() {
      drain(true);
    },
    get delimiter(): string { return code < 0 ? '' : String.fromCharCode(code); },
  };
}
