import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Says plainly how thin the data is for the chosen indicator. */
export function CoverageNote({ indicator, regionCount }: { indicator: IndicatorCoverage; regionCount: number }) {
  const { m } = useI18n();
  if (indicator.n_values === 0) return <p className="coverage">{m.noCoverage}</p>;
  return (
    <p className="coverage">
      {m.coverage(indicator.n_regions, indicator.n_years, indicator.n_region_years, regionCount)}
      {indicator.n_qualitative > 0 && <> {m.qualitativeNote(indicator.n_qualitative)}</>}
    </p>
  );
}
