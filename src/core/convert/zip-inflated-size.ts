/**
 * How many bytes a ZIP really unpacks to, counted by inflating it in small steps and stopping as
 * soon as the count passes a limit. The central directory's declared sizes (zip-directory.ts) stop
 * an honest bomb; a crafted one declares a few bytes and inflates to gigabytes, which the DOCX
 * reader (mammoth's JSZip) would unpack in full. Nothing inflated is kept: only the count.
 */
import { Inflate } from 'fflate';
import type { ZipEntry } from './zip-directory.ts';

const LOCAL_HEADER = 0x04034b50;
/** Compressed bytes fed per step: deflate expands at most ~1,032×, so one step yields at most ~17 MB. */
const STEP = 16 * 1024;

class PastLimit extends Error {}

/**
 * The unpacked size of every stored or deflated entry, or `null` once it passes `limit` (the
 * inflating stops there). Entries in another method, or whose local header is not where the
 * directory says, are left to the reader, which refuses them itself.
 */
export function inflatedBytesWithin(bytes: Uint8Array, entries: readonly ZipEntry[], limit: number): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) continue;
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = Math.min(bytes.length, start + entry.compressedBytes);
    if (entry.method === 0) total += Math.max(0, end - start);
    else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => {
        total += chunk.length;
        if (total > limit) throw new PastLimit();
      });
      try {
        for (let from = start; from < end; from += STEP) inflater.push(bytes.subarray(from, Math.min(end, from + STEP)), from + STEP >= end);
      } catch (error) {
        if (error instanceof PastLimit) return null;
        continue; // a damaged stream: the reader names the damage
      }
    }
    if (total > limit) return null;
  }
  return total;
}
