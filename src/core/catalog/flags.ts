/**
 * The pipeline's quality flags in words. An observation's flag is `code` or `code: detail`
 * (src/core/extract: derive.ts writes "rate_mismatch: printed 99% but 2850 ÷ 2862 = 99.58%").
 * The dataset keeps the flag as written (CSV `flags` column); pages show the name and the detail in
 * the reader's language, never the code. One table for the source panel, Profile, Data and exports.
 */
import type { Lang } from '../lang.ts';

export const FLAG_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  rate_mismatch: { zh: '原文比率与其计数不一致', en: 'printed rate disagrees with its counts' },
  empty_span: { zh: '原文位置为空', en: 'empty source span' },
  year_to_date: { zh: '“今年以来”,截止日期不明', en: '"so far this year", cut-off date unknown' },
};

/** Said of a code this table does not know yet (a newer pipeline): named as such, not shown raw. */
const UNKNOWN_FLAG = { zh: '其他质量标记', en: 'other quality flag' };

/** The code of a flag: "rate_mismatch: printed …" → "rate_mismatch". */
export const flagCode = (flag: string): string => flag.split(':')[0]!.trim();

const RATE_MISMATCH = /^printed\s+([\d.]+)%\s+but\s+([\d.]+)\s*÷\s*([\d.]+)\s*=\s*([\d.]+)%$/;

/** A flag's name in the reader's language. */
export function flagName(flag: string, lang: Lang): string {
  return (FLAG_NAMES[flagCode(flag)] ?? UNKNOWN_FLAG)[lang];
}

/**
 * A flag's detail in the reader's language ('' when it has none): the rate mismatch's figures are
 * language-neutral and rewritten; another detail is the pipeline's English, so the Chinese page
 * leaves it out (the CSV keeps it) rather than print English.
 */
export function flagDetail(flag: string, lang: Lang): string {
  const at = flag.indexOf(':');
  if (at < 0) return '';
  const detail = flag.slice(at + 1).trim();
  const rate = flagCode(flag) === 'rate_mismatch' ? RATE_MISMATCH.exec(detail) : null;
  if (rate) {
    const [, printed, top, bottom, computed] = rate;
    return lang === 'zh' ? `原文为 ${printed}%,而 ${top} ÷ ${bottom} = ${computed}%` : `printed ${printed}% but ${top} ÷ ${bottom} = ${computed}%`;
  }
  return lang === 'en' ? detail : '';
}

/** Name and detail in one line, as a tooltip or a list item says it. */
export function describeFlag(flag: string, lang: Lang): string {
  const detail = flagDetail(flag, lang);
  return detail ? `${flagName(flag, lang)}${lang === 'zh' ? ':' : ': '}${detail}` : flagName(flag, lang);
}
