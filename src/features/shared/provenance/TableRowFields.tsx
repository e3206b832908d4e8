import { Fragment } from 'react';
import { reportLink, type ObservationDetail } from '../../../db/queries/provenance.ts';
import { useI18n } from '../../i18n/i18n.tsx';

const FIELDS = ['quote', 'unit', 'source'] as const;
/** Text the researcher's table holds in Chinese is marked so (screen readers, fonts), on the English page too. */
const HAN = /\p{Script=Han}/u;

/**
 * What an uploaded table's own quote, unit and source columns say for a row, each labelled
 * (原文 / 单位 / 来源), as written. A source that is an http(s) address is a link opened in a new
 * tab without access to this page (rel noopener noreferrer); any other text, `javascript:` included,
 * stays text. Nothing is shown for a row whose table had none of these columns.
 */
export function TableRowFields({ row }: { row: Pick<ObservationDetail, 'table_quote' | 'table_unit' | 'table_source'> }) {
  const { m } = useI18n();
  const values = { quote: row.table_quote, unit: row.table_unit, source: row.table_source };
  const shown = FIELDS.filter((field) => values[field] !== '');
  if (shown.length === 0) return null;
  const link = reportLink(row.table_source);
  return (
    <dl className="report" data-testid="table-row-fields">
      {shown.map((field) => (
        <Fragment key={field}>
          <dt>{m.userDataTableFields[field]}</dt>
          <dd data-testid={`table-row-${field}`} lang={HAN.test(values[field]) ? 'zh' : undefined}>
            {field === 'source' && link
              ? <a href={link} target="_blank" rel="noopener noreferrer" title={m.userDataOpenSource}>{values.source}</a>
              : values[field]}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
