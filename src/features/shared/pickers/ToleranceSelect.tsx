import { useId } from 'react';
import { TOLERANCE_MAX, TOLERANCE_MIN } from '../../../db/queries/year-tolerance.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export const TOLERANCES = Array.from({ length: TOLERANCE_MAX - TOLERANCE_MIN + 1 }, (_, i) => TOLERANCE_MIN + i);

/** The year tolerance (±0–3 years) of Compare and Profile. */
export function ToleranceSelect({ tolerance, onChange }: { tolerance: number; onChange: (tolerance: number) => void }) {
  const { m } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>{m.compareToleranceLabel}</label>
      <select id={id} data-testid="compare-tolerance" value={tolerance} onChange={(e) => onChange(Number(e.target.value))}>
        {TOLERANCES.map((t) => <option key={t} value={t}>{m.compareToleranceOption(t)}</option>)}
      </select>
    </div>
  );
}
