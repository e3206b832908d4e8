import { useState } from 'react';
import type { RegionCoverage } from '../../db/queries/regions.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Props {
  regions: readonly RegionCoverage[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
}

/** A multi-select of the places that have the indicator, by name (or pinyin), with the years each covers. */
export function RegionPicker({ regions, selected, onChange }: Props) {
  const { lang, m } = useI18n();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? regions.filter((r) => r.region_name.includes(needle) || r.name_pinyin.toLowerCase().replace(/\s+/g, '').includes(needle.replace(/\s+/g, '')))
    : regions;
  const chosen = new Set(selected);
  const toggle = (code: string) => onChange(chosen.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <fieldset className="field region-picker">
      <legend className="field-label">{m.regionsLabel} ({selected.length}/{regions.length})</legend>
      <div className="region-tools">
        <input type="search" value={filter} placeholder={m.regionFilter} aria-label={m.regionFilter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={() => onChange(regions.map((r) => r.region_code))}>{m.selectAll}</button>
        <button type="button" onClick={() => onChange([])}>{m.selectNone}</button>
      </div>
      <ul>
        {shown.map((r) => (
          <li key={r.region_code}>
            <label title={[r.province_name, r.prefecture_name, r.region_code].filter(Boolean).join(' · ')}>
              <input type="checkbox" checked={chosen.has(r.region_code)} onChange={() => toggle(r.region_code)} />
              <span className="region-name">{lang === 'en' && r.name_pinyin ? `${r.name_pinyin} ${r.region_name}` : r.region_name}</span>
              <span className="region-years">{m.regionYears(r.n_years, r.first_year, r.last_year)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
