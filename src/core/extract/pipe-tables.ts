import { concatMapped, sliceMapped, type MappedText } from '../text/mapped-text.ts';

/**
 * Pipe-rendered tables (`| 项目 | 受理数(件) | 办结数(件) |`) read row by row with their header:
 * each data row becomes one virtual sentence, "row label + column header + cell + unit", whose
 * characters still map to the body, so the rules read `行政复议受理数35件` as they read prose.
 */
export interface TableRow {
  /** The row as a sentence for the rules. */
  mapped: MappedText;
  /** [start, end) of the row's line in the normalised text: its quote. */
  line: { start: number; end: number };
}

interface Cell { start: number; end: number; text: string }

const UNIT_IN_HEADER = /[(（]([^()（）]{1,3})[)）]\s*$/;

export function readPipeTables(mapped: MappedText): TableRow[] {
  const rows: TableRow[] = [];
  let header: Cell[] | null = null;
  let offset = 0;
  for (const line of mapped.text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const cells = splitCells(line, lineStart);
    if (!cells) { header = null; continue; }
    if (cells.every((cell) => /^[-:\s]*$/.test(cell.text))) continue; // a |---|---| rule line
    if (!header || !cells.some((cell) => /\d/.test(cell.text))) { header = cells; continue; }
    const row = readRow(mapped, header, cells, { start: lineStart, end: lineStart + line.length });
    if (row) rows.push(row);
  }
  return rows;
}

function splitCells(line: string, lineStart: number): Cell[] | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || (trimmed.match(/\|/g) ?? []).length < 3) return null;
  const cells: Cell[] = [];
  let cellStart = line.indexOf('|') + 1;
  for (let i = cellStart; i <= line.length; i += 1) {
    if (i === line.length || line[i] === '|') {
      const raw = line.slice(cellStart, i);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (i < line.length || text) cells.push({ start: lineStart + cellStart + lead, end: lineStart + cellStart + lead + text.length, text });
      cellStart = i + 1;
    }
  }
  while (cells.length > 0 && cells[cells.length - 1]!.text === '') cells.pop();
  return cells.length >= 2 ? cells : null;
}

function readRow(mapped: MappedText, header: Cell[], cells: Cell[], line: { start: number; end: number }): TableRow | null {
  const label = cells[0]!;
  const pieces: Array<MappedText | string> = [];
  for (let column = 1; column < cells.length; column += 1) {
    const cell = cells[column]!;
    const head = header[column];
    if (!head || !/\d/.test(cell.text)) continue;
    const unit = UNIT_IN_HEADER.exec(head.text);
    const headEnd = unit ? head.end - unit[0].length : head.end;
    if (label.text && !/\d/.test(label.text)) pieces.push(sliceMapped(mapped, label.start, label.end));
    pieces.push(sliceMapped(mapped, head.start, headEnd), sliceMapped(mapped, cell.start, cell.end));
    if (unit && !cell.text.endsWith(unit[1]!)) pieces.push(unit[1]!);
    pieces.push('。');
  }
  if (pieces.length === 0) return null;
  return { mapped: concatMapped(pieces, mapped.origin[line.start] ?? 0), line };
}
