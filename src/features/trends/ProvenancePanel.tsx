import { formatPeriod, formatValue } from '../../charts/format-value.ts';
import { flagCode } from '../../db/queries/pick.ts';
import type { ObservationDetail } from '../../db/queries/provenance.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ErrorBox, Loading } from '../status/Status.tsx';
import { QuoteText } from './QuoteText.tsx';
import { useObservation } from './use-trends-data.ts';

interface Props {
  obsId: string | null;
  chosenId: string | null;
  indicatorName: string;
  onSelect: (obsId: string) => void;
  onClose: () => void;
}

/** Where a figure comes from: the value and its qualifiers, the sentence, the report, and its competitors. */
export function ProvenancePanel({ obsId, chosenId, indicatorName, onSelect, onClose }: Props) {
  const { m } = useI18n();
  const siblings = useObservation(obsId);
  let body;
  if (obsId === null) body = <p className="hint">{m.provenanceHint}</p>;
  else if (siblings.isPending) body = <Loading text={m.loadingData} />;
  else if (siblings.isError) body = <ErrorBox error={siblings.error} />;
  else {
    const detail = siblings.data.find((s) => s.obs_id === obsId);
    body = detail ? (
      <>
        <Detail detail={detail} indicatorName={indicatorName} />
        <Alternatives rows={siblings.data} current={obsId} chosenId={chosenId} onSelect={onSelect} />
      </>
    ) : null;
  }
  return (
    <aside className="provenance" aria-live="polite">
      <header>
        <h2>{m.provenanceTitle}</h2>
        {obsId !== null && <button type="button" onClick={onClose} aria-label={m.close}>×</button>}
      </header>
      {body}
    </aside>
  );
}

function Detail({ detail: d, indicatorName }: { detail: ObservationDetail; indicatorName: string }) {
  const { lang, m } = useI18n();
  const title = d.report_title || m.untitledReport(d.region_name, d.report_year);
  const printed = d.value_kind === 'derived' ? d.inputs.map((i) => i.value) : d.value === null ? [] : [d.value];
  return (
    <div className="detail">
      <p className="detail-where">{d.region_name} · {d.year} · {indicatorName}</p>
      <p className="detail-value">{formatValue(d.value, d.unit, lang)}</p>
      <ul className="badges">
        <li className={d.period === 'year' ? '' : 'badge-warn'}>{d.period === 'year' ? m.fullYear : `${m.partYear}: ${formatPeriod(d.period, lang)}`}</li>
        <li className={d.value_kind === 'derived' ? 'badge-warn' : ''}>{d.value_kind === 'derived' ? m.derivedLabel : m.reportedLabel}</li>
        {d.approx !== 'exact' && <li className="badge-warn">{m.approxLabel}: {m.approx[d.approx]}</li>}
        {d.flags.map((f) => <li key={f} className="badge-flag" title={f}>{m.flagNames[flagCode(f)] ?? flagCode(f)}</li>)}
      </ul>
      {d.flags.length > 0 && <ul className="flag-details">{d.flags.map((f) => <li key={f}>{f}</li>)}</ul>}
      {d.derivation && <p><span className="label">{m.derivation}</span> {d.derivation}</p>}
      <p className="label">{m.quote}</p>
      <QuoteText quote={d.quote} values={printed} />
      <dl className="report">
        <dt>{m.report}</dt>
        <dd>{d.url ? <a href={d.url} target="_blank" rel="noopener noreferrer" title={m.openReport}>{title}</a> : title}</dd>
        <dt>ID</dt>
        <dd><code>{d.report_id}</code></dd>
        <dt>{m.publisher}</dt>
        <dd>{d.publisher || '—'}</dd>
        {d.published && <><dt>{m.published}</dt><dd>{d.published}</dd></>}
        <dt>{m.rule}</dt>
        <dd><code>{d.rule_id}</code></dd>
      </dl>
      {d.coverage === 'excerpt' && <p className="badge-warn">{m.excerpt}</p>}
    </div>
  );
}

function Alternatives({ rows, current, chosenId, onSelect }: { rows: ObservationDetail[]; current: string; chosenId: string | null; onSelect: (id: string) => void }) {
  const { lang, m } = useI18n();
  if (rows.length < 2) return null;
  return (
    <section className="alternatives">
      <h3>{m.alternatives}</h3>
      <ul>
        {rows.map((r) => (
          <li key={r.obs_id} className={r.obs_id === current ? 'current' : ''}>
            <button type="button" onClick={() => onSelect(r.obs_id)} disabled={r.obs_id === current}>
              <strong>{r.value === null ? m.qualitative : formatValue(r.value, r.unit, lang)}</strong>
              {' '}{r.period === 'year' ? '' : `${formatPeriod(r.period, lang)} · `}{r.value_kind === 'derived' ? `${m.derivedLabel} · ` : ''}
              {r.approx !== 'exact' ? `${m.approx[r.approx]} · ` : ''}{r.publisher || r.report_id}
              {r.obs_id === chosenId && <em> ({m.chosen})</em>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
