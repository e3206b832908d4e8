import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  /** 0-based. */
  page: number;
  pages: number;
  from: number;
  to: number;
  total: number;
  size: number;
  sizes: readonly number[];
  /** Pages are reached by key from the page on screen, so only these four moves (no jump to page n). */
  onPage: (to: 'first' | 'prev' | 'next' | 'last') => void;
  onSize: (size: number) => void;
}

export function Pagination({ page, pages, from, to, total, size, sizes, onPage, onSize }: Props) {
  const { m } = useI18n();
  return (
    <nav className="data-pagination" aria-label={m.dataPagination}>
      <span className="data-page-info">{m.dataPageInfo(from, to, total)}</span>
      <button type="button" onClick={() => onPage('first')} disabled={page === 0}>{m.dataFirst}</button>
      <button type="button" onClick={() => onPage('prev')} disabled={page === 0}>{m.dataPrev}</button>
      <span aria-live="polite">{m.dataPageOf(page + 1, pages)}</span>
      <button type="button" onClick={() => onPage('next')} disabled={page + 1 >= pages}>{m.dataNext}</button>
      <button type="button" onClick={() => onPage('last')} disabled={page + 1 >= pages}>{m.dataLast}</button>
      <label className="data-page-size">
        {m.dataPageSize}{' '}
        <select value={size} onChange={(e) => onSize(Number(e.target.value))}>
          {sizes.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
    </nav>
  );
}
