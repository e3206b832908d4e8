import { MARK } from '../../charts/coverage-grid.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The key to the grid's cells, drawn with the same classes as the cells themselves. */
export function CoverageLegend({ year }: { year: number | null }) {
  const { m } = useI18n();
  const swatch = (className: string, label: string) => <span key={className} className={`coverage-cell coverage-swatch ${className}`} aria-hidden="true">{label}</span>;
  return (
    <section className="coverage-legend" aria-label={m.coverageLegendTitle}>
      <h3>{m.coverageLegendTitle}</h3>
      <ul>
        {year === null ? (
          <li>
            <span className="coverage-ramp">
              {[1, 2, 3, 4, 5].map((level) => swatch(`coverage-whole coverage-l${level}`, level === 4 ? '4–5' : level === 5 ? '6+' : String(level)))}
            </span>
            {m.coverageLegendWhole}
          </li>
        ) : (
          <li>{swatch('coverage-whole coverage-l4', MARK.whole)}{m.coverageLegendWholeYear}</li>
        )}
        <li>{swatch('coverage-whole coverage-l2 coverage-extra', year === null ? '2' : MARK.whole)}{m.coverageLegendExtraPart}</li>
        <li>{swatch('coverage-part', MARK.part)}{m.coverageLegendPart}</li>
        <li>{swatch('coverage-qual', MARK.qual)}{m.coverageLegendQual}</li>
        <li>{swatch('coverage-empty', '')}{m.coverageLegendEmpty}</li>
        <li className="coverage-legend-province">{m.coverageLegendProvince}</li>
      </ul>
    </section>
  );
}
