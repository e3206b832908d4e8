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
}

/** The ranking as a table: what the canvas shows, for screen readers and the keyboard (each value opens its source). */
export function RankTable({ ranked, partYear, unit, year, focus, selected, onSelect }: RankTableProps) {
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
    <details className="compare-table">
      <summary>{m.compareTableSummary}</summary>
      <table>
        <thead><tr><th scope="col">{m.compareTableRank}</th><th scope="col">{m.compareTablePlace}</th><th scope="col">{m.compareTableYear}</th><th scope="col">{m.compareTableValue}</th></tr></thead>
        <tbody>
          {ranked.map((r) => row(r, r.tied ? `${r.rank}=` : String(r.rank)))}
          {partYear.map((f) => row(f, m.compareTableNotRanked))}
        </tbody>
      </table>
    </details>
  );
}
