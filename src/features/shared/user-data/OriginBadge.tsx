/**
 * Which data a row is: published ("公开数据") or the researcher's own, named by where it came from —
 * "我的数据 · 文件名 · 第 N 行 · 列名" for a table row, "我的数据 · 报告标题" for a pasted report's.
 * Rendered as text by React, so a hostile file name or title shows as written.
 */
import type { Origin } from '../../../db/queries/pick.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import './user-data.css';

export interface OriginFields {
  origin?: Origin;
  file_name?: string;
  source_row?: number | null;
  source_column?: string;
  /** The pasted report's title (report rows). */
  report_title?: string;
}

/** The badge's words (also used for titles and exports). */
export function originLabel(row: OriginFields, m: ReturnType<typeof useI18n>['m']): string {
  if (row.origin !== 'user') return m.userDataShipped;
  const fromTable = (row.source_row ?? null) !== null || (row.source_column ?? '') !== '';
  return fromTable
    ? m.userDataRowOf(row.file_name ?? '', row.source_row ?? null, row.source_column ?? '')
    : m.userDataReportOf(row.report_title ?? '');
}

export function OriginBadge({ row, compact = false }: { row: OriginFields; compact?: boolean }) {
  const { m } = useI18n();
  const user = row.origin === 'user';
  const label = originLabel(row, m);
  return (
    <span className={user ? 'user-data-badge' : 'user-data-shipped'} data-testid={user ? 'origin-user' : 'origin-shipped'} title={label}>
      {compact && user ? m.userDataMark : label}
    </span>
  );
}
