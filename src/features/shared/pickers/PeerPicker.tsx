import { useId, useState } from 'react';
import { areaLabel, placeLabel } from '../../../core/regions/place-label.ts';
import { PEER_GROUP_IDS, PEER_LEVELS, applicableGroups, placeMatches, tierOf, type PeerGroupId, type PeerLevel, type Place } from '../../../db/queries/peers.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './pickers.css';

interface Props {
  places: readonly Place[];
  focus: Place | undefined;
  group: PeerGroupId;
  /** The reader's own list (the `regions` URL parameter). */
  custom: readonly string[];
  /** Members of the current group, the focal place included (null while loading). */
  memberCount: number | null;
  onGroupChange: (group: PeerGroupId) => void;
  onCustomChange: (codes: string[]) => void;
  /** The tier peers are limited to (already resolved: the reader's choice or the focal place's tier). */
  level: PeerLevel;
  /** null: back to the focal place's own tier. */
  onLevelChange: (level: PeerLevel | null) => void;
}

/** The peer-group presets as native radio buttons; "custom" opens a checkbox list of places. */
export function PeerPicker({ places, focus, group, custom, memberCount, onGroupChange, onCustomChange, level, onLevelChange }: Props) {
  const { lang, m } = useI18n();
  const name = useId();
  const levelId = useId();
  const focusTier = focus ? tierOf(focus.level) : null;
  const applicable = applicableGroups(focus);
  const focusName = focus ? placeLabel(focus, lang) : '';
  return (
    <fieldset className="field compare-peers">
      <legend className="field-label">{m.comparePeersLabel}</legend>
      <div className="compare-peer-options">
        {PEER_GROUP_IDS.map((g) => (
          <label key={g} className={applicable[g] ? '' : 'compare-na'}>
            <input type="radio" name={name} value={g} checked={group === g} onChange={() => onGroupChange(g)} />
            {m.comparePeerGroups[g]}{m.comparePeerWhere(g, areaLabel(focus?.prefecture_name, focus?.prefecture_pinyin, lang), areaLabel(focus?.province_name, focus?.province_pinyin, lang))}
          </label>
        ))}
      </div>
      {group === 'prefecture' && !applicable.prefecture && focus && <p className="compare-warn">{m.comparePrefectureNA(focusName)}</p>}
      {group === 'province' && !applicable.province && focus && <p className="compare-warn">{m.compareProvinceNA(focusName)}</p>}
      {group === 'custom' && <CustomList places={places} focus={focus?.region_code ?? ''} selected={custom} onChange={onCustomChange} />}
      <div className="compare-level">
        <label htmlFor={levelId} className="field-label">{m.compareLevelLabel}</label>
        <select id={levelId} value={level} disabled={group === 'custom'}
          onChange={(e) => { const chosen = e.target.value as PeerLevel; onLevelChange(chosen === (focusTier ?? 'all') ? null : chosen); }}>
          {PEER_LEVELS.map((l) => <option key={l} value={l}>{m.compareLevels[l]}</option>)}
        </select>
        <p className="note">{group === 'custom' ? m.compareLevelCustom : focusTier ? m.compareLevelDefault(m.compareLevels[focusTier]) : ''}</p>
      </div>
      {memberCount !== null && <p className="note">{m.comparePeersCount(memberCount)}</p>}
    </fieldset>
  );
}

function CustomList({ places, focus, selected, onChange }: { places: readonly Place[]; focus: string; selected: readonly string[]; onChange: (codes: string[]) => void }) {
  const { lang, m } = useI18n();
  const [filter, setFilter] = useState('');
  const chosen = new Set(selected);
  const shown = places.filter((p) => p.region_code !== focus && placeMatches(p, filter));
  const toggle = (code: string) => onChange(chosen.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);
  return (
    <div className="compare-custom">
      <div className="compare-custom-tools">
        <input type="search" value={filter} placeholder={m.compareCustomFilter} aria-label={m.compareCustomFilter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={() => onChange([...new Set([...selected, ...shown.map((p) => p.region_code)])])}>{m.selectAll}</button>
        <button type="button" onClick={() => onChange(filter ? selected.filter((c) => !shown.some((p) => p.region_code === c)) : [])}>{m.selectNone}</button>
      </div>
      {selected.filter((c) => c !== focus).length === 0 && <p className="note">{m.compareCustomEmpty}</p>}
      <ul aria-label={m.compareCustomLabel}>
        {shown.map((p) => (
          <li key={p.region_code}>
            <label title={[areaLabel(p.province_name, p.province_pinyin, lang), areaLabel(p.prefecture_name, p.prefecture_pinyin, lang), p.region_code].filter(Boolean).join(' · ')}>
              <input type="checkbox" checked={chosen.has(p.region_code)} onChange={() => toggle(p.region_code)} />
              <span>{placeLabel(p, lang)}</span>
              <span className="compare-custom-where">{areaLabel(p.prefecture_name, p.prefecture_pinyin, lang) || areaLabel(p.province_name, p.province_pinyin, lang)}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
