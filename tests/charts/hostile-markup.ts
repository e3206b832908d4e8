/**
 * Checks that markup built from hostile data holds the data only as escaped text. Used by the
 * *hostile*.test.ts files: tooltips (HTML strings handed to ECharts), SVG from the SSR renderer,
 * and label formatters under ECharts rich text.
 */
import { expect } from 'vitest';

/** The only tags our tooltip builders write, with constant inline styles. */
const TOOLTIP_TAG = /<\/?(?:div|b)(?: style="[^"<>]*")?>/g;
const ENTITY = /&(?:amp|lt|gt|quot|#39);/g;

export function unescapeHtml(text: string): string {
  return text.replace(ENTITY, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e]!);
}

/** The tooltip holds no markup besides its own <div>/<b> tags: no `<`, `>`, quote or bare `&` from data. Returns its text. */
export function expectOnlyEscapedText(html: string): string {
  const text = html.replace(TOOLTIP_TAG, '');
  expect(text, html.slice(0, 300)).not.toMatch(/[<>"']/);
  expect(text.replace(ENTITY, ''), html.slice(0, 300)).not.toContain('&');
  return unescapeHtml(text);
}

/** SVG elements ECharts' SSR renderer writes. Anything else (img, script, iframe, foreignObject…) came from data. */
const SVG_ELEMENTS = new Set(['svg', 'g', 'path', 'text', 'tspan', 'rect', 'circle', 'line', 'polyline', 'polygon', 'defs', 'clipPath', 'style', 'title', 'linearGradient', 'radialGradient', 'stop', 'pattern', 'image']);

/** Every tag is a known SVG element with plain attributes (no event handlers, no javascript: URLs). */
export function expectCleanSvg(svg: string): void {
  for (const [tag, name = '', attrs = ''] of svg.matchAll(/<\/?([A-Za-z][\w:-]*)([^>]*)>/g)) {
    expect(SVG_ELEMENTS.has(name), `unexpected element in ${tag.slice(0, 120)}`).toBe(true);
    // Attribute values are double-quoted and escaped: after removing them only names remain.
    const names = attrs.replace(/\s*\/$/, '').replace(/="[^"]*"/g, '').trim().split(/\s+/).filter(Boolean);
    for (const attr of names) {
      expect(attr, tag.slice(0, 120)).toMatch(/^[a-zA-Z_][\w:-]*$/);
      expect(attr.toLowerCase().startsWith('on'), tag.slice(0, 120)).toBe(false);
    }
    expect(attrs.toLowerCase()).not.toContain('javascript:');
  }
  expect(svg).not.toMatch(/<(?:script|img|iframe|foreignObject)\b/i);
  // The renderer's own CSS sits in a CDATA section inside <style>; none may appear anywhere else.
  expect(svg.replace(/<style[^>]*><!\[CDATA\[[^<]*\]\]>\s*<\/style>/g, '')).not.toContain('<![CDATA[');
}

/** The text content of an SVG (tags dropped, entities decoded), to show data is drawn as written. */
export function svgText(svg: string): string {
  return unescapeHtml(svg.replace(/<[^>]*>/g, '\n').replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))));
}

/** zrender's rich-text token: `{style|text}`. */
export const RICH_TOKEN = /\{([a-zA-Z0-9_]+)\|([^}]*)\}/g;

/** A label under rich text carries no token of the data's making: only `{focus|…}` around the whole label, nothing inside. */
export function expectNoRichFromData(label: string, allowed: readonly string[] = ['focus']): void {
  const tokens = [...label.matchAll(RICH_TOKEN)];
  for (const t of tokens) expect(allowed).toContain(t[1]);
  const inner = tokens.length === 1 && tokens[0]![0] === label ? tokens[0]![2]! : label;
  expect(inner).not.toMatch(/[{}|]/);
}
