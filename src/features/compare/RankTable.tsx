import { markedValue } from '../../charts/compare-text.ts';
import { formatPeriod } from '../../charts/format-value.ts';
import { placeLabel } from '../../core/regions/place-label.ts';
import type { CompareFigure, RankedFigure } from '../../db/queries/compare.ts';
import { useI18n } from '../i18n/i18n.tsx';

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
 * its source). Its rows are built only once the reader opens it: among all 2,789 places of a national
 * dataset, building them on every year or group change cost hundreds of ms of a step's main thread
 * for a table most readers never open (docs/BENCHMARKS.md, "National scale: place files").
 */
export function RankTable({ ranked, partYear, unit, year, focus, selected, onSelect, open, onOpenChange }: RankTableProps) {
  const { lang, m } = useI18n();
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
  return (
    <details className="compare-table" open={open} onToggle={(event) => onOpenChange(event.currentTarget.open)}>
      <summary>{m.compareTableSummary}</summary>
      {open && (
        <table>
          <thead><tr><th scope="col">{m.compareTableRank}</th><th scope="col">{m.compareTablePlace}</th><th scope="col">{m.compareTableYear}</th><th scope="col">{m.compareTableValue}</th></tr></thead>
          <tbody>
            {ranked.map((r) => row(r, r.tied ? `${r.rank}=` : String(r.rank)))}
            {partYear.map((f) => row(f, m.compareTableNotRanked))}
          </tbody>
        </table>
      )}
    </details>
  );
}
