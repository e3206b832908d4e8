import { useId, useState } from 'react';
import { areaLabel, placeLabel } from '../../../core/regions/place-label.ts';
import { placeMatches, type Place } from '../../../db/queries/peers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './pickers.css';

interface Props {
  places: readonly Place[];
  value: string;
  label: string;
  onChange: (code: string) => void;
}

/** One place, chosen from a native select that a search box narrows (name, pinyin, initials or code); Enter picks the first match. */
export function PlacePicker({ places, value, label, onChange }: Props) {
  const { lang, m } = useI18n();
  const id = useId();
  const [filter, setFilter] = useState('');
  const shown = places.filter((p) => placeMatches(p, filter));
  const current = places.find((p) => p.region_code === value);
  const options = current && !shown.includes(current) ? [current, ...shown] : shown;
  const groups = new Map<string, Place[]>();
  const province = (p: Place) => areaLabel(p.province_name, p.province_pinyin, lang) || '—';
  for (const p of options) groups.set(province(p), [...(groups.get(province(p)) ?? []), p]);
  const text = (p: Place) => `${placeLabel(p, lang)} · ${p.region_code}`;
  return (
    <div className="field compare-place-picker">
      <label className="field-label" htmlFor={`${id}-select`}>{label}</label>
      <input
        type="search" value={filter} placeholder={m.comparePlaceSearch} aria-label={`${label}: ${m.comparePlaceSearch}`}
        aria-describedby={filter ? `${id}-matches` : undefined}
        onChange={(e) => setFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) { e.preventDefault(); onChange(shown[0].region_code); setFilter(''); }
        }}
      />
      <select id={`${id}-select`} value={current ? value : ''} onChange={(e) => { onChange(e.target.value); setFilter(''); }}>
        {!current && <option value="" disabled>—</option>}
        {[...groups].map(([province, members]) => (
          <optgroup key={province} label={province}>
            {members.map((p) => <option key={p.region_code} value={p.region_code}>{text(p)}</option>)}
          </optgroup>
        ))}
      </select>
      {filter && <p id={`${id}-matches`} className="note" role="status">{m.comparePlaceMatches(shown.length)}</p>}
    </div>
  );
}
