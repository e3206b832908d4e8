/**
 * One file as researchers have it (PDF, DOCX, a saved web page, a text file) → the report body,
 * verbatim as converted, with the original file's name, size and sha256, the body's own sha256
 * (how a report already stored is recognised) and, for a PDF, the page each part of the body came from.
 * The same function runs in the pipeline (scripts/add-report.ts) and in the browser's import worker.
 */
import { decodeBytes, DecodeError } from '../user-data/decode.ts';
import { ConversionError } from './conversion-error.ts';
import { detectFileKind, MAX_UNZIPPED_BYTES, type ReadableKind } from './file-kind.ts';
import { htmlArticle } from './html-article.ts';
import { decodeHtml } from './html-charset.ts';
import { htmlLines } from './html-text.ts';
import { pdfBody } from './pdf-body.ts';
import type { PdfPage } from './pdf-lines.ts';
import { PlatformReadError, type ConvertPlatform } from './platform.ts';
import { sha256Hex, textSha256 } from './sha256.ts';
import { declaredUnzippedBytes, type ZipEntry } from './zip-directory.ts';
import { inflatedBytesWithin } from './zip-inflated-size.ts';
import { parseDocument } from 'htmlparser2';

/** ~40× the longest report in the corpus. */
export const MAX_REPORT_CHARS = 2_000_000;
export const MAX_SOURCE_BYTES = 60 * 1024 * 1024;
/** A yearly report runs to tens of pages; a thousand is no report. */
export const MAX_PDF_PAGES = 1000;
/** Fewer characters than this a page, on average, is a scan (a page number or a stamp at most). */
const SCANNED_CHARS_PER_PAGE = 20;

export interface SourceFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface ConvertedReport {
  kind: ReadableKind;
  body: string;
  textSha256: string;
  source: SourceFile;
  /** How the text was decoded (HTML, TXT) or produced (PDF, DOCX). */
  encoding: string;
  /** PDF only: offset in `body` where each page's text starts. */
  pageStarts?: number[];
  /** A title the container carries beside the text (HTML <title>, PDF Info Title), for metadata. */
  titleHint: string;
}

export async function convertReport(file: { name: string; bytes: Uint8Array }, platform: ConvertPlatform): Promise<ConvertedReport> {
  const { bytes } = file;
  if (bytes.length > MAX_SOURCE_BYTES) throw new ConversionError({ code: 'too-large', bytes: bytes.length, limit: MAX_SOURCE_BYTES });
  const kind = detectFileKind(bytes, file.name);
  if (kind.kind === 'refused') throw new ConversionError(kind.problem);
  const source: SourceFile = { name: file.name, bytes: bytes.length, sha256: sha256Hex(bytes) };
  const converted = kind.kind === 'pdf' ? await fromPdf(bytes, platform)
    : kind.kind === 'docx' ? await fromDocx(bytes, kind.entries, platform)
      : kind.kind === 'html' ? fromHtml(bytes) : fromText(bytes);
  if (converted.body.length > MAX_REPORT_CHARS) throw new ConversionError({ code: 'too-long', chars: converted.body.length, limit: MAX_REPORT_CHARS });
  if (converted.body.trim() === '') throw new ConversionError({ code: 'no-text', format: kind.kind === 'txt' ? 'TXT' : kind.kind.toUpperCase() as 'PDF' | 'DOCX' | 'HTML' });
  return { kind: kind.kind, ...converted, textSha256: textSha256(converted.body), source };
}

type Converted = Omit<ConvertedReport, 'kind' | 'textSha256' | 'source'>;

/** A whole PDF ends with "%%EOF" (a few bytes of line ends may follow); a cut download does not. */
function endsLikePdf(bytes: Uint8Array): boolean {
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return tail.includes('%%EOF');
}

const linesToBody = (lines: readonly string[]): string => (lines.length === 0 ? '' : `${lines.join('\n')}\n`);

async function fromPdf(bytes: Uint8Array, platform: ConvertPlatform): Promise<Converted> {
  let document;
  try {
    document = await platform.openPdf(bytes);
  } catch (error) {
    if (error instanceof PlatformReadError && error.reason === 'password') throw new ConversionError({ code: 'encrypted', format: 'PDF' });
    throw new ConversionError({ code: 'broken', format: 'PDF', damage: endsLikePdf(bytes) ? 'unreadable' : 'truncated', detail: firstLine(error) });
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) throw new ConversionError({ code: 'too-many-pages', pages: document.numPages, limit: MAX_PDF_PAGES });
    const pages: PdfPage[] = [];
    let characters = 0;
    for (let n = 1; n <= document.numPages; n += 1) {
      const page = await document.page(n);
      characters += page.items.reduce((sum, i) => sum + i.str.trim().length, 0);
      if (characters > MAX_REPORT_CHARS) throw new ConversionError({ code: 'too-long', chars: characters, limit: MAX_REPORT_CHARS });
      pages.push(page);
    }
    if (characters < SCANNED_CHARS_PER_PAGE * Math.max(1, document.numPages)) throw new ConversionError({ code: 'scanned-pdf', pages: document.numPages });
    const { body, pageStarts } = pdfBody(pages);
    return { body, pageStarts, encoding: 'PDF', titleHint: document.title };
  } catch (error) {
    if (error instanceof ConversionError) throw error;
    throw new ConversionError({ code: 'broken', format: 'PDF', damage: 'unreadable', detail: firstLine(error) });
  } finally {
    await document.close().catch(() => undefined);
  }
}

async function fromDocx(bytes: Uint8Array, entries: readonly ZipEntry[], platform: ConvertPlatform): Promise<Converted> {
  // The declared sizes were checked (file-kind.ts); a crafted bomb lies about them, so the real
  // unpacked size is counted before the DOCX reader unpacks anything.
  if (inflatedBytesWithin(bytes, entries, MAX_UNZIPPED_BYTES) === null) {
    throw new ConversionError({ code: 'zip-overflow', declaredBytes: declaredUnzippedBytes(entries), limit: MAX_UNZIPPED_BYTES });
  }
  let html: string;
  try {
    html = await platform.docxToHtml(bytes);
  } catch (error) {
    throw new ConversionError({ code: 'broken', format: 'DOCX', damage: 'unreadable', detail: firstLine(error) });
  }
  return { body: linesToBody(htmlLines(parseDocument(html, { decodeEntities: true }))), encoding: 'DOCX', titleHint: '' };
}

function fromHtml(bytes: Uint8Array): Converted {
  const { html, encoding } = decodeHtml(bytes);
  const { lines, pageTitle } = htmlArticle(html);
  return { body: linesToBody(lines), encoding, titleHint: pageTitle };
}

function fromText(bytes: Uint8Array): Converted {
  try {
    const decoded = decodeBytes(bytes);
    // The text as the file has it, less a byte-order mark (the decoder drops its own).
    return { body: decoded.text.replace(/^\uFEFF/, ''), encoding: decoded.encoding, titleHint: '' };
  } catch (error) {
    if (error instanceof DecodeError) throw new ConversionError({ code: 'undecodable', encoding: error.encoding });
    throw error;
  }
}

const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
