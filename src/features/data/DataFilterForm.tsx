import type { CoveragePlace, DataYear } from '../../db/queries/coverage.ts';
import { placeLabel } from '../../core/regions/place-label.ts';
import {
  APPROX_FILTERS, KIND_FILTERS, ORIGIN_FILTERS, PERIOD_FILTERS, SORTS, type ApproxFilter, type DataSort, type KindFilter, type OriginFilter, type PeriodFilter,
} from '../../db/queries/data-table.ts';
import type { IndicatorCoverage } from '../../db/queries/indicators.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The filters as the form edits them: indicator, places and year live in the URL, the rest in the view. */
export interface FormState {
  indicatorId: string | null;
  regionCodes: readonly string[];
  year: number | null;
  placeText: string;
  kind: KindFilter;
  approx: ApproxFilter;
  period: PeriodFilter;
  quoteText: string;
  origin: OriginFilter;
  sort: DataSort;
}

interface Props {
  state: FormState;
  indicators: readonly IndicatorCoverage[];
  years: readonly DataYear[];
  places: readonly CoveragePlace[];
  onChange: (patch: Partial<FormState>) => void;
  onReset: () => void;
}

export function DataFilterForm({ state, indicators, years, places, onChange, onReset }: Props) {
  const { lang, m } = useI18n();
  const groups = new Map<string, IndicatorCoverage[]>();
  for (const i of indicators) {
    const label = lang === 'zh' ? i.category_zh : i.category_en;
    groups.set(label, [...(groups.get(label) ?? []), i]);
  }
  const placeName = (code: string) => {
    const p = places.find((x) => x.region_code === code);
    return p ? placeLabel(p, lang) : code;
  };
  const choice = <T extends string>(label: string, value: T, options: readonly T[], names: Record<T, string>, onPick: (v: T) => void) => (
    <label className="data-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onPick(e.target.value as T)}>
        {options.map((o) => <option key={o} value={o}>{names[o]}</option>)}
      </select>
    </label>
  );

  return (
    <form className="data-filters" aria-label={m.dataFiltersLabel} onSubmit={(e) => e.preventDefault()}>
      <label className="data-field data-field-wide">
        <span>{m.dataIndicatorLabel}</span>
        <select value={state.indicatorId ?? ''} onChange={(e) => onChange({ indicatorId: e.target.value || null })}>
          <option value="">{m.dataIndicatorAll}</option>
          {[...groups].map(([category, members]) => (
            <optgroup key={category} label={category}>
              {members.map((i) => {
                const n = i.n_values + i.n_qualitative;
                return (
                  <option key={i.indicator_id} value={i.indicator_id} disabled={n === 0 && i.indicator_id !== state.indicatorId}>
                    {lang === 'zh' ? i.name_zh : i.name_en}{n === 0 ? m.noDataSuffix : ` (${n})`}
                  </option>
                );
              })}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="data-field">
        <span>{m.dataPlaceLabel}</span>
        <input type="search" value={state.placeText} placeholder={m.dataPlacePlaceholder} onChange={(e) => onChange({ placeText: e.target.value })} />
      </label>
      <label className="data-field">
        <span>{m.dataYearLabel}</span>
        <select value={state.year ?? ''} onChange={(e) => onChange({ year: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{m.dataYearAll}</option>
          {years.map((y) => <option key={y.year} value={y.year}>{y.year} ({y.n_obs})</option>)}
        </select>
      </label>
      {choice(m.dataKindLabel, state.kind, KIND_FILTERS, m.dataKind, (kind) => onChange({ kind }))}
      {choice(m.dataApproxLabel, state.approx, APPROX_FILTERS, m.dataApprox, (approx) => onChange({ approx }))}
      {choice(m.dataPeriodLabel, state.period, PERIOD_FILTERS, m.dataPeriod, (period) => onChange({ period }))}
      {choice(m.dataOriginLabel, state.origin, ORIGIN_FILTERS, m.dataOrigin, (origin) => onChange({ origin }))}
      <label className="data-field">
        <span>{m.dataQuoteLabel}</span>
        <input type="search" value={state.quoteText} placeholder={m.dataQuotePlaceholder} onChange={(e) => onChange({ quoteText: e.target.value })} />
      </label>
      {choice(m.dataSortLabel, state.sort, SORTS, m.dataSort, (sort) => onChange({ sort }))}
      <div className="data-field data-reset">
        <button type="button" onClick={onReset}>{m.dataReset}</button>
      </div>
      {state.regionCodes.length > 0 && (
        <div className="data-chips" role="group" aria-label={m.dataChosenPlaces}>
          <span className="data-chips-label">{m.dataChosenPlaces}:</span>
          {state.regionCodes.map((code) => (
            <button key={code} type="button" className="data-chip" aria-label={m.dataRemovePlace(placeName(code))}
              onClick={() => onChange({ regionCodes: state.regionCodes.filter((c) => c !== code) })}>
              {placeName(code)} <span aria-hidden="true">×</span>
            </button>
          ))}
          <button type="button" className="data-chip-clear" onClick={() => onChange({ regionCodes: [] })}>{m.dataClearPlaces}</button>
        </div>
      )}
    </form>
  );
}
