/**
 * What a dropped file is, from its first bytes (the name only settles what the bytes cannot:
 * .doc and .wps share one container). A format that cannot be read is refused here with a
 * problem that names it and says what to do instead.
 */
import type { ConversionProblem } from './conversion-error.ts';
import { declaredUnzippedBytes, readZipDirectory, type ZipEntry } from './zip-directory.ts';

export type ReadableKind = 'pdf' | 'docx' | 'html' | 'txt';
/** A DOCX comes with its ZIP entries as read here, so the conversion does not read the central directory again. */
export type FileKind = { kind: Exclude<ReadableKind, 'docx'> } | { kind: 'docx'; entries: readonly ZipEntry[] } | { kind: 'refused'; problem: ConversionProblem };

/** Unpacked size a DOCX may declare: the longest report is a few MB of XML. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean => prefix.every((b, i) => bytes[at + i] === b);
const extensionOf = (name: string): string => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** The UTF-16LE bytes of an ASCII name, as an OLE directory stores stream names. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text, (c) => [c.charCodeAt(0), 0]).flat();
  outer: for (let i = 0; i + needle.length <= bytes.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const IMAGES: [string, number[]][] = [['PNG', [0x89, 0x50, 0x4e, 0x47]], ['JPEG', [0xff, 0xd8, 0xff]], ['GIF', [0x47, 0x49, 0x46, 0x38]]];
const ARCHIVES: [string, number[]][] = [['RAR', [0x52, 0x61, 0x72, 0x21]], ['7Z', [0x37, 0x7a, 0xbc, 0xaf]], ['GZIP', [0x1f, 0x8b]]];

function zipKind(bytes: Uint8Array, extension: string): FileKind {
  const entries = readZipDirectory(bytes);
  if (!entries) {
    return extension === 'docx' ? { kind: 'refused', problem: { code: 'broken', format: 'DOCX', damage: 'truncated', detail: 'no ZIP central directory: the file is truncated' } }
      : { kind: 'refused', problem: { code: 'broken', format: 'ZIP', damage: 'truncated', detail: 'no ZIP central directory' } };
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('OFD.xml') || extension === 'ofd') return { kind: 'refused', problem: { code: 'legacy-format', format: 'OFD' } };
  if ([...names].some((n) => n.startsWith('xl/'))) return { kind: 'refused', problem: { code: 'legacy-format', format: 'XLSX' } };
  if (!names.has('word/document.xml')) return { kind: 'refused', problem: { code: 'not-a-report', kind: 'ZIP' } };
  if (entries.some((e) => e.encrypted)) return { kind: 'refused', problem: { code: 'encrypted', format: 'DOCX' } };
  const declared = declaredUnzippedBytes(entries);
  if (declared > MAX_UNZIPPED_BYTES) return { kind: 'refused', problem: { code: 'zip-bomb', declaredBytes: declared, limit: MAX_UNZIPPED_BYTES } };
  return { kind: 'docx', entries };
}

/** An OLE compound file: Word 97–2003, WPS, Excel 97–2003, or an encrypted Office 2007+ file (its package sits inside one). */
function oleKind(bytes: Uint8Array, extension: string): FileKind {
  const head = bytes.subarray(0, 1024 * 1024);
  if (containsUtf16(head, 'EncryptedPackage')) return { kind: 'refused', problem: { code: 'encrypted', format: 'DOCX' } };
  if (extension === 'wps') return { kind: 'refused', problem: { code: 'legacy-format', format: 'WPS' } };
  if (extension === 'xls' || containsUtf16(head, 'Workbook')) return { kind: 'refused', problem: { code: 'legacy-format', format: 'XLS' } };
  return { kind: 'refused', problem: { code: 'legacy-format', format: 'DOC' } };
}

/** Markup in the first kilobytes (after a BOM and blanks): a saved web page. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF|^ï»¿/, '').trimStart().toLowerCase();
  return /^<(?:!doctype\s+html|html|head|meta|body|!--)/.test(head) || (head.startsWith('<') && /<(?:html|body|p|div)[\s>]/.test(head));
}

export function detectFileKind(bytes: Uint8Array, fileName: string): FileKind {
  const extension = extensionOf(fileName);
  if (bytes.length === 0) return { kind: 'refused', problem: { code: 'empty' } };
  // "%PDF" may follow a little junk; readers accept it within the first kilobyte.
  for (let at = 0; at < Math.min(1024, bytes.length - 4); at += 1) if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46], at)) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes, extension);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return oleKind(bytes, extension);
  const image = IMAGES.find(([, sig]) => startsWith(bytes, sig));
  if (image) return { kind: 'refused', problem: { code: 'not-a-report', kind: image[0] } };
  const archive = ARCHIVES.find(([, sig]) => startsWith(bytes, sig));
  if (archive) return { kind: 'refused', problem: { code: 'not-a-report', kind: archive[0] } };
  // Sites often serve a page saved as .doc; markup is read as the page it is.
  if (looksLikeHtml(bytes)) return { kind: 'html' };
  if (extension === 'pdf') return { kind: 'refused', problem: { code: 'broken', format: 'PDF', damage: 'no-header', detail: 'no "%PDF" header' } };
  if (extension === 'docx') return { kind: 'refused', problem: { code: 'broken', format: 'DOCX', damage: 'not-zip', detail: 'not a ZIP package' } };
  if (extension === 'doc' || extension === 'wps' || extension === 'ofd') return { kind: 'refused', problem: { code: 'legacy-format', format: extension.toUpperCase() as 'DOC' | 'WPS' | 'OFD' } };
  if (extension === 'html' || extension === 'htm' || extension === 'shtml' || extension === 'xhtml') return { kind: 'html' };
  return { kind: 'txt' };
}
