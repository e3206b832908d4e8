/**
 * The library calls conversion needs that depend on the platform: pdf.js's document loading (its
 * worker is started differently in Node and in the browser) and mammoth's DOCX reader. Each side
 * passes its adapter: scripts/lib/convert-platform-node.ts, src/features/report-import/convert-platform-browser.ts.
 */
import type { PdfPage } from './pdf-lines.ts';

export interface PdfDocument {
  numPages: number;
  /** The document's Info dictionary Title, '' when absent. */
  title: string;
  /** 1-based. */
  page(number: number): Promise<PdfPage>;
  close(): Promise<void>;
}

/** Errors an adapter raises, named so the core can word them (pdf.js's PasswordException, InvalidPDFException…). */
export class PlatformReadError extends Error {
  constructor(readonly reason: 'password' | 'invalid', message: string) {
    super(message);
    this.name = 'PlatformReadError';
  }
}

export interface ConvertPlatform {
  /** Opens a PDF; rejects with PlatformReadError('password' | 'invalid') when it cannot. */
  openPdf(bytes: Uint8Array): Promise<PdfDocument>;
  /** A DOCX as HTML (headings as h1–h6, tables as table); rejects when the package is damaged. */
  docxToHtml(bytes: Uint8Array): Promise<string>;
}
