/**
 * The Trends year range as one slider: one track, two thumbs (the first and the last year shown).
 * Each thumb is an ARIA slider operable from the keyboard (arrows ±1 year, Page Up/Down ±5, Home/End to
 * the furthest it may go) and by pointer (drag a thumb, or press the track to move the nearer thumb);
 * a thumb never passes the other, so its aria-valuemin/max are the span's end and the other thumb.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { YearSpan } from '../../charts/trend-years.ts';

interface Props {
  span: YearSpan;
  range: YearSpan;
  labels: { from: string; to: string };
  onChange: (first: number, last: number) => void;
}

type Thumb = 'first' | 'last';

const KEY_STEP: Record<string, number> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, PageDown: -5, PageUp: 5 };

export function YearRangeSlider({ span, range, labels, onChange }: Props) {
  const track = useRef<HTMLDivElement>(null);
  const dragging = useRef<Thumb | null>(null);
  const years = span.last - span.first;
  const at = (year: number) => `${((year - span.first) / years) * 100}%`;
  const limits = (thumb: Thumb) => (thumb === 'first' ? { min: span.first, max: range.last } : { min: range.first, max: span.last });
  const move = (thumb: Thumb, year: number) => {
    const { min, max } = limits(thumb);
    const y = Math.min(max, Math.max(min, Math.round(year)));
    if (thumb === 'first' && y !== range.first) onChange(y, range.last);
    if (thumb === 'last' && y !== range.last) onChange(range.first, y);
  };
  const yearAt = (clientX: number) => {
    const box = track.current!.getBoundingClientRect();
    return span.first + ((clientX - box.left) / box.width) * years;
  };
  const onKey = (thumb: Thumb) => (event: KeyboardEvent) => {
    const current = thumb === 'first' ? range.first : range.last;
    const { min, max } = limits(thumb);
    const step = KEY_STEP[event.key];
    const target = step !== undefined ? current + step : event.key === 'Home' ? min : event.key === 'End' ? max : null;
    if (target === null) return;
    event.preventDefault();
    move(thumb, target);
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const year = yearAt(event.clientX);
    // The nearer thumb moves (when both sit on one year, the one that can move that way).
    const thumb: Thumb = Math.abs(year - range.first) < Math.abs(year - range.last) || (range.first === range.last && year < range.first) ? 'first' : 'last';
    dragging.current = thumb;
    track.current!.setPointerCapture(event.pointerId);
    move(thumb, year);
    track.current!.querySelector<HTMLElement>(`[data-thumb="${thumb}"]`)?.focus();
  };
  const thumb = (which: Thumb) => {
    const value = which === 'first' ? range.first : range.last;
    const { min, max } = limits(which);
    return (
      <div role="slider" tabIndex={0} data-thumb={which} className="trends-slider-thumb" style={{ left: at(value) }}
        aria-label={which === 'first' ? labels.from : labels.to} aria-valuemin={min} aria-valuemax={max} aria-valuenow={value}
        aria-orientation="horizontal" onKeyDown={onKey(which)} />
    );
  };
  return (
    <div className="trends-slider" data-testid="trends-year-slider" ref={track}
      onPointerDown={onPointerDown}
      onPointerMove={(event) => { if (dragging.current) move(dragging.current, yearAt(event.clientX)); }}
      onPointerUp={() => { dragging.current = null; }} onPointerCancel={() => { dragging.current = null; }}>
      <div className="trends-slider-rail" />
      <div className="trends-slider-fill" style={{ left: at(range.first), width: `${((range.last - range.first) / years) * 100}%` }} />
      {thumb('first')}
      {thumb('last')}
    </div>
  );
}
