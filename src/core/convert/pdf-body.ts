/**
 * The lines of every page → one report body and its page map. Running headers and footers (a line
 * at the top or bottom of a page that recurs, digits aside, on at least half the pages) and page
 * numbers ("- 3 -", "第3页 共10页", "3/10") are dropped. Lines are joined back into paragraphs
 * across line and page breaks: a break is kept only after a sentence ends, before a heading
 * ("一、", "(二)", "3.") or after a line that stops short of its column's right edge.
 */
import { pageLines, type PdfLine, type PdfPage } from './pdf-lines.ts';

export interface PdfBody {
  body: string;
  /** pageStarts[i]: offset in `body` of the first character taken from page i + 1. */
  pageStarts: number[];
}

const PAGE_NUMBER = /^[\s\-—–_·•.]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*[,，]?\s*共\s*\d{1,4}\s*页)?[\s\-—–_·•.]*$|^[\s\-—–_·•]*[-—–]\s*[一二三四五六七八九十百]+\s*[-—–][\s\-—–_·•]*$/;
/** How many lines at each end of a page can be furniture. */
const EDGE = 2;
const furnitureKey = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, '');

function edgeLines(lines: PdfLine[]): PdfLine[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  return [...byHeight.slice(0, EDGE), ...byHeight.slice(-EDGE)];
}

/** Lines to drop: page numbers at a page's edge, and edge lines that recur on half the pages or more. */
function furniture(pages: PdfLine[][]): Set<PdfLine> {
  const drop = new Set<PdfLine>();
  const pagesWithKey = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edgeLines(lines).map((l) => furnitureKey(l.text)))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const recurring = Math.max(2, Math.ceil(pages.length / 2));
  for (const lines of pages) {
    for (const line of edgeLines(lines)) {
      if (PAGE_NUMBER.test(line.text) || (pages.length >= 2 && (pagesWithKey.get(furnitureKey(line.text)) ?? 0) >= recurring)) drop.add(line);
    }
  }
  return drop;
}

/** A sentence ends at 。!?;: (a closing quote or bracket after one included); a line ending in a bare ” or ) goes on. */
const SENTENCE_END = /[。!?！？;；:：](?:[”」』)）】])?$/;
const HEADING_START = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d)|第[一二三四五六七八九十\d]+[章节部分条]|附件|附表)/;
const latinEnd = /[A-Za-z0-9]$/;
const latinStart = /^[A-Za-z0-9]/;

export function pdfBody(pages: PdfPage[]): PdfBody {
  const linesByPage = pages.map(pageLines);
  const drop = furniture(linesByPage);
  let body = '';
  const pageStarts: number[] = [];
  let previous: PdfLine | null = null;
  let previousRight = 0;
  linesByPage.forEach((lines, pageIndex) => {
    const kept = lines.filter((l) => !drop.has(l));
    // Each column's edges on this page (full-width text spans them all): a line that stops short of
    // the right edge ends its paragraph, one that starts indented (a first-line indent, a centred title) begins one.
    const rightEdge = new Map<number, number>();
    const leftEdge = new Map<number, number>();
    for (const l of kept) {
      rightEdge.set(l.column, Math.max(rightEdge.get(l.column) ?? 0, l.right));
      leftEdge.set(l.column, Math.min(leftEdge.get(l.column) ?? Infinity, l.x));
    }
    rightEdge.set(0, Math.max(0, ...rightEdge.values()));
    leftEdge.set(0, Math.min(Infinity, ...leftEdge.values()));
    let first = true;
    for (const line of kept) {
      if (previous) {
        const shortLine = previousRight - previous.right > previous.height * 1.5;
        const indented = line.x - (leftEdge.get(line.column) ?? line.x) > line.height * 1.5;
        const keepBreak = SENTENCE_END.test(previous.text) || HEADING_START.test(line.text) || shortLine || indented;
        body += keepBreak ? '\n' : latinEnd.test(previous.text) && latinStart.test(line.text) ? ' ' : '';
      }
      if (first) { pageStarts[pageIndex] = body.length; first = false; }
      body += line.text;
      previous = line;
      previousRight = rightEdge.get(line.column) ?? line.right;
    }
    if (first) pageStarts[pageIndex] = -1;
  });
  if (body !== '') body += '\n';
  // A page with no text starts where the next text does.
  for (let i = pageStarts.length - 1; i >= 0; i -= 1) if (pageStarts[i] === -1) pageStarts[i] = pageStarts[i + 1] ?? body.length;
  return { body, pageStarts };
}

/** The 1-based page an offset of the body falls on (null without a page map). */
export function pageOfOffset(pageStarts: readonly number[] | undefined, offset: number): number | null {
  if (!pageStarts || pageStarts.length === 0) return null;
  let page = 1;
  for (let i = 0; i < pageStarts.length; i += 1) if (pageStarts[i]! <= offset) page = i + 1;
  return page;
}
