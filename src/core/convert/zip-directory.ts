/**
 * Reads a ZIP file's central directory (names and declared sizes) without unpacking anything: a
 * DOCX, an OFD and an XLSX are all ZIPs and differ only by the entries they hold, and the
 * declared sizes show a zip bomb before any inflater runs.
 */
export interface ZipEntry {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
  encrypted: boolean;
  /** 0 stored, 8 deflated (the two a DOCX uses). */
  method: number;
  /** Where the entry's local header starts (its data follows the header's name and extra field). */
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The entries, or null when the bytes hold no readable central directory (truncated or not a ZIP). */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) { end = at; break; }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const latin1 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: latin1.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      compressedBytes: view.getUint32(at + 20, true),
      uncompressedBytes: view.getUint32(at + 24, true),
      encrypted: (flags & 1) === 1,
      method: view.getUint16(at + 10, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What the entries declare they unpack to, together (a crafted ZIP may lie: zip-inflated-size.ts counts). */
export const declaredUnzippedBytes = (entries: readonly ZipEntry[]): number => entries.reduce((sum, e) => sum + e.uncompressedBytes, 0);
