/**
 * What an uploaded table file is, from its first bytes and its name: CSV text, Parquet, an Excel
 * workbook (a ZIP, whatever its name: a renamed .xlsx is still a workbook), or something that is
 * not a table at all (an image, a PDF, an old .xls, a file of NUL bytes), refused with its kind
 * instead of being blamed on its encoding.
 */
import { utf16WithoutBom } from './decode.ts';
import { isParquet } from './read-parquet.ts';

export type TableFileKind =
  | { kind: 'csv' }
  | { kind: 'parquet' }
  | { kind: 'zip' }
  | { kind: 'refused'; code: 'binary' | 'xls-legacy' | 'parquet-invalid'; detail: string };

const startsWith = (head: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => head[i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Kinds of files people upload by mistake, by their magic bytes. */
const BINARY: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]], ['JPEG', [0xff, 0xd8, 0xff]], ['GIF', ascii('GIF8')], ['PDF', ascii('%PDF-')],
  ['GZIP', [0x1f, 0x8b]], ['7Z', [0x37, 0x7a, 0xbc, 0xaf]], ['RAR', ascii('Rar!')], ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniffTableFile(head: Uint8Array, fileName: string): TableFileKind {
  if (isParquet(head)) return { kind: 'parquet' };
  if (startsWith(head, ZIP)) return { kind: 'zip' };
  // Excel 97–2003, or an encrypted .xlsx (its package sits inside an OLE file).
  if (startsWith(head, OLE)) return { kind: 'refused', code: 'xls-legacy', detail: '' };
  for (const [name, magic] of BINARY) if (startsWith(head, magic)) return { kind: 'refused', code: 'binary', detail: name };
  // A Windows program: MZ, then binary header bytes.
  if (head[0] === 0x4d && head[1] === 0x5a && (head[2] ?? 0x20) < 0x20) return { kind: 'refused', code: 'binary', detail: 'EXE' };
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const sample = head.subarray(0, 8192);
  let nul = 0;
  for (const b of sample) if (b === 0) nul += 1;
  // Text in UTF-16 has NULs in a regular pattern; text in any other encoding has (nearly) none.
  const binary = nul > sample.length / 4 && utf16WithoutBom(sample) === null;
  if (extension === 'parquet' && (binary || /^PAR/.test(String.fromCharCode(...head.subarray(0, 3))))) {
    return { kind: 'refused', code: 'parquet-invalid', detail: 'not-parquet' };
  }
  if (binary) return { kind: 'refused', code: 'binary', detail: 'NUL' };
  return { kind: 'csv' };
}
