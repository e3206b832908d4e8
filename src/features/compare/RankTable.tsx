import { useState } from 'react';
import { markedValue } from '../../charts/compare-text.ts';
import { formatPeriod } from '../../charts/format-value.ts';
import { placeLabel } from '../../core/regions/place-label.ts';
import type { CompareFigure, RankedFigure } from '../../db/queries/compare.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { pageOfRow, tablePage } from './rank-table-page.ts';

interface RankTableProps {
  ranked: RankedFigure[];
  partYear: CompareFigure[];
  unit: string;
  /** The year compared: a figure of another year has its year marked. */
  year: number;
  focus: string;
  selected: string | null;
  onSelect: (obsId: string) => void;
  /** Whether the reader opened it: kept by the view, so a new year or group (which re-creates the table) leaves it open. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * The ranking as a table: what the canvas shows, for screen readers and the keyboard (each value opens
 * its source). Its rows are built only once the reader opens it, and a page at a time (rank-table-page.ts):
 * among all 2,789 places of a national dataset, building them on every year or group change cost
 * hundreds of ms of a step's main thread (docs/BENCHMARKS.md, "National scale: place files" and "part D").
 * It opens on the focal place's page; a new ranking (year, group) goes back to it.
 */
export function RankTable({ ranked, partYear, unit, year, focus, selected, onSelect, open, onOpenChange }: RankTableProps) {
  const { lang, m } = useI18n();
  // The page the reader turned to, for this ranking only (a new `ranked` array is a new ranking).
  const [turned, setTurned] = useState<{ of: RankedFigure[]; page: number } | null>(null);
  const total = ranked.length + partYear.length;
  const inRanked = ranked.findIndex((r) => r.region_code === focus);
  const inPartYear = inRanked >= 0 ? -1 : partYear.findIndex((f) => f.region_code === focus);
  const focusIndex = inRanked >= 0 ? inRanked : inPartYear >= 0 ? ranked.length + inPartYear : -1;
  const wanted = turned?.of === ranked ? turned.page : pageOfRow(focusIndex);
  const { page, pages, first, end } = tablePage(total, wanted);
  const turn = (to: number) => setTurned({ of: ranked, page: to });
  const name = (f: CompareFigure) => placeLabel(f, lang);
  const row = (f: CompareFigure, rank: string) => (
    <tr key={f.obs_id} className={f.region_code === focus ? 'compare-focus-row' : ''}>
      <td>{rank}</td>
      <th scope="row">{name(f)}</th>
      <td className={f.year === year ? '' : 'compare-other-year'}>{f.period === 'year' ? f.year : `${f.year} · ${formatPeriod(f.period, lang)}`}</td>
      <td>
        <button type="button" className="compare-value" aria-pressed={selected === f.obs_id} onClick={() => onSelect(f.obs_id)}>
          {markedValue(f, unit, lang)}
        </button>
      </td>
    </tr>
  );
  const rows = [];
  for (let i = first; i < end; i += 1) {
    const r = ranked[i];
    rows.push(r ? row(r, r.tied ? `${r.rank}=` : String(r.rank)) : row(partYear[i - ranked.length]!, m.compareTableNotRanked));
  }
  return (
    <details className="compare-table" open={open} onToggle={(event) => onOpenChange(event.currentTarget.open)}>
      <summary>{m.compareTableSummary}</summary>
      {open && pages > 1 && (
        <nav className="compare-table-pages" aria-label={m.compareTablePages} data-testid="compare-table-pages">
          <button type="button" disabled={page === 0} onClick={() => turn(page - 1)}>{m.compareTablePrevious}</button>
          <span aria-live="polite">{m.compareTableRows(first + 1, end, total)}</span>
          <button type="button" disabled={page === pages - 1} onClick={() => turn(page + 1)}>{m.compareTableNext}</button>
        </nav>
      )}
      {open && (
        <table>
          <thead><tr><th scope="col">{m.compareTableRank}</th><th scope="col">{m.compareTablePlace}</th><th scope="col">{m.compareTableYear}</th><th scope="col">{m.compareTableValue}</th></tr></thead>
          <tbody>{rows}</tbody>
        </table>
      )}
    </details>
  );
}
