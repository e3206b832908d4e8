/**
 * pdf.js text items (strings with positions) → the lines of each page in reading order. Items are
 * grouped into lines by baseline; a page whose text leaves an empty vertical gutter near its middle
 * is read as two columns, left column first, with text that spans the gutter (a title above the
 * columns, a footer below) kept in place above or below them.
 */

/** One pdf.js text item: `x`, `y` from its transform (PDF units, origin bottom left). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfLine {
  text: string;
  x: number;
  /** Right edge. */
  right: number;
  y: number;
  height: number;
  /** 0 for full-width text, 1 left column, 2 right column. */
  column: 0 | 1 | 2;
}

const isCjk = (char: string | undefined): boolean => char !== undefined && /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/.test(char);

/**
 * Items on one baseline, left to right, joined. pdf.js's own whitespace items are dropped (it puts
 * them in the gaps of a justified line); a wide gap between Latin text becomes one space.
 */
function toLines(items: PdfTextItem[], column: PdfLine['column']): PdfLine[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    const size = Math.max(item.height, 1);
    if (group && Math.abs(group[0]!.y - item.y) <= size * 0.5) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let right = -Infinity;
    for (const item of group) {
      const gap = item.x - right;
      const size = Math.max(item.height, 1);
      // A wide gap is a word space only between Latin letters or digits: justified Chinese lines are stretched with gaps everywhere.
      if (text !== '' && gap > size * 0.3 && !isCjk(text[text.length - 1]) && !isCjk(item.str[0])) text += ' ';
      text += item.str;
      right = Math.max(right, item.x + item.width);
    }
    const first = group[0]!;
    return { text: text.trim(), x: first.x, right, y: Math.max(...group.map((i) => i.y)), height: Math.max(...group.map((i) => i.height)), column };
  }).filter((line) => line.text !== '');
}

/**
 * The gutter of a two-column page: an [left, right) x-range in the middle third that (almost) no
 * text row crosses, with text on both sides. Counted per row (items on one baseline), not per item:
 * justified Chinese text comes one item per character.
 */
export function findGutter(page: PdfPage): [number, number] | null {
  const items = page.items.filter((i) => i.str.trim() !== '');
  if (items.length < 10) return null;
  const bins = 200;
  const step = page.width / bins;
  const rows = new Map<number, Set<number>>();
  for (const item of items) {
    const key = Math.round(item.y);
    const covered = rows.get(key) ?? new Set<number>();
    for (let b = Math.max(0, Math.floor(item.x / step)); b < Math.min(bins, Math.ceil((item.x + item.width) / step)); b += 1) covered.add(b);
    rows.set(key, covered);
  }
  const crossing = new Array<number>(bins).fill(0);
  for (const covered of rows.values()) for (const b of covered) crossing[b]! += 1;
  // Headers, footers and a title above the columns cross the gutter; a tenth of the rows may.
  const allowed = Math.max(2, Math.round(rows.size * 0.1));
  let best: [number, number] | null = null;
  for (let b = Math.floor(bins / 3); b < Math.ceil((2 * bins) / 3); b += 1) {
    if (crossing[b]! > allowed) continue;
    let end = b;
    while (end < bins && crossing[end]! <= allowed) end += 1;
    if (!best || end - b > best[1] - best[0]) best = [b, end];
    b = end;
  }
  if (!best || (best[1] - best[0]) * step < page.width * 0.02) return null;
  const [left, right] = [best[0] * step, best[1] * step];
  const rowsLeft = [...rows.values()].filter((covered) => [...covered].some((b) => b < best[0])).length;
  const rowsRight = [...rows.values()].filter((covered) => [...covered].some((b) => b >= best[1])).length;
  return rowsLeft >= 5 && rowsRight >= 5 ? [left, right] : null;
}

/** Items on (nearly) one baseline, top row first. */
function rows(items: PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = out[out.length - 1];
    if (row && Math.abs(row[0]!.y - item.y) <= Math.max(item.height, 1) * 0.5) row.push(item);
    else out.push([item]);
  }
  return out;
}

/**
 * Reading order of a page: without a gutter, top to bottom. With one, each row (one baseline) is
 * split at the gutter; a row with text across the gutter (a title, a running header, a footer)
 * spans both columns and stays above or below them.
 */
export function pageLines(page: PdfPage): PdfLine[] {
  const items = page.items.filter((i) => i.str.trim() !== '');
  const gutter = findGutter(page);
  if (!gutter) return toLines(items, 0);
  const [left, right] = gutter;
  const crosses = (i: PdfTextItem) => i.x < right && i.x + i.width > left;
  const all = rows(items);
  const spanning = all.filter((row) => row.some(crosses));
  const columnRows = all.filter((row) => !row.some(crosses));
  const columnTop = Math.max(...columnRows.map((row) => row[0]!.y));
  const middle = (left + right) / 2;
  const leftItems = columnRows.flat().filter((i) => i.x + i.width / 2 < middle);
  const rightItems = columnRows.flat().filter((i) => i.x + i.width / 2 >= middle);
  const above = spanning.filter((row) => row[0]!.y > columnTop).flat();
  const below = spanning.filter((row) => row[0]!.y <= columnTop).flat();
  return [...toLines(above, 0), ...toLines(leftItems, 1), ...toLines(rightItems, 2), ...toLines(below, 0)];
}
