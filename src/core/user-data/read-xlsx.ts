/**
 * An Excel workbook (.xlsx) → one table per sheet, in the shape a CSV gives. Read with
 * read-excel-file (its `universal` build: no worker of its own, runs in Node and in our import
 * worker). The ZIP's directory is checked first, as for reports (src/core/convert): an encrypted
 * or bomb-sized workbook is refused before anything is inflated.
 */
import readXlsxFile from 'read-excel-file/universal';
import { readZipDirectory } from '../convert/zip-directory.ts';
import { createTableBuilder, TableReadError, type RawTable } from './read-table.ts';

/** What a workbook may unpack to (declared sizes), like a DOCX. */
export const MAX_UNZIPPED_XLSX_BYTES = 400 * 1024 * 1024;

export interface SheetTable {
  name: string;
  table: RawTable | null;
  /** Why a sheet holds no table (empty), when it does not. */
  problem: 'empty' | null;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Whether the ZIP's entries are a workbook's (xl/workbook.xml). */
export function isXlsxDirectory(bytes: Uint8Array): boolean {
  return readZipDirectory(bytes)?.some((e) => e.name === 'xl/workbook.xml') ?? false;
}

/** Every sheet of the workbook, in order; sheet rows are numbered as Excel shows them (header = 1). */
export async function readXlsxTables(buffer: ArrayBuffer): Promise<SheetTable[]> {
  const entries = readZipDirectory(new Uint8Array(buffer));
  if (!entries || !entries.some((e) => e.name === 'xl/workbook.xml')) throw new TableReadError('xlsx-invalid', '');
  if (entries.some((e) => e.encrypted)) throw new TableReadError('xlsx-encrypted', '');
  const declared = entries.reduce((sum, e) => sum + e.uncompressedBytes, 0);
  if (declared > MAX_UNZIPPED_XLSX_BYTES) throw new TableReadError('zip-bomb', String(declared));
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(buffer);
  } catch {
    throw new TableReadError('xlsx-invalid', '');
  }
  return sheets.map(({ sheet, data }) => {
    const table = createTableBuilder();
    data.forEach((row, i) => {
      const fields = row.map(cellText);
      // Blank rows are skipped as in a CSV; the next row keeps its own number.
      if (fields.some((f) => f.trim() !== '')) table.row(fields, i + 1);
    });
    if (!table.started) return { name: sheet, table: null, problem: 'empty' as const };
    return { name: sheet, table: table.finish(), problem: null };
  });
}
