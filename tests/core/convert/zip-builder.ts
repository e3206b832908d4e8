/**
 * Tiny ZIP files for tests: stored (uncompressed) entries whose central directory can declare any
 * size or flag — how a zip bomb or an encrypted package looks to a reader before it inflates.
 */
/** `method` 8: `data` is already deflated (raw); 0 (the default): stored. */
export interface ZipSpec { name: string; data?: Uint8Array; declaredBytes?: number; encrypted?: boolean; method?: 0 | 8 }

export function buildZip(entries: ZipSpec[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  for (const entry of entries) {
    const name = Array.from(encoder.encode(entry.name));
    const data = Array.from(entry.data ?? new Uint8Array());
    const flags = entry.encrypted ? 1 : 0;
    const offset = locals.length;
    const declared = entry.declaredBytes ?? data.length;
    const method = entry.method ?? 0;
    locals.push(...u32(0x04034b50), ...u16(20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(declared), ...u16(name.length), ...u16(0), ...name, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(flags), ...u16(method), ...u16(0), ...u16(0), ...u32(0), ...u32(data.length), ...u32(declared),
      ...u16(name.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(central.length), ...u32(locals.length), ...u16(0)];
  return new Uint8Array([...locals, ...central, ...end]);
}
