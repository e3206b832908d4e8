/**
 * A parsed HTML tree (a web page's article, or the HTML mammoth makes from a DOCX) as report text:
 * one line per block (paragraph, heading, list item), whitespace runs collapsed, blanks between
 * Chinese characters dropped (a page's source wraps lines anywhere), and each table row as one
 * `| cell | cell |` line, the form the extractor reads tables in (src/core/extract/pipe-tables.ts).
 */
import { isTag, isText, type AnyNode, type Element } from 'domhandler';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'tbody', 'thead', 'tfoot', 'center', 'address', 'figure', 'figcaption', 'hr', 'header', 'footer', 'font',
]);
/** Never text: code, styling, embedded objects, form controls. */
export const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'button', 'input', 'textarea', 'head', 'title', 'meta', 'link']);

const CJK = '[\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]';
const BLANK_BETWEEN_CJK = new RegExp(`(?<=${CJK}) +(?=${CJK})`, 'g');

function tidyLine(line: string): string {
  return line.replace(/[\s\u00a0\u3000]+/g, ' ').replace(BLANK_BETWEEN_CJK, '').trim();
}

/** Text of a subtree as one line (table cells, inline content). */
function inlineText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || NEVER_TEXT.has(node.name)) return '';
  if (node.name === 'br') return ' ';
  return node.children.map(inlineText).join(BLOCK.has(node.name) ? ' ' : '');
}

function tableLines(table: Element, lines: string[]): void {
  const rows: Element[] = [];
  const collect = (node: AnyNode) => {
    if (!isTag(node)) return;
    if (node.name === 'tr') rows.push(node);
    else if (node.name !== 'table') node.children.forEach(collect);
  };
  table.children.forEach(collect);
  for (const row of rows) {
    const cells = row.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'))
      .map((cell) => tidyLine(inlineText(cell)).replace(/\|/g, '｜'));
    if (cells.some((c) => c !== '')) lines.push(`| ${cells.join(' | ')} |`);
  }
}

/** The lines of a subtree; `skip` drops page furniture (see html-article.ts). */
export function htmlLines(root: AnyNode, skip: (element: Element) => boolean = () => false): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = tidyLine(current);
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: AnyNode) => {
    if (isText(node)) { current += node.data; return; }
    if (!isTag(node)) {
      if ('children' in node) (node.children as AnyNode[]).forEach(walk);
      return;
    }
    if (NEVER_TEXT.has(node.name) || skip(node)) return;
    if (node.name === 'br') { flush(); return; }
    if (node.name === 'table') { flush(); tableLines(node, lines); return; }
    const block = BLOCK.has(node.name);
    if (block) flush();
    node.children.forEach(walk);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}
