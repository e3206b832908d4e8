import { useMemo, useState } from 'react';
import { areaLabel, placeLabel } from '../../core/regions/place-label.ts';
import { applicableGroups, placeMatches, type PeerGroupId, type Place } from '../../db/queries/peers.ts';
import type { RegionCoverage } from '../../db/queries/regions.ts';
import { listedRegions } from './listed-regions.ts';
import { useTrendsMessages } from './use-trends-messages.ts';
import '../shared/pickers/pickers.css';
import './trends.css';

/** Members of the reference place's peer groups (from peers.ts's query), the reference included; null while loading. */
export interface PresetMembers {
  prefecture: readonly string[] | null;
  province: readonly string[] | null;
}

interface Props {
  regions: readonly RegionCoverage[];
  selected: readonly string[];
  /** The presets' reference: the first place chosen that the chart draws (null: none drawn). */
  reference: string | null;
  onChange: (codes: string[]) => void;
  /** Every place of the dataset (pinyin, initials, prefecture and province), null while loading. */
  places: readonly Place[] | null;
  presets: PresetMembers;
}

const PRESETS: readonly PeerGroupId[] = ['prefecture', 'province', 'all', 'custom'];

/** A place of `regions` as peers.ts's Place, for the search, when the places table has not loaded (or lacks it). */
const asPlace = (r: RegionCoverage): Place => ({
  region_code: r.region_code, region_name: r.region_name, name_pinyin: r.name_pinyin, pinyin_full: '', pinyin_initials: '',
  level: '', level_zh: '', prefecture_code: '', prefecture_name: r.prefecture_name, province_code: '', province_name: r.province_name,
});

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * A multi-select of the places that have the indicator, searchable by name, pinyin, initials or code,
 * with the years each covers; presets (same prefecture, same province, all, custom) relative to the
 * reference place (the first place chosen that is drawn) just set the list.
 */
export function RegionPicker({ regions, selected, reference: drawnReference, onChange, places, presets }: Props) {
  const { lang, m, t } = useTrendsMessages();
  const [filter, setFilter] = useState('');
  const byCode = useMemo(() => new Map(places?.map((p) => [p.region_code, p])), [places]);
  const place = (r: RegionCoverage) => byCode.get(r.region_code) ?? asPlace(r);
  const shown = filter.trim() ? regions.filter((r) => placeMatches(place(r), filter)) : regions;
  const chosen = new Set(selected);
  const listed = listedRegions(shown, chosen);
  const toggle = (code: string) => onChange(chosen.has(code) ? selected.filter((c) => c !== code) : [...selected, code]);

  const reference = drawnReference ?? '';
  const refRegion = regions.find((r) => r.region_code === reference);
  const refPlace = byCode.get(reference);
  const refName = refRegion ? placeLabel(refRegion, lang) : '';
  const applicable = applicableGroups(refPlace);
  /** A preset's list: the reference first, then the group's places that have the indicator, best covered first. */
  const presetList = (group: PeerGroupId): string[] | null => {
    if (group === 'all') return regions.map((r) => r.region_code);
    if (!reference) return null;
    if (group === 'custom') return [reference];
    const members = presets[group];
    if (!members || !applicable[group]) return null;
    const inGroup = new Set(members);
    return [reference, ...regions.map((r) => r.region_code).filter((c) => c !== reference && inGroup.has(c))];
  };
  const lists = Object.fromEntries(PRESETS.map((g) => [g, presetList(g)])) as Record<PeerGroupId, string[] | null>;
  const active = (['prefecture', 'province', 'all'] as const).find((g) => lists[g] && selected.length > 0 && sameSet(lists[g], selected)) ?? 'custom';

  return (
    <fieldset className="field trends-region-picker">
      <legend className="field-label">{m.regionsLabel} ({selected.length}/{regions.length})</legend>
      <div className="trends-presets" role="group" aria-label={m.regionPresetsLabel}>
        {PRESETS.map((g) => {
          const list = lists[g];
          const count = g === 'custom' ? '' : list ? ` (${list.length})` : '';
          return (
            <button key={g} type="button" className="trends-preset" aria-pressed={active === g} title={m.regionPresetHint[g]} disabled={!list}
              onClick={() => list && onChange(list)}>
              {m.regionPresets[g]}{count}
            </button>
          );
        })}
      </div>
      <p className="note">
        {!reference ? m.regionPresetNoReference : !applicable.prefecture && refPlace ? `${t.trendsPresetReference(refName)}${lang === 'zh' ? '' : ' '}${m.regionPresetNA(refName)}` : t.trendsPresetReference(refName)}
      </p>
      <div className="trends-region-tools">
        <input type="search" className="trends-filter" value={filter} placeholder={m.regionFilter} aria-label={m.regionFilter} onChange={(e) => setFilter(e.target.value)} />
        <button type="button" onClick={() => onChange([])}>{m.selectNone}</button>
      </div>
      {listed.length < shown.length && <p className="note" data-testid="trends-listed-places">{t.trendsListedPlaces(listed.length, shown.length)}</p>}
      <ul className="trends-region-list">
        {listed.map((r) => (
          <li key={r.region_code}>
            <label title={[areaLabel(r.province_name, r.province_pinyin, lang), areaLabel(r.prefecture_name, r.prefecture_pinyin, lang), r.region_code].filter(Boolean).join(' · ')}>
              <input type="checkbox" checked={chosen.has(r.region_code)} onChange={() => toggle(r.region_code)} />
              <span className="trends-region-name">{placeLabel(r, lang)}</span>
              <span className="trends-region-years">{m.regionYears(r.n_whole_years, r.first_whole_year, r.last_whole_year, r.n_part_years)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
