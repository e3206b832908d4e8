import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  indicators: readonly IndicatorCoverage[];
  value: string;
  onChange: (indicatorId: string) => void;
}

/** Indicators grouped by category, in catalog order; those without any figure are listed but disabled. */
export function IndicatorPicker({ indicators, value, onChange }: Props) {
  const { lang, m } = useI18n();
  const groups = new Map<string, IndicatorCoverage[]>();
  for (const indicator of indicators) {
    const label = lang === 'zh' ? indicator.category_zh : indicator.category_en;
    groups.set(label, [...(groups.get(label) ?? []), indicator]);
  }
  return (
    <label className="field">
      <span className="field-label">{m.indicatorLabel}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {[...groups].map(([category, members]) => (
          <optgroup key={category} label={category}>
            {members.map((i) => (
              <option key={i.indicator_id} value={i.indicator_id} disabled={i.n_values === 0}>
                {lang === 'zh' ? i.name_zh : i.name_en}
                {i.n_values === 0 ? m.noDataSuffix : ` (${i.n_regions})`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
