/**
 * A saved government web page → its article: navigation, breadcrumbs, headers, footers, share
 * bars, scripts and styles dropped; the article body found by the containers government CMSs use
 * (TRS `#zoom`, `.TRS_Editor`, `#UCAP-CONTENT`, `article`, `.article-content`…) or else by where
 * the page's paragraphs of Chinese text are; the page's own heading kept as the first line.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { htmlLines, NEVER_TEXT } from './html-text.ts';

const FURNITURE_TAGS = new Set(['nav', 'aside', 'form']);
/** class / id words of site furniture; matched as whole words of the attribute. */
const FURNITURE_WORDS = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|bread|footer|foot|bottom|header|top|topbar|sidebar|side|share|copyright|banner|toolbar|position|location|dqwz|weizhi|related|xgxx|xgwz|friend-?links?|links|print|close|search|login|skip)(?:$|[\s_-])/i;
const ARTICLE_SELECTORS = [/^zoom$/i, /TRS_Editor/i, /UCAP-CONTENT/i, /^(?:article|art|news|detail|text|main)[-_]?(?:content|body|con|text|cont)$/i, /^(?:content|contents|con_text|view|pages_content|wzcon)$/i];

const attributeWords = (element: Element): string => `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`.trim();

export function isFurniture(element: Element): boolean {
  if (FURNITURE_TAGS.has(element.name)) return true;
  if (element.name === 'header' || element.name === 'footer') return true;
  const words = attributeWords(element);
  return words !== '' && FURNITURE_WORDS.test(words) && !ARTICLE_SELECTORS.some((s) => words.split(/\s+/).some((w) => s.test(w)));
}

const cjkCount = (text: string): number => (text.match(/[\u4e00-\u9fff]/g) ?? []).length;

function elements(root: AnyNode, out: Element[] = []): Element[] {
  if (isTag(root)) {
    if (NEVER_TEXT.has(root.name)) return out;
    out.push(root);
  }
  if ('children' in root) for (const child of root.children as AnyNode[]) elements(child, out);
  return out;
}

function textOf(node: AnyNode): string {
  return htmlLines(node, isFurniture).join('\n');
}

/** The element holding the article: a known CMS container with text, else the best-scored block. */
function findArticle(all: Element[]): Element | null {
  for (const selector of ARTICLE_SELECTORS) {
    const found = all.find((e) => attributeWords(e).split(/\s+/).some((w) => selector.test(w)) && cjkCount(textOf(e)) >= 50);
    if (found) return found;
  }
  const article = all.find((e) => e.name === 'article' && cjkCount(textOf(e)) >= 50);
  if (article) return article;
  // Readability's idea, simplified: each paragraph's Chinese characters count for its parent in full and its grandparent by half.
  const scores = new Map<Element, number>();
  for (const element of all) {
    if (element.name !== 'p' && element.name !== 'div' && element.name !== 'td') continue;
    const own = element.children.filter((c) => !isTag(c) || !['div', 'table', 'section'].includes(c.name));
    const chars = own.reduce((sum, c) => sum + cjkCount(htmlLines(c, isFurniture).join('')), 0);
    if (chars < 20) continue;
    const parent = element.parent && isTag(element.parent) ? element.parent : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? 0) + chars);
    const grand = parent?.parent && isTag(parent.parent) ? parent.parent : null;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + chars / 2);
  }
  let best: Element | null = null;
  for (const [element, score] of scores) if (!isInsideFurniture(element) && (!best || score > scores.get(best)!)) best = element;
  return best;
}

function isInsideFurniture(element: Element): boolean {
  for (let node: AnyNode | null = element; node; node = node.parent) if (isTag(node) && isFurniture(node)) return true;
  return false;
}

export interface Article { lines: string[]; pageTitle: string }

export function htmlArticle(html: string): Article {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const all = elements(document);
  const titleElement = DomUtils.findOne((e) => e.name === 'title', document.children);
  const pageTitle = titleElement ? titleText(titleElement) : '';
  const article = findArticle(all);
  const lines = article ? htmlLines(article, isFurniture) : htmlLines(document, isFurniture);
  // The article's heading often sits outside its container (h1 above the #zoom div).
  const heading = all.find((e) => (e.name === 'h1' || e.name === 'h2' || /(?:^|\s)(?:title|article-title|news_title|tit)(?:\s|$)/i.test(attributeWords(e))) && !isInsideFurniture(e));
  const headingText = heading ? htmlLines(heading).join(' ') : '';
  if (headingText && cjkCount(headingText) >= 4 && !lines.slice(0, 3).some((l) => l.includes(headingText))) lines.unshift(headingText);
  return { lines, pageTitle };
}

function titleText(element: Element): string {
  return element.children.map((c) => ('data' in c ? String(c.data) : '')).join('').trim();
}
