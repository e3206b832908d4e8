/**
 * The coverage grid as an ARIA grid: one tab stop (roving tabindex), arrow keys / Home / End /
 * PageUp / PageDown move between cells, Enter or Space opens a place's indicator in Trends (in Data
 * when it has only a qualitative statement), or opens / closes a province on its row. Every cell has a spoken label. Rows are memoised so
 * moving the focus re-renders two rows, not the whole grid.
 *
 * Virtualised (@tanstack/react-virtual) on both axes: a national dataset opened in full is
 * ≈ 2,900 rows × 100 columns, so only the rows and columns in view (plus a margin) are in the DOM;
 * spacer rows and cells keep the scroll size, and aria-rowcount / aria-colcount with each row's
 * aria-rowindex and each cell's aria-colindex keep the whole grid's coordinates for a screen
 * reader. The active cell's row and column are always drawn, so the tab stop never leaves the
 * DOM; a key that moves the focus out of view scrolls its row and column in first, then focuses.
 */
import { unitLabel } from '../../core/catalog/units.ts';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { CoverageGrid as Grid, GridGroup, GridRow } from '../../charts/coverage-grid.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { GroupRow, PlaceRow, slotsOf, type Slot } from './CoverageRows.tsx';

export interface CellTarget {
  regionCode: string;
  indicatorId: string;
  /** The cell in words, with the place and the indicator. */
  label: string;
  actionable: boolean;
  /** Only a qualitative statement: there is nothing to chart, the sentence is in the Data view. */
  qualitativeOnly: boolean;
}

interface Props {
  grid: Grid;
  isOpen: (groupKey: string) => boolean;
  onToggle: (groupKey: string) => void;
  onOpen: (target: CellTarget) => void;
  onInspect: (target: CellTarget | null) => void;
  /** The scrolling box around the table (the virtualiser reads its scroll position). */
  scroller: HTMLElement | null;
}

/** A navigable row: a province's summary row or a place's row. */
type NavRow = { kind: 'group'; group: GridGroup } | { kind: 'place'; group: GridGroup; row: GridRow };

/** Estimates before a row or column is measured (px; a province row is taller); measuring corrects them. */
const ROW_PX = { group: 34, place: 26 } as const;
const COLUMN_PX = 30;
const PAGE_ROWS = 10;
/** The box assumed before the scroller is measured (first paint, server rendering): a laptop screen's worth of rows and columns. */
const INITIAL_RECT = { width: 1280, height: 900 };

function navRows(grid: Grid, isOpen: (key: string) => boolean): NavRow[] {
  const rows: NavRow[] = [];
  for (const group of grid.groups) {
    rows.push({ kind: 'group', group });
    if (isOpen(group.key)) for (const row of group.rows) rows.push({ kind: 'place', group, row });
  }
  return rows;
}

/** The virtualiser's range, plus one index that must stay drawn (the active row or column). */
const keeping = (index: number) => (range: Range) => {
  const indexes = defaultRangeExtractor(range);
  if (index < 0 || index >= range.count || indexes.includes(index)) return indexes;
  return [...indexes, index].sort((a, b) => a - b);
};

export const CoverageGrid = memo(function CoverageGrid({ grid, isOpen, onToggle, onOpen, onInspect, scroller }: Props) {
  const { m, lang } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const head = useRef<HTMLTableSectionElement>(null);
  const corner = useRef<HTMLTableCellElement>(null);
  const rows = navRows(grid, isOpen);
  const [active, setActive] = useState({ r: 0, c: 0 });
  const focusPending = useRef(false);
  // Column 0 is the row header (the place, or the province's open/close button); 1… are the indicators.
  const nCols = grid.columns.length + 1;
  const r = Math.min(active.r, rows.length - 1);
  const c = Math.min(active.c, nCols - 1);

  // The sticky header and row-header column cover the top and left of the scroll box: the rows
  // start below one, the columns right of the other, and scrolling to a cell keeps it clear of both.
  const [margins, setMargins] = useState({ top: 0, left: 0 });
  useLayoutEffect(() => {
    const top = head.current?.offsetHeight ?? 0;
    const left = corner.current?.offsetWidth ?? 0;
    if (top !== margins.top || left !== margins.left) setMargins({ top, left });
  });

  const rowRange = useCallback((range: Range) => keeping(r)(range), [r]);
  const columnRange = useCallback((range: Range) => keeping(c - 1)(range), [c]);
  const rowV = useVirtualizer({
    count: rows.length, getScrollElement: () => scroller, estimateSize: (i) => ROW_PX[rows[i]?.kind ?? 'place'], overscan: 8,
    scrollMargin: margins.top, scrollPaddingStart: margins.top, rangeExtractor: rowRange, initialRect: INITIAL_RECT,
  });
  const columnV = useVirtualizer({
    horizontal: true, count: grid.columns.length, getScrollElement: () => scroller, estimateSize: () => COLUMN_PX, overscan: 6,
    scrollMargin: margins.left, scrollPaddingStart: margins.left, rangeExtractor: columnRange, initialRect: INITIAL_RECT,
  });
  const rowSlots = slotsOf(rowV.getVirtualItems(), margins.top, rowV.getTotalSize());
  const columnSlots = slotsOf(columnV.getVirtualItems(), margins.left, columnV.getTotalSize());

  // After a key moved the focus: focus the cell once its row and column are drawn (a scroll may come first).
  useEffect(() => {
    if (!focusPending.current) return;
    const cell = table.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`);
    if (!cell) return;
    focusPending.current = false;
    cell.focus(); // the virtualiser has scrolled the box; this brings the box's cell into the window if needed
  });

  const targetOf = useCallback((element: HTMLElement | null): CellTarget | null => {
    const cell = element?.closest<HTMLElement>('[data-r]');
    if (!cell) return null;
    const row = rows[Number(cell.dataset.r)];
    const col = Number(cell.dataset.c);
    const column = grid.columns[col - 1];
    if (!row || !column) return null;
    const gridCell = row.kind === 'place' ? row.row.cells[col - 1] : row.group.summary[col - 1];
    const place = row.kind === 'place' ? row.row.name : row.group.name;
    return {
      regionCode: row.kind === 'place' ? row.row.code : '',
      indicatorId: column.indicatorId,
      label: m.coverageCellLabel(place, column.name, gridCell?.detail ?? ''),
      actionable: row.kind === 'place' && gridCell !== undefined && gridCell.state !== 'empty',
      qualitativeOnly: gridCell?.state === 'qual',
    };
  }, [rows, grid.columns, m]);

  const activate = (rowIndex: number, col: number, target: CellTarget | null) => {
    const row = rows[rowIndex];
    if (row?.kind === 'group') { if (col > 0) onToggle(row.group.key); } // the header is a button: it toggles itself
    else if (target?.actionable) onOpen(target);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!cell) return;
    const at = { r: Number(cell.dataset.r), c: Number(cell.dataset.c) };
    const last = { r: rows.length - 1, c: nCols - 1 };
    const moves: Record<string, () => { r: number; c: number }> = {
      ArrowRight: () => ({ ...at, c: Math.min(last.c, at.c + 1) }),
      ArrowLeft: () => ({ ...at, c: Math.max(0, at.c - 1) }),
      ArrowDown: () => ({ ...at, r: Math.min(last.r, at.r + 1) }),
      ArrowUp: () => ({ ...at, r: Math.max(0, at.r - 1) }),
      PageDown: () => ({ ...at, r: Math.min(last.r, at.r + PAGE_ROWS) }),
      PageUp: () => ({ ...at, r: Math.max(0, at.r - PAGE_ROWS) }),
      Home: () => (event.ctrlKey ? { r: 0, c: 0 } : { ...at, c: 0 }),
      End: () => (event.ctrlKey ? last : { ...at, c: last.c }),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const to = move();
      focusPending.current = true;
      rowV.scrollToIndex(to.r);
      if (to.c > 0) columnV.scrollToIndex(to.c - 1);
      setActive(to);
    } else if ((event.key === 'Enter' || event.key === ' ') && at.c > 0) {
      event.preventDefault();
      activate(at.r, at.c, targetOf(cell));
    }
  };

  const onClick = (event: MouseEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-r]');
    if (!cell) return;
    setActive({ r: Number(cell.dataset.r), c: Number(cell.dataset.c) });
    activate(Number(cell.dataset.r), Number(cell.dataset.c), targetOf(cell));
  };

  const inspect = (event: { target: EventTarget }) => onInspect(targetOf(event.target as HTMLElement));
  // One <tbody>: rows keep their keys (and the focused cell its element) whatever scrolls in or out around them.
  const body = rowSlots.map((slot) => {
    if ('gap' in slot) {
      return <tr key={slot.key} role="presentation" aria-hidden="true" className="coverage-spacer" style={{ height: slot.gap }}><td colSpan={columnSlots.length + 1} /></tr>;
    }
    const i = slot.index;
    const nav = rows[i]!;
    const common = { columns: grid.columns, slots: columnSlots, r: i, activeCol: r === i ? c : -1, measure: rowV.measureElement };
    return nav.kind === 'group'
      ? <GroupRow key={`g-${nav.group.key}`} group={nav.group} open={isOpen(nav.group.key)} onToggle={onToggle} {...common} />
      : <PlaceRow key={nav.row.code} row={nav.row} {...common} />;
  });

  return (
    <table ref={table} role="grid" className="coverage-grid" aria-label={m.coverageGridLabel} aria-describedby="coverage-keyboard-hint"
      aria-rowcount={rows.length + 2} aria-colcount={nCols}
      onKeyDown={onKeyDown} onClick={onClick} onMouseOver={inspect} onFocus={inspect} onMouseLeave={() => onInspect(null)}>
      <thead ref={head}>
        <tr aria-rowindex={1}>
          <th ref={corner} rowSpan={2} scope="col" className="coverage-corner" aria-colindex={1}>{m.coveragePlaceHeader}</th>
          {categoryCells(grid, columnSlots)}
        </tr>
        <tr aria-rowindex={2}>
          {columnSlots.map((slot) => {
            if ('gap' in slot) return <th key={slot.key} role="presentation" aria-hidden="true" className="coverage-gap" style={{ width: slot.gap, minWidth: slot.gap }} />;
            const col = grid.columns[slot.index]!;
            return (
              <th key={col.indicatorId} scope="col" data-index={slot.index} ref={columnV.measureElement} aria-colindex={slot.index + 2}
                className={`coverage-indicator${col.categoryStart ? ' coverage-start' : ''}`} title={m.coverageColumnTitle(col.name, unitLabel(col.unit, lang), col.nWhole)}>
                <span>{col.name}</span>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
});

/** The category header over the columns in view: one cell per run of visible columns of one category. */
function categoryCells(grid: Grid, slots: Slot[]): ReactNode[] {
  const cells: Array<{ key: string; label: string; span: number; first: number } | { key: string; gap: number }> = [];
  let previous = -2;
  for (const slot of slots) {
    if ('gap' in slot) { cells.push({ key: slot.key, gap: slot.gap }); previous = -2; continue; }
    const col = grid.columns[slot.index]!;
    const last = cells.at(-1);
    if (last && 'span' in last && previous === slot.index - 1 && !col.categoryStart) last.span += 1;
    else cells.push({ key: `cat-${slot.index}`, label: col.category, span: 1, first: slot.index });
    previous = slot.index;
  }
  return cells.map((cell) => ('gap' in cell
    ? <th key={cell.key} role="presentation" aria-hidden="true" className="coverage-gap" style={{ width: cell.gap, minWidth: cell.gap }} />
    : <th key={cell.key} scope="colgroup" colSpan={cell.span} aria-colindex={cell.first + 2} className="coverage-category">{cell.label}</th>));
}
