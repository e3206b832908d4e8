import { unitLabel } from '../../../core/catalog/units.ts';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { IndicatorCoverage } from '../../../db/queries/indicators.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './pickers.css';

interface Props {
  indicators: readonly IndicatorCoverage[];
  value: string;
  onChange: (indicatorId: string) => void;
}

const squash = (s: string) => s.toLowerCase().replace(/[\s_.-]+/g, '');
const LATIN = /[a-z]/i;

/**
 * Pinyin initials of each indicator's Chinese name ('调解成功率' → 'tjcgl'), computed in the browser.
 * pinyin-pro carries a large dictionary, so it is loaded (its own chunk) only once the reader types
 * a Latin letter; until then, and if it fails to load, the search matches Chinese, English and ids.
 */
function usePinyinInitials(indicators: readonly IndicatorCoverage[], wanted: boolean): ReadonlyMap<string, string> | null {
  const [initials, setInitials] = useState<{ of: readonly IndicatorCoverage[]; map: ReadonlyMap<string, string> } | null>(null);
  const ready = initials?.of === indicators;
  useEffect(() => {
    if (!wanted || ready) return;
    let live = true;
    import('pinyin-pro').then(({ pinyin }) => {
      if (!live) return;
      const map = new Map(indicators.map((i) => [i.indicator_id, pinyin(i.name_zh, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()]));
      setInitials({ of: indicators, map });
    }).catch(() => { /* the search still matches Chinese, English and ids */ });
    return () => { live = false; };
  }, [indicators, wanted, ready]);
  return ready ? initials.map : null;
}

/**
 * Indicators grouped by category, in catalog order; those without any figure are listed but disabled.
 * A search field above the list narrows it by Chinese name, pinyin initials, English name or id
 * (the indicator shown stays listed, so the list always holds the current choice).
 */
export function IndicatorPicker({ indicators, value, onChange }: Props) {
  const { lang, m } = useI18n();
  const hintId = useId();
  const labelId = useId();
  const [filter, setFilter] = useState('');
  const needle = squash(filter.trim());
  const initials = usePinyinInitials(indicators, LATIN.test(needle));
  const matches = useMemo(() => {
    if (!needle) return indicators;
    return indicators.filter((i) => i.name_zh.includes(filter.trim()) || squash(i.name_zh).includes(needle) || squash(i.name_en).includes(needle)
      || squash(i.indicator_id).includes(needle) || (initials?.get(i.indicator_id)?.includes(needle) ?? false));
  }, [indicators, needle, filter, initials]);
  const shown = matches.some((i) => i.indicator_id === value) ? matches : indicators.filter((i) => i.indicator_id === value || matches.includes(i));
  const groups = new Map<string, IndicatorCoverage[]>();
  for (const indicator of shown) {
    const label = lang === 'zh' ? indicator.category_zh : indicator.category_en;
    groups.set(label, [...(groups.get(label) ?? []), indicator]);
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      const first = matches.find((i) => i.n_values > 0);
      if (first && needle) { event.preventDefault(); onChange(first.indicator_id); }
    } else if (event.key === 'Escape' && filter) {
      event.preventDefault();
      setFilter('');
    }
  };
  const hint = needle ? m.indicatorMatches(matches.length, indicators.length) : '';
  return (
    <div className="field trends-indicator-picker">
      <span className="field-label" id={labelId}>{m.indicatorLabel}</span>
      <input type="text" className="trends-filter" value={filter} placeholder={m.indicatorFilter} aria-label={m.indicatorFilter} aria-describedby={hintId}
        autoComplete="off" spellCheck={false} onChange={(e) => setFilter(e.target.value)} onKeyDown={onKeyDown} />
      <p id={hintId} className="note" aria-live="polite">{hint}</p>
      <select aria-labelledby={labelId} value={value} onChange={(event) => onChange(event.target.value)}>
        {[...groups].map(([category, members]) => (
          <optgroup key={category} label={category}>
            {members.map((i) => (
              <option key={i.indicator_id} value={i.indicator_id} disabled={i.n_values === 0}>
                {lang === 'zh' ? i.name_zh : i.name_en}
                {i.unit ? ` [${unitLabel(i.unit, lang)}]` : ''}
                {i.n_values === 0 ? m.noDataSuffix : ` (${i.n_regions})`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
