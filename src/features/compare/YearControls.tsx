import { useId } from 'react';
import type { YearCount } from '../../db/queries/compare.ts';
import { ToleranceSelect } from '../shared/pickers/ToleranceSelect.tsx';
import { joinSentences } from '../../core/text/join-sentences.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  years: readonly YearCount[];
  year: number;
  tolerance: number;
  unit: string;
  log: boolean;
  /** Every value is above zero and the indicator is a count. */
  canLog: boolean;
  onYear: (year: number) => void;
  onTolerance: (tolerance: number) => void;
  onLog: (on: boolean) => void;
}

/** The year compared, the year tolerance (±0–3) and, for counts, the linear / log axis. */
export function YearControls({ years, year, tolerance, unit, log, canLog, onYear, onTolerance, onLog }: Props) {
  const { lang, m } = useI18n();
  const ids = { year: useId(), scale: useId() };
  const scaleNote = unit === '%' ? m.compareLogOnlyCounts : canLog ? '' : m.compareLogNeedsPositive;
  return (
    <div className="field compare-year-controls">
      <div>
        <label className="field-label" htmlFor={ids.year}>{m.compareYearLabel}</label>
        <select id={ids.year} value={year} onChange={(e) => onYear(Number(e.target.value))}>
          {years.map((y) => <option key={y.year} value={y.year}>{m.compareYearOption(y.year, y.n_whole, y.n_part_only)}</option>)}
        </select>
      </div>
      <ToleranceSelect tolerance={tolerance} onChange={onTolerance} />
      <div>
        <label className="field-label" htmlFor={ids.scale}>{m.compareScaleLabel}</label>
        <select id={ids.scale} data-testid="compare-scale" value={log ? 'log' : 'linear'} disabled={!canLog} onChange={(e) => onLog(e.target.value === 'log')}>
          <option value="linear">{m.compareScales.linear}</option>
          <option value="log">{m.compareScales.log}</option>
        </select>
      </div>
      <p className="note">{joinSentences(lang, [m.compareToleranceNote(year, tolerance), m.compareYearsNote(years.length), scaleNote])}</p>
    </div>
  );
}
