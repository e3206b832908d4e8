/**
 * The character set of a saved web page: a byte-order mark, else the `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` in its first kilobytes (gb2312 and
 * GBK pages are read as GB18030, their superset), else strict UTF-8, else GB18030 (what an
 * undeclared Chinese government page almost always is). Decoding is strict: a page that does not
 * decode as its declared charset is an error naming that charset, never mojibake.
 */
import { ConversionError } from './conversion-error.ts';

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'euc-cn': 'gb18030',
  'utf-8': 'utf-8', utf8: 'utf-8', big5: 'big5', 'big5-hkscs': 'big5', 'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
};

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-z0-9_\-:.]+)/i;

/** The declared charset as a TextDecoder label, or null when the page declares none (or one we do not know). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8192));
  const declared = META_CHARSET.exec(head)?.[1]?.toLowerCase();
  return declared ? ALIASES[declared] ?? null : null;
}

export interface DecodedPage { html: string; encoding: string }

function strict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be');
  const declared = declaredCharset(bytes);
  if (declared) {
    const html = strict(bytes, declared);
    // A page declared gb2312 that is really UTF-8 (a re-saved page) is common enough to accept.
    if (html !== null) return { html, encoding: declared.toUpperCase() };
    const utf8 = strict(bytes, 'utf-8');
    if (utf8 !== null) return { html: utf8, encoding: 'UTF-8' };
    throw new ConversionError({ code: 'undecodable', encoding: declared.toUpperCase() });
  }
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return { html: utf8, encoding: 'UTF-8' };
  return decodeAs(bytes, 'gb18030');
}

function decodeAs(bytes: Uint8Array, label: string): DecodedPage {
  const html = strict(bytes, label);
  if (html === null) throw new ConversionError({ code: 'undecodable', encoding: label.toUpperCase() });
  return { html, encoding: label.toUpperCase() };
}
