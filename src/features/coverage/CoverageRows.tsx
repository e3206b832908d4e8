/**
 * The rows of the virtualised coverage grid: a province's summary row and a place's row, each
 * drawing only the columns in view (the others stand behind one empty spacer cell per gap), with
 * aria-rowindex / aria-colindex so a screen reader still knows where a cell sits in the whole grid.
 */
import { memo } from 'react';
import type { GridCell, GridColumn, GridGroup, GridRow } from '../../charts/coverage-grid.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** What to draw along one axis: an item in view (its index), or a gap of this many pixels. */
export type Slot = { index: number } | { gap: number; key: string };

/**
 * Items in view with the gaps before, between and after them. Offsets are the virtualiser's:
 * they include `margin` (what sits before the first item: the header, or the row-header column).
 */
export function slotsOf(items: ReadonlyArray<{ index: number; start: number; end: number }>, margin: number, total: number): Slot[] {
  const slots: Slot[] = [];
  let at = margin;
  for (const item of items) {
    if (item.start > at + 0.5) slots.push({ gap: item.start - at, key: `gap-${item.index}` });
    slots.push({ index: item.index });
    at = item.end;
  }
  if (margin + total > at + 0.5) slots.push({ gap: margin + total - at, key: 'gap-end' });
  return slots;
}

const cellClass = (cell: GridCell) =>
  `coverage-cell coverage-${cell.state}${cell.level ? ` coverage-l${cell.level}` : ''}${cell.extraPart ? ' coverage-extra' : ''}${cell.user ? ' coverage-user' : ''}`;

/** An empty cell standing for columns out of view. */
export const GapCell = ({ width }: { width: number }) => (
  <td role="presentation" aria-hidden="true" className="coverage-gap" style={{ width, minWidth: width, maxWidth: width }} />
);

interface RowProps {
  columns: GridColumn[];
  /** The columns in view, with gaps. */
  slots: Slot[];
  /** Index among the navigable rows (data-r); the row's aria-rowindex follows the two header rows. */
  r: number;
  activeCol: number;
  measure: (element: HTMLTableRowElement | null) => void;
}

const Cells = ({ cells, columns, slots, r, activeCol, place }: Omit<RowProps, 'measure'> & { cells: GridCell[]; place: string }) => {
  const { m } = useI18n();
  return (
    <>
      {slots.map((slot) => {
        if ('gap' in slot) return <GapCell key={slot.key} width={slot.gap} />;
        const c = slot.index;
        const cell = cells[c]!;
        const label = m.coverageCellLabel(place, columns[c]!.name, cell.detail);
        return (
          <td key={cell.indicatorId} data-r={r} data-c={c + 1} aria-colindex={c + 2} tabIndex={c + 1 === activeCol ? 0 : -1}
            className={`${cellClass(cell)}${columns[c]!.categoryStart ? ' coverage-start' : ''}`} aria-label={label} title={label}>
            {cell.label}
          </td>
        );
      })}
    </>
  );
};

export const GroupRow = memo(function GroupRow({ group, open, onToggle, measure, ...rest }: RowProps & { group: GridGroup; open: boolean; onToggle: (key: string) => void }) {
  const { m } = useI18n();
  const { r, activeCol } = rest;
  return (
    <tr className="coverage-province" data-index={r} ref={measure} aria-rowindex={r + 3}>
      <th scope="row" className="coverage-rowhead" aria-colindex={1}>
        <button type="button" aria-expanded={open} onClick={() => onToggle(group.key)} data-r={r} data-c={0} tabIndex={activeCol === 0 ? 0 : -1}
          aria-label={m.coverageGroupLabel(group.name, group.rows.length, group.nPlacesWithData)}
          title={`${m.coverageGroupLabel(group.name, group.rows.length, group.nPlacesWithData)} · ${open ? m.coverageCollapse : m.coverageExpand}`}>
          <span aria-hidden="true" className="coverage-caret">{open ? '▾' : '▸'}</span>
          {group.name} <span className="coverage-count">{m.coverageGroupShort(group.nPlacesWithData, group.rows.length)}</span>
        </button>
      </th>
      <Cells cells={group.summary} place={group.name} {...rest} />
    </tr>
  );
});

export const PlaceRow = memo(function PlaceRow({ row, measure, ...rest }: RowProps & { row: GridRow }) {
  const { r, activeCol } = rest;
  return (
    <tr className={row.nFilled === 0 ? 'coverage-place coverage-none' : 'coverage-place'} data-index={r} ref={measure} aria-rowindex={r + 3}>
      <th scope="row" className="coverage-rowhead" title={[row.prefecture, row.code].filter(Boolean).join(' · ')}
        data-r={r} data-c={0} aria-colindex={1} tabIndex={activeCol === 0 ? 0 : -1}>
        <span className="coverage-name">{row.name}</span>
        {row.altName && <span className="coverage-alt" lang="zh-CN"> {row.altName}</span>}
        {row.prefecture && <span className="coverage-prefecture">{row.prefecture}</span>}
      </th>
      <Cells cells={row.cells} place={row.name} {...rest} />
    </tr>
  );
});
