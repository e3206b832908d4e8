/**
 * The conversion's platform calls in the browser (src/core/convert/platform.ts), for the import
 * worker. pdf.js runs in that worker itself: its own worker module is imported alongside, which
 * makes pdf.js use it in-thread (`globalThis.pdfjsWorker`) instead of starting a nested worker —
 * the page never blocks either way. Chinese PDFs name predefined CMaps; they are bundled by Vite
 * (one URL each, fetched only when a PDF asks for one), never fetched from a CDN. mammoth reads DOCX.
 */
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs';
import { fromPdfjs, pdfjsOpenError, type PdfjsDocumentProxy } from '../../../../core/convert/pdfjs-document.ts';
import type { ConvertPlatform } from '../../../../core/convert/platform.ts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

const CMAP_URLS = import.meta.glob('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default' }) as Record<string, () => Promise<string>>;

/** pdf.js's CMap reader, given the bundled URLs instead of a base URL. */
class BundledCMapReader {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const load = CMAP_URLS[`/node_modules/pdfjs-dist/cmaps/${name}.bcmap`];
    if (!load) throw new Error(`no CMap named ${name}`);
    const response = await fetch(await load());
    if (!response.ok) throw new Error(`CMap ${name}: HTTP ${response.status}`);
    return { cMapData: new Uint8Array(await response.arrayBuffer()), isCompressed: true };
  }
}

export const browserConvertPlatform: ConvertPlatform = {
  async openPdf(bytes) {
    try {
      const task = getDocument({
        data: bytes.slice(), CMapReaderFactory: BundledCMapReader as never, useWorkerFetch: false,
        isEvalSupported: false, isOffscreenCanvasSupported: false, disableFontFace: true, verbosity: 0,
      });
      return await fromPdfjs((await task.promise) as unknown as PdfjsDocumentProxy);
    } catch (error) {
      throw pdfjsOpenError(error);
    }
  },
  async docxToHtml(bytes) {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return (await mammoth.convertToHtml({ arrayBuffer: buffer })).value;
  },
};
