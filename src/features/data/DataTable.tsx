import type { KeyboardEvent } from 'react';
import { areaLabel, placeLabel } from '../../core/regions/place-label.ts';
import { formatPeriod, formatValue } from '../../charts/format-value.ts';
import type { DataRow } from '../../db/queries/data-table.ts';
import { describeFlag, flagName } from '../../core/catalog/flags.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { CopyRowCitation } from './CopyRowCitation.tsx';
import { DataQuote } from './DataQuote.tsx';
import { DataReportTitle } from './DataReportTitle.tsx';
import { OriginBadge } from '../shared/user-data/OriginBadge.tsx';

interface Props {
  rows: readonly DataRow[];
  selectedId: string | null;
  onOpen: (row: DataRow, element: HTMLTableRowElement) => void;
  busy: boolean;
}

const APPROX_SIGN = { exact: '', at_least: '≥', at_most: '≤', about: '≈' } as const;

/**
 * One page of observations. A row is a tab stop; Enter, Space or a click opens its source.
 * Below 700 px each row is laid out as a card (data-label gives each cell its heading).
 */
export function DataTable({ rows, selectedId, onOpen, busy }: Props) {
  const { m } = useI18n();
  const col = m.dataCol;
  const onKey = (row: DataRow) => (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(row, event.currentTarget);
    }
  };
  return (
    <table className="data-table" data-testid="data-table" aria-busy={busy}>
      <caption className="data-sr-only">{m.dataTableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{col.place}</th>
          <th scope="col">{col.year}</th>
          <th scope="col">{col.period}</th>
          <th scope="col">{col.indicator}</th>
          <th scope="col" className="data-num">{col.value}</th>
          <th scope="col">{col.flags}</th>
          <th scope="col">{col.quote}</th>
          <th scope="col">{col.report}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={8} className="data-empty">{m.dataNoRows}</td></tr>}
        {rows.map((row) => (
          <tr key={row.obs_id} tabIndex={0} aria-current={row.obs_id === selectedId ? 'true' : undefined}
            className={row.obs_id === selectedId ? 'data-row data-selected' : 'data-row'}
            onClick={(event) => onOpen(row, event.currentTarget)} onKeyDown={onKey(row)}>
            <RowCells row={row} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RowCells({ row }: { row: DataRow }) {
  const { lang, m } = useI18n();
  const col = m.dataCol;
  const partYear = row.period !== 'year';
  const chosen = row.chosen_obs_id === row.obs_id;
  return (
    <>
      <th scope="row" data-label={col.place} className="data-place">
        <span className="data-place-name">{placeLabel(row, lang)}</span>
        <span className="data-sub">{[areaLabel(row.province_name, row.province_pinyin, lang), areaLabel(row.prefecture_name, row.prefecture_pinyin, lang)].filter(Boolean).join(' · ')}</span>
      </th>
      <td data-label={col.year} className="data-num data-year">{row.year}</td>
      <td data-label={col.period} className={partYear ? 'data-period data-part' : 'data-period'}>{formatPeriod(row.period, lang)}</td>
      <td data-label={col.indicator} className="data-indicator">{lang === 'zh' ? row.indicator_name_zh : row.indicator_name_en}</td>
      <td data-label={col.value} className="data-num data-value">
        {row.value === null ? <span className="data-qual">{m.dataQualitative}</span>
          : <>{APPROX_SIGN[row.approx] && <span className="data-approx-sign" aria-hidden="true">{APPROX_SIGN[row.approx]}</span>}{formatValue(row.value, row.unit, lang)}</>}
      </td>
      <td data-label={col.flags}>
        <ul className="data-badges">
          {row.origin === 'user' && <li className="data-badge-origin"><OriginBadge row={row} /></li>}
          {partYear && <li className="data-badge-warn">{m.partYear}</li>}
          {row.approx !== 'exact' && <li className="data-badge-warn">{m.approx[row.approx]}</li>}
          {row.value_kind === 'derived' && <li className="data-badge-warn">{m.derivedLabel}</li>}
          {row.n_candidates > 1 && (
            <li className={chosen ? 'data-badge-chosen' : 'data-badge-alt'} title={`${m.dataCandidates(row.n_candidates)}. ${chosen ? m.dataChosenTitle : m.dataNotChosenTitle}`}>
              {chosen ? m.dataChosen : m.dataNotChosen} · {row.n_candidates}
            </li>
          )}
          {row.flags.length > 0 && (
            <li className="data-badge-flag" title={row.flags.map((f) => describeFlag(f, lang)).join('\n')}>
              {row.flags.length === 1 ? flagName(row.flags[0]!, lang) : m.dataFlagCount(row.flags.length)}
            </li>
          )}
        </ul>
      </td>
      <DataQuote row={row} />
      <td data-label={col.report} className="data-report">
        {/* The publisher is a Chinese name: marked so (screen readers, the English page's language check). */}
        <DataReportTitle title={row.report_title} untitled={m.untitledReport(placeLabel(row, lang), row.report_year)} />
        {row.publisher && <span className="data-sub" lang="zh-CN">{row.publisher}</span>}
        <CopyRowCitation row={row} />
      </td>
    </>
  );
}
