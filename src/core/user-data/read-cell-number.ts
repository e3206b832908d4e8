/**
 * One table cell → a number, as researchers type them: `98.5`, `98.5%`, `1,234`, `1 234`, `约98`,
 * `1.2万`, `三千`, `190余件`. The quantity itself is read by the report extractor's parser
 * (src/core/numbers/parse-quantity.ts), so a cell and a sentence read the same way and the
 * approximation qualifier (约, 余, 近…) is kept.
 */
import { parseQuantity, type Quantity } from '../numbers/parse-quantity.ts';

/** Cells that say "no figure": skipped (not reported is not zero), never read as a number. */
const BLANK = new Set(['', '-', '--', '—', '——', '–', '/', '／', 'na', 'n/a', '#n/a', 'null', 'nan', '无', '无数据', '未报告', '未公布', '不详', '…', '...']);

export function isBlankCell(text: string): boolean {
  return BLANK.has(text.normalize('NFKC').trim().toLowerCase());
}

export interface CellNumber extends Quantity {
  /** The cell carried a percent sign (or 百分之). */
  hasPercent: boolean;
}

/** Units a cell may carry after its number; the indicator's own unit decides, so they are only stripped. */
const UNIT_SUFFIX = /(?:件次|人次|批次|场次|件|人|批|场|条|项|个|卷|次|户|元|万元)$/;

export function readCellNumber(raw: string): CellNumber | null {
  let text = raw.normalize('NFKC').trim().replace(/\s+/g, '');
  if (text === '' || text.length > 40) return null;
  let hasPercent = false;
  if (/%$/.test(text)) {
    hasPercent = true;
    text = text.slice(0, -1);
  }
  // Thousands separators only where they group digits in threes (1,234,567); "1,2" stays unreadable.
  if (/^[^\d]*\d{1,3}(?:,\d{3})+(?:\.\d+)?[^\d]*$/.test(text)) text = text.replace(/,/g, '');
  const stripped = text.replace(UNIT_SUFFIX, '');
  const quantity = parseQuantity(stripped) ?? (stripped === text ? null : parseQuantity(text));
  if (!quantity) return null;
  return { ...quantity, hasPercent: hasPercent || quantity.percent };
}
