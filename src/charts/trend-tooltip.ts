import type { Approx } from '../core/types.ts';
import { FAINT, MUTED, NOTE, USER_TEXT } from './theme.ts';
import type { TrendPoint } from '../db/queries/trend.ts';
import { escapeHtml } from './escape-html.ts';
import { splitQuote } from './figure-in-quote.ts';
import { formatPeriod, formatValue, type Lang } from './format-value.ts';
import { placeLabels } from '../core/regions/place-label.ts';
import { isIndexed } from './trend-index.ts';

/** Every word the trend chart draws, supplied by the page's message catalog. */
export interface TrendText {
  yearAxis: string;
  keyPlain: string;
  keyPartYear: string;
  keyApprox: string;
  keyDerived: string;
  keyDashed: string;
  approx: Record<Approx, string>;
  derived: string;
  partYear: (period: string) => string;
  alternatives: (count: number) => string;
  conflict: string;
  clickForSource: string;
  /** The researcher's own data: the key entry and tooltip mark of the researcher's own figure ("我的数据"). */
  keyUser?: string;
  /** "我的数据 · 文件名" for a user point (the file name is filled in by the caller's data). */
  userMark?: string;
  /** Under a published point: how many of the alternatives are the user's own rows. */
  userAlternatives?: (count: number) => string;
  /** Index mode (trend-index.ts): the axis name, and the tooltip's line with the index and its base year. */
  indexAxis?: string;
  indexLine?: (index: string, baseYear: number) => string;
}

const QUOTE_MAX = 90;

/** The quote, shortened around its figure, as HTML with the figure in <b>. Everything escaped. */
export function quoteHtml(quote: string, value: number): string {
  const parts = splitQuote(quote, [value]);
  const hit = parts.findIndex((p) => p.figure);
  let offset = 0;
  for (let i = 0; i < hit; i += 1) offset += parts[i]!.text.length;
  const start = quote.length <= QUOTE_MAX || hit < 0 ? 0 : Math.max(0, Math.min(offset - 30, quote.length - QUOTE_MAX));
  const end = Math.min(quote.length, start + QUOTE_MAX);
  let html = start > 0 ? '…' : '';
  let position = 0;
  for (const part of parts) {
    const from = Math.max(start, position);
    const to = Math.min(end, position + part.text.length);
    if (to > from) {
      const piece = escapeHtml(part.text.slice(from - position, to - position));
      html += part.figure ? `<b>${piece}</b>` : piece;
    }
    position += part.text.length;
  }
  return html + (end < quote.length ? '…' : '');
}

export function trendTooltip(points: readonly TrendPoint[], indicator: { name: string; unit: string }, settings: { lang: Lang; text: TrendText }) {
  const byId = new Map(points.map((p) => [p.obs_id, p]));
  const { text, lang } = settings;
  // The place as the legend and the place list name it ("Guangling 广灵县" in English).
  const names = placeLabels(points, lang);
  return (params: unknown): string => {
    const one = (Array.isArray(params) ? params[0] : params) as { data?: { obsId?: string } } | undefined;
    const point = one?.data?.obsId ? byId.get(one.data.obsId) : undefined;
    if (!point) return '';
    const notes = [
      point.period !== 'year' ? text.partYear(formatPeriod(point.period, lang)) : '',
      point.approx !== 'exact' ? text.approx[point.approx] : '',
      point.value_kind === 'derived' ? text.derived : '',
      point.conflict ? text.conflict : '',
      point.n_candidates > 1 ? text.alternatives(point.n_candidates - 1) : '',
    ].filter(Boolean);
    const user = point.origin === 'user' && text.userMark
      ? `<div style="color:${USER_TEXT};font-weight:bold">◇ ${escapeHtml(text.userMark)}</div>` : '';
    const userAlternatives = point.origin !== 'user' && (point.n_user ?? 0) > 0 && text.userAlternatives
      ? `<div style="color:${USER_TEXT}">${escapeHtml(text.userAlternatives(point.n_user!))}</div>` : '';
    return [
      `<div style="max-width:320px;white-space:normal">`,
      user,
      `<div><b>${escapeHtml(names.get(point.region_code) ?? point.region_name)}</b> · ${escapeHtml(String(point.year))}</div>`,
      `<div>${escapeHtml(indicator.name)}: <b>${escapeHtml(formatValue(isIndexed(point) ? point.printed : point.value, point.unit || indicator.unit, lang))}</b></div>`,
      isIndexed(point) && text.indexLine
        ? `<div>${escapeHtml(text.indexLine(new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 }).format(point.value), point.base_year))}</div>` : '',
      notes.length ? `<div style="color:${NOTE}">${notes.map(escapeHtml).join(' · ')}</div>` : '',
      userAlternatives,
      point.quote ? `<div style="color:${MUTED};margin-top:4px">“${quoteHtml(point.quote, point.value)}”</div>` : '',
      `<div style="color:${FAINT};margin-top:4px">${escapeHtml(text.clickForSource)}</div>`,
      `</div>`,
    ].join('');
  };
}
