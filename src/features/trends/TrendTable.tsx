import { formatPeriod, formatValue } from '../../charts/format-value.ts';
import { isIndexed } from '../../charts/trend-index.ts';
import type { YearSpan } from '../../charts/trend-years.ts';
import { placeLabels } from '../../core/regions/place-label.ts';
import type { TrendPoint } from '../../db/queries/trend.ts';
import { useTrendsMoreMessages } from './use-trends-more-messages.ts';

interface Props {
  points: readonly TrendPoint[];
  indicator: { name: string; unit: string };
  range: YearSpan;
  /** Place codes in the order the places are listed. */
  order: readonly string[];
  /** The observation open in the source panel (its row is marked). */
  selected: string | null;
  onSelect: (obsId: string) => void;
}

/**
 * The table tab: every figure the chart draws, one row per place and year, with its marks and a
 * button that opens the same source panel as a click on the point. The keyboard and screen-reader
 * way to every point. Loaded when the tab is first opened (not on the first chart's path).
 */
export function TrendTable({ points, indicator, range, order, selected, onSelect }: Props) {
  const { lang, m, more: t } = useTrendsMoreMessages();
  const names = placeLabels(points, lang);
  const rank = new Map(order.map((code, i) => [code, i]));
  const rows = [...points].sort((a, b) => (rank.get(a.region_code) ?? Infinity) - (rank.get(b.region_code) ?? Infinity)
    || a.region_code.localeCompare(b.region_code) || a.year - b.year);
  const indexed = rows.some(isIndexed);
  const number = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 1 });
  if (rows.length === 0) return <p className="status">{t.trendsTableEmpty}</p>;
  return (
    <div className="trends-table-wrap" data-testid="trends-table">
      <table className="trends-table">
        <caption>{t.trendsTableCaption(indicator.name, range.first, range.last)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.trendsTablePlace}</th>
            <th scope="col">{t.trendsTableYear}</th>
            <th scope="col">{t.trendsTableValue}</th>
            {indexed && <th scope="col">{t.trendsTableIndex}</th>}
            <th scope="col">{t.trendsTableMarks}</th>
            <th scope="col">{t.trendsTableSource}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => {
            const place = names.get(p.region_code) ?? p.region_name;
            const printed = isIndexed(p) ? p.printed : p.value;
            const marks = [
              p.period !== 'year' ? t.trendsMarkPartYear(formatPeriod(p.period, lang)) : '',
              p.approx !== 'exact' ? m.approx[p.approx] : '',
              p.value_kind === 'derived' ? t.trendsMarkDerived : '',
              p.origin === 'user' ? t.trendsMarkUser : '',
              p.conflict ? t.trendsMarkConflict : '',
            ].filter(Boolean);
            return (
              <tr key={p.obs_id} aria-current={p.obs_id === selected ? 'true' : undefined}>
                <th scope="row">{place}</th>
                <td>{p.year}</td>
                <td className="trends-table-number">{formatValue(printed, p.unit || indicator.unit, lang)}</td>
                {indexed && <td className="trends-table-number">{isIndexed(p) ? number.format(p.value) : ''}</td>}
                <td className="trends-table-marks">{marks.join(lang === 'zh' ? ';' : '; ')}</td>
                <td>
                  <button type="button" className="trends-table-source" aria-label={t.trendsTableOpenLabel(place, p.year)} onClick={() => onSelect(p.obs_id)}>
                    {t.trendsTableOpen}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
