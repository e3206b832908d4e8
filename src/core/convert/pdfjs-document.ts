/**
 * pdf.js's loaded document (the same object in Node and the browser) as the PdfDocument the
 * conversion reads. Typed by the few members used, so src/core does not import pdf.js itself;
 * the platform adapters load it.
 */
import type { PdfTextItem } from './pdf-lines.ts';
import { PlatformReadError, type PdfDocument } from './platform.ts';

interface PdfjsTextItem { str?: string; transform?: number[]; width?: number; height?: number }
interface PdfjsPage {
  getViewport(options: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: PdfjsTextItem[] }>;
  cleanup(): void;
}
export interface PdfjsDocumentProxy {
  numPages: number;
  getPage(number: number): Promise<PdfjsPage>;
  getMetadata(): Promise<{ info?: unknown }>;
  destroy(): Promise<void>;
}

export async function fromPdfjs(document: PdfjsDocumentProxy): Promise<PdfDocument> {
  const info = await document.getMetadata().then((m) => m.info as { Title?: unknown } | undefined, () => undefined);
  return {
    numPages: document.numPages,
    title: typeof info?.Title === 'string' ? info.Title : '',
    async page(number) {
      const page = await document.getPage(number);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || !item.transform) continue;
        const [, , , d = 0, x = 0, y = 0] = item.transform;
        items.push({ str: item.str, x, y, width: item.width ?? 0, height: item.height || Math.abs(d) });
      }
      page.cleanup();
      return { width, height, items };
    },
    close: () => document.destroy(),
  };
}

/** pdf.js's exceptions by name: a password is asked for, or the file is not a PDF it can read. */
export function pdfjsOpenError(error: unknown): PlatformReadError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformReadError(name === 'PasswordException' ? 'password' : 'invalid', message);
}
