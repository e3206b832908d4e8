/**
 * The mapping step: long or wide, which column holds the region / province / prefecture / year,
 * and (long) the indicator and value columns and what each indicator cell means, or (wide) the
 * indicator of each other column, prefilled with the suggestions from the headers; optional unit,
 * quote and source columns; and every column left unused, named.
 */
import { unitLabel } from '../../core/catalog/units.ts';
import { INDICATORS } from '../../core/catalog/indicators.ts';
import { suggestIndicator } from '../../core/user-data/match-indicator.ts';
import { mappingProblems, unusedColumns, type TableFormat, type TableMapping } from '../../core/user-data/table-shape.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { IndicatorValuesForm } from './IndicatorValuesForm.tsx';
import type { DistinctCells } from './table-worker-protocol.ts';

type RoleKey = 'region' | 'province' | 'prefecture' | 'year' | 'indicator' | 'value' | 'unit' | 'quote' | 'source';

/** Wide columns are every column no role takes; switching to wide suggests their indicators afresh. */
function withFormat(mapping: TableMapping, format: TableFormat, headers: readonly string[]): TableMapping {
  if (format === mapping.format) return mapping;
  if (format === 'long') return { ...mapping, format };
  const taken = new Set([mapping.region, mapping.province, mapping.prefecture, mapping.year, mapping.unit, mapping.quote, mapping.source]
    .filter((c) => c !== null));
  const indicatorColumns: Record<number, string | null> = {};
  headers.forEach((h, i) => { if (!taken.has(i)) indicatorColumns[i] = suggestIndicator(h)?.indicatorId ?? null; });
  return { ...mapping, format, indicator: null, value: null, indicatorColumns };
}

export function MappingForm({ headers, mapping, indicatorCells, onChange, onNext, onCancel }: {
  headers: string[];
  mapping: TableMapping;
  indicatorCells: DistinctCells | null;
  onChange: (mapping: TableMapping) => void;
  onNext: () => void;
  onCancel: () => void;
}) {
  const { m, lang } = useI18n();
  const problems = mappingProblems(mapping);
  const roles: Array<[RoleKey, string]> = [
    ['region', m.importTableRegionColumn], ['province', m.importTableProvinceColumn], ['prefecture', m.importTablePrefectureColumn],
    ['year', m.importTableYearColumn],
    ...(mapping.format === 'long' ? [['indicator', m.importTableIndicatorColumn], ['value', m.importTableValueColumn]] as Array<[RoleKey, string]> : []),
    ['unit', m.importTableUnitColumn], ['quote', m.importTableQuoteColumn], ['source', m.importTableSourceColumn],
  ];
  const unused = unusedColumns(mapping, headers.length);
  const columnName = (i: number) => headers[i] || `#${i + 1}`;
  const setRole = (role: RoleKey, value: string) => {
    const column = value === '' ? null : Number(value);
    const next: TableMapping = { ...mapping, [role]: column };
    if (column !== null && mapping.format === 'wide') {
      // A column given a role is no longer an indicator column.
      const rest = { ...next.indicatorColumns };
      delete rest[column];
      next.indicatorColumns = rest;
    }
    onChange(next);
  };
  const wideColumns = Object.keys(mapping.indicatorColumns).map(Number).sort((a, b) => a - b);
  return (
    <div className="import-table-mapping" data-testid="import-mapping">
      <h4>{m.importTableMappingTitle}</h4>
      <fieldset className="import-table-format">
        <legend>{m.importTableFormat}</legend>
        {(['wide', 'long'] as const).map((format) => (
          <label key={format}>
            <input type="radio" name="import-table-format" value={format} checked={mapping.format === format}
              onChange={() => onChange(withFormat(mapping, format, headers))} />
            {format === 'long' ? m.importTableFormatLong : m.importTableFormatWide}
          </label>
        ))}
      </fieldset>
      <div className="import-table-roles">
        {roles.map(([role, label]) => (
          <label key={role}>
            <span>{label}</span>
            <select value={mapping[role] ?? ''} onChange={(e) => setRole(role, e.target.value)} data-role={role}>
              <option value="">{m.importTableNoColumn}</option>
              {headers.map((h, i) => <option key={i} value={i}>{h || `#${i + 1}`}</option>)}
            </select>
          </label>
        ))}
      </div>
      {mapping.format === 'wide' && (
        <table className="import-table-columns">
          <caption>{m.importTableIndicatorsTitle}</caption>
          <thead><tr><th scope="col">{m.importTableColumn}</th><th scope="col">{m.importTableIndicator}</th></tr></thead>
          <tbody>
            {wideColumns.map((column) => (
              <tr key={column}>
                <th scope="row">{headers[column] || `#${column + 1}`}</th>
                <td>
                  <select aria-label={`${m.importTableIndicator}: ${headers[column] ?? ''}`} data-column={column}
                    value={mapping.indicatorColumns[column] ?? ''}
                    onChange={(e) => onChange({ ...mapping, indicatorColumns: { ...mapping.indicatorColumns, [column]: e.target.value || null } })}>
                    <option value="">{m.importTableIgnore}</option>
                    {INDICATORS.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{lang === 'zh' ? i.name_zh : i.name_en} ({unitLabel(i.unit, lang)})</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mapping.format === 'long' && indicatorCells && indicatorCells.column === mapping.indicator && (
        <IndicatorValuesForm cells={indicatorCells} values={mapping.indicatorValues} onChange={(indicatorValues) => onChange({ ...mapping, indicatorValues })} />
      )}
      {unused.length > 0 && (
        <p className="import-table-unused" data-testid="import-unused">
          {m.importTableUnused(unused.map((i) => `“${columnName(i)}”`).join(lang === 'zh' ? '、' : ', '))}
        </p>
      )}
      {problems.length > 0 && <ul className="import-table-problems">{problems.map((p) => <li key={p}>{m.importTableMissing[p]}</li>)}</ul>}
      <div className="import-table-actions">
        <button type="button" className="import-table-primary" data-testid="import-next" disabled={problems.length > 0} onClick={onNext}>
          {m.importTableNext}
        </button>
        <button type="button" data-testid="import-cancel" onClick={onCancel}>{m.importTableCancel}</button>
      </div>
    </div>
  );
}
