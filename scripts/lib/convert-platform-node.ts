/**
 * The conversion's platform calls in Node (src/core/convert/platform.ts): pdf.js's legacy build
 * (the one that runs on Node 20) with its worker in-process and the CMaps from the package
 * (Chinese PDFs with predefined CMaps give no text without them), and mammoth for DOCX.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fromPdfjs, pdfjsOpenError, type PdfjsDocumentProxy } from '../../src/core/convert/pdfjs-document.ts';
import type { ConvertPlatform } from '../../src/core/convert/platform.ts';

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const nodeConvertPlatform: ConvertPlatform = {
  async openPdf(bytes) {
    try {
      // pdf.js takes ownership of the buffer it is given: pass a copy.
      const task = getDocument({
        data: bytes.slice(), cMapUrl: `${join(packageDir, 'cmaps')}/`, cMapPacked: true,
        standardFontDataUrl: `${join(packageDir, 'standard_fonts')}/`, verbosity: 0, isEvalSupported: false,
      });
      return await fromPdfjs((await task.promise) as unknown as PdfjsDocumentProxy);
    } catch (error) {
      throw pdfjsOpenError(error);
    }
  },
  async docxToHtml(bytes) {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return result.value;
  },
};
