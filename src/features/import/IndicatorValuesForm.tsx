/**
 * Long format: the cells of the indicator column that are not catalog ids, each with the indicator
 * the user says it means (or none: its rows are rejected). Only cells written exactly as an
 * indicator's catalog name start mapped; for the others the closest indicator is shown as a hint
 * beside an empty choice, so nothing is taken for an indicator without the user choosing it.
 */
import { INDICATORS, getIndicator } from '../../core/catalog/indicators.ts';
import { suggestIndicator } from '../../core/user-data/match-indicator.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { DistinctCells } from './table-worker-protocol.ts';

export function IndicatorValuesForm({ cells, values, onChange }: {
  cells: DistinctCells;
  values: Map<string, string | null>;
  onChange: (values: Map<string, string | null>) => void;
}) {
  const { m, lang } = useI18n();
  if (cells.cells.length === 0) return null;
  const name = (id: string) => { const i = getIndicator(id); return lang === 'zh' ? i.name_zh : i.name_en; };
  return (
    <div>
      {/* A paragraph, not a caption: a caption is as wide as its table and scrolls away with it on a phone. */}
      <p className="import-table-caption" id="import-indicator-values-title">{m.importTableValuesTitle(cells.cells.length, cells.more)}</p>
      <table className="import-table-columns" data-testid="import-indicator-values" aria-labelledby="import-indicator-values-title">
      <thead>
        <tr><th scope="col">{m.importTableValueCell}</th><th scope="col">{m.importTableValueRows}</th><th scope="col">{m.importTableIndicator}</th></tr>
      </thead>
      <tbody>
        {cells.cells.map(({ text, rows }) => {
          const chosen = values.get(text) ?? null;
          const hint = chosen === null ? suggestIndicator(text) : null;
          return (
            <tr key={text}>
              <th scope="row" className="import-table-value-cell">{text}</th>
              <td>{rows}</td>
              <td>
                <select aria-label={`${m.importTableIndicator}: ${text}`} data-value-cell={text} value={chosen ?? ''}
                  onChange={(e) => onChange(new Map(values).set(text, e.target.value || null))}>
                  <option value="">{m.importTableValueNone}</option>
                  {INDICATORS.map((i) => <option key={i.indicator_id} value={i.indicator_id}>{lang === 'zh' ? i.name_zh : i.name_en} ({i.unit})</option>)}
                </select>
                {hint && <span className="import-table-muted"> {m.importTableValueHint(name(hint.indicatorId))}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
      </table>
    </div>
  );
}
