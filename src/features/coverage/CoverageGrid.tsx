/**
 * The coverage grid as an ARIA grid: one tab stop (roving tabindex), arrow keys / Home / End /
 * PageUp / PageDown move between cells, Enter or Space opens a place's indicator in Trends (in Data
 * when it has only a qualitative statement), or opens / closes a province on its row. Every cell has a spoken label. Rows are memoised so
 * moving the focus re-renders two rows, not the whole grid.
 */
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { CoverageGrid as Grid, GridCell, GridColumn, GridGroup, GridRow } from '../../charts/coverage-grid.ts';
import { useI18n } from '../i18n/i18n.tsx';

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
}

/** A navigable row: a province's summary row or a place's row. */
type NavRow = { kind: 'group'; group: GridGroup } | { kind: 'place'; group: GridGroup; row: GridRow };

const cellClass = (cell: GridCell) =>
  `coverage-cell coverage-${cell.state}${cell.level ? ` coverage-l${cell.level}` : ''}${cell.extraPart ? ' coverage-extra' : ''}${cell.user ? ' coverage-user' : ''}`;

function navRows(grid: Grid, isOpen: (key: string) => boolean): NavRow[] {
  const rows: NavRow[] = [];
  for (const group of grid.groups) {
    rows.push({ kind: 'group', group });
    if (isOpen(group.key)) for (const row of group.rows) rows.push({ kind: 'place', group, row });
  }
  return rows;
}

export const CoverageGrid = memo(function CoverageGrid({ grid, isOpen, onToggle, onOpen, onInspect }: Props) {
  const { m } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const rows = navRows(grid, isOpen);
  const [active, setActive] = useState({ r: 0, c: 0 });
  const focusPending = useRef(false);
  // Column 0 is the row header (the place, or the province's open/close button); 1… are the indicators.
  const nCols = grid.columns.length + 1;
  const r = Math.min(active.r, rows.length - 1);
  const c = Math.min(active.c, nCols - 1);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    table.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)?.focus();
  }, [r, c]);

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
    const page = 10;
    const moves: Record<string, () => { r: number; c: number }> = {
      ArrowRight: () => ({ ...at, c: Math.min(last.c, at.c + 1) }),
      ArrowLeft: () => ({ ...at, c: Math.max(0, at.c - 1) }),
      ArrowDown: () => ({ ...at, r: Math.min(last.r, at.r + 1) }),
      ArrowUp: () => ({ ...at, r: Math.max(0, at.r - 1) }),
      PageDown: () => ({ ...at, r: Math.min(last.r, at.r + page) }),
      PageUp: () => ({ ...at, r: Math.max(0, at.r - page) }),
      Home: () => (event.ctrlKey ? { r: 0, c: 0 } : { ...at, c: 0 }),
      End: () => (event.ctrlKey ? last : { ...at, c: last.c }),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      focusPending.current = true;
      setActive(move());
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

  let index = 0;
  return (
    <table ref={table} role="grid" className="coverage-grid" aria-label={m.coverageGridLabel} aria-describedby="coverage-keyboard-hint"
      onKeyDown={onKeyDown} onClick={onClick} onMouseOver={inspect} onFocus={inspect} onMouseLeave={() => onInspect(null)}>
      <thead>
        <tr>
          <th rowSpan={2} scope="col" className="coverage-corner">{m.coveragePlaceHeader}</th>
          {grid.categories.map((cat, i) => <th key={i} scope="colgroup" colSpan={cat.span} className="coverage-category">{cat.label}</th>)}
        </tr>
        <tr>
          {grid.columns.map((col) => (
            <th key={col.indicatorId} scope="col" className={`coverage-indicator${col.categoryStart ? ' coverage-start' : ''}`}
              title={m.coverageColumnTitle(col.name, col.unit, col.nWhole)}>
              <span>{col.name}</span>
            </th>
          ))}
        </tr>
      </thead>
      {grid.groups.map((group) => {
        const open = isOpen(group.key);
        const groupIndex = index++;
        const placeStart = index;
        if (open) index += group.rows.length;
        return (
          <tbody key={group.key}>
            <GroupRow group={group} columns={grid.columns} open={open} r={groupIndex} activeCol={r === groupIndex ? c : -1} onToggle={onToggle} />
            {open && group.rows.map((row, i) => (
              <PlaceRow key={row.code} row={row} columns={grid.columns} r={placeStart + i} activeCol={r === placeStart + i ? c : -1} />
            ))}
          </tbody>
        );
      })}
    </table>
  );
});

interface RowProps { columns: GridColumn[]; r: number; activeCol: number }

const Cells = ({ cells, columns, r, activeCol, place }: RowProps & { cells: GridCell[]; place: string }) => {
  const { m } = useI18n();
  return (
    <>
      {cells.map((cell, c) => {
        const label = m.coverageCellLabel(place, columns[c]!.name, cell.detail);
        return (
          <td key={cell.indicatorId} data-r={r} data-c={c + 1} tabIndex={c + 1 === activeCol ? 0 : -1}
            className={`${cellClass(cell)}${columns[c]!.categoryStart ? ' coverage-start' : ''}`} aria-label={label} title={label}>
            {cell.label}
          </td>
        );
      })}
    </>
  );
};

const GroupRow = memo(function GroupRow({ group, columns, open, r, activeCol, onToggle }: RowProps & { group: GridGroup; open: boolean; onToggle: (key: string) => void }) {
  const { m } = useI18n();
  return (
    <tr className="coverage-province">
      <th scope="rowgroup" className="coverage-rowhead">
        <button type="button" aria-expanded={open} onClick={() => onToggle(group.key)} data-r={r} data-c={0} tabIndex={activeCol === 0 ? 0 : -1}
          aria-label={m.coverageGroupLabel(group.name, group.rows.length, group.nPlacesWithData)}
          title={`${m.coverageGroupLabel(group.name, group.rows.length, group.nPlacesWithData)} · ${open ? m.coverageCollapse : m.coverageExpand}`}>
          <span aria-hidden="true" className="coverage-caret">{open ? '▾' : '▸'}</span>
          {group.name} <span className="coverage-count">{m.coverageGroupShort(group.nPlacesWithData, group.rows.length)}</span>
        </button>
      </th>
      <Cells cells={group.summary} columns={columns} r={r} activeCol={activeCol} place={group.name} />
    </tr>
  );
});

const PlaceRow = memo(function PlaceRow({ row, columns, r, activeCol }: RowProps & { row: GridRow }) {
  return (
    <tr className={row.nFilled === 0 ? 'coverage-place coverage-none' : 'coverage-place'}>
      <th scope="row" className="coverage-rowhead" title={[row.prefecture, row.code].filter(Boolean).join(' · ')}
        data-r={r} data-c={0} tabIndex={activeCol === 0 ? 0 : -1}>
        <span className="coverage-name">{row.name}</span>
        {row.altName && <span className="coverage-alt" lang="zh-CN"> {row.altName}</span>}
        {row.prefecture && <span className="coverage-prefecture">{row.prefecture}</span>}
      </th>
      <Cells cells={row.cells} columns={columns} r={r} activeCol={activeCol} place={row.name} />
    </tr>
  );
});
