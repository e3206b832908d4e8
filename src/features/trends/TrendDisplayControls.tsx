import { useEffect, useId, useState } from 'react';
import type { YearSpan } from '../../charts/trend-years.ts';
import { useTrendsMoreMessages } from './use-trends-more-messages.ts';
import { YearRangeSlider } from './YearRangeSlider.tsx';

interface Props {
  span: YearSpan;
  range: YearSpan;
  /** Either end null: that end is the span's (nothing written to the URL). */
  onRange: (from: number | null, to: number | null) => void;
  log: boolean;
  onLog: (log: boolean) => void;
  index: boolean;
  onIndex: (index: boolean) => void;
  /** Counts: log axis and index mode apply; a rate offers neither. */
  counts: boolean;
}

/** A year typed in full (four digits) is applied; while the reader types, the field keeps what they typed. */
function YearInput({ id, label, value, span, onChange }: { id: string; label: string; value: number; span: YearSpan; onChange: (year: number) => void }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <input id={id} type="number" inputMode="numeric" className="trends-year-input" aria-label={label} min={span.first} max={span.last} step={1} value={text}
      onChange={(e) => {
        setText(e.target.value);
        const year = Number(e.target.value);
        if (/^\d{4}$/.test(e.target.value) && year >= span.first && year <= span.last) onChange(year);
      }}
      onBlur={() => setText(String(value))} />
  );
}

/** The chart's display choices: the years (typed, or on one two-thumb slider), the value axis and the index mode. */
export function TrendDisplayControls({ span, range, onRange, log, onLog, index, onIndex, counts }: Props) {
  const { more: t } = useTrendsMoreMessages();
  const ids = { from: useId(), to: useId(), scale: useId(), mode: useId() };
  // An end equal to the span's end is not written to the URL: the link then follows new years as data grows.
  const set = (from: number, to: number) => onRange(from === span.first ? null : from, to === span.last ? null : to);
  const single = span.first === span.last;
  return (
    <div className="trends-display" data-testid="trends-display">
      <fieldset className="field trends-years">
        <legend className="field-label">{t.trendsYearsLabel}</legend>
        <div className="trends-years-typed">
          <label htmlFor={ids.from}>{t.trendsFrom}</label>
          <YearInput id={ids.from} label={t.trendsFrom} value={range.first} span={span} onChange={(y) => set(y, Math.max(y, range.last))} />
          <label htmlFor={ids.to}>{t.trendsTo}</label>
          <YearInput id={ids.to} label={t.trendsTo} value={range.last} span={span} onChange={(y) => set(Math.min(y, range.first), y)} />
          <button type="button" disabled={range.first === span.first && range.last === span.last} onClick={() => onRange(null, null)}>{t.trendsAllYears}</button>
        </div>
        {!single && <YearRangeSlider span={span} range={range} labels={{ from: t.trendsFromSlider, to: t.trendsToSlider }} onChange={set} />}
        <p className="note">{t.trendsYearsNote(span.first, span.last)}</p>
      </fieldset>
      <div className="trends-display-row">
        <div>
          <label className="field-label" htmlFor={ids.scale}>{t.trendsScaleLabel}</label>
          <select id={ids.scale} data-testid="trends-scale" value={log ? 'log' : 'linear'} disabled={!counts} onChange={(e) => onLog(e.target.value === 'log')}>
            <option value="linear">{t.trendsScales.linear}</option>
            <option value="log">{t.trendsScales.log}</option>
          </select>
        </div>
        <div>
          <label className="field-label" htmlFor={ids.mode}>{t.trendsModeLabel}</label>
          <select id={ids.mode} data-testid="trends-mode" value={index ? 'index' : 'value'} disabled={!counts} onChange={(e) => onIndex(e.target.value === 'index')}>
            <option value="value">{t.trendsModes.value}</option>
            <option value="index">{t.trendsModes.index}</option>
          </select>
        </div>
      </div>
      {!counts && <p className="note">{t.trendsIndexOnlyCounts}</p>}
    </div>
  );
}
