import { useQuery } from '@tanstack/react-query';
import { useScrollIntoViewOnChange } from './use-scroll-into-view.ts';
import { useDatabase } from '../database.tsx';
import { spanInQuote } from '../../../charts/figure-in-quote.ts';
import { formatPeriod, formatValue } from '../../../charts/format-value.ts';
import { NONE } from '../../../db/index.ts';
import { flagDetail, flagName } from '../../../core/catalog/flags.ts';
import { derivationSources, pickReason, reportLink, type ObservationDetail } from '../../../db/queries/provenance.ts';
import '../export/export.css';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorBox, Loading } from '../status/Status.tsx';
import { QuoteText } from './QuoteText.tsx';
import { TableRowFields } from './TableRowFields.tsx';
import { pageOfOffset } from '../../../core/convert/pdf-body.ts';
import { CopyCitation } from './CopyCitation.tsx';
import { copyHost } from '../../../core/cite/citation.ts';
import { placeLabel } from '../../../core/regions/place-label.ts';
import { useObservation } from '../data/use-catalog.ts';
import { OriginBadge } from '../user-data/OriginBadge.tsx';
import { AboutLink } from '../about-link/AboutLink.tsx';
import '../export/export-words.ts'; // adds the export words this module reads (not in the entry chunk)

interface Props {
  obsId: string | null;
  /** The indicator charted: its name heads the panel (an id from an edited link may be another's). */
  indicator: { id: string; name: string };
  onSelect: (obsId: string) => void;
  onClose: () => void;
}

/**
 * Where a figure comes from: the value and its qualifiers, the sentence with the figure marked at its
 * span, the report; for a derived value its formula and its inputs in their own sentences; and the
 * competing rows with the one the chart uses and why (pick.ts's rule).
 */
export function ProvenancePanel({ obsId, indicator, onSelect, onClose }: Props) {
  const { m } = useI18n();
  const siblings = useObservation(obsId);
  const panel = useScrollIntoViewOnChange(obsId);
  let body;
  if (obsId === null) body = <p className="hint">{m.provenanceHint}</p>;
  else if (siblings.isPending) body = <Loading text={m.loadingData} />;
  else if (siblings.isError) body = <ErrorBox error={siblings.error} />;
  else {
    const detail = siblings.data.find((s) => s.obs_id === obsId);
    body = detail ? (
      <>
        <Detail detail={detail} indicatorName={detail.indicator_id === indicator.id ? indicator.name : detail.indicator_id} />
        <Alternatives rows={siblings.data} current={obsId} onSelect={onSelect} />
      </>
    ) : <p className="hint">{m.provenanceHint}</p>;
  }
  return (
    <aside className="provenance" data-testid="provenance" aria-live="polite" ref={panel}>
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
  const p = m.exportProvenance;
  const title = d.report_title || `${placeLabel(d, lang)}${lang === 'zh' ? '' : ' '}${d.report_year ?? ''}${lang === 'zh' ? '年报告' : ' report'}`;
  const host = copyHost(d.url);
  const derived = d.value_kind === 'derived';
  const printed = derived ? d.inputs.map((i) => i.value) : d.value === null ? [] : [d.value];
  const spans = [{ start: d.span_start, end: d.span_end }, ...(derived ? d.inputs.map((i) => ({ start: i.span_start, end: i.span_end })) : [])];
  const placed = spans.some((s) => spanInQuote(d.quote, d.quote_start, s.start, s.end) !== null);
  const link = reportLink(d.url);
  const fromUserTable = d.origin === 'user' && (d.source_row !== null || d.source_column !== '');
  // Shipped and user reports alike: the report's page map comes with the row (reports.page_starts).
  const page = d.page_starts ? pageOfOffset(d.page_starts, d.span_start) : null;
  return (
    <div className="detail">
      <p className="detail-where">{placeLabel(d, lang)} · {d.year} · {indicatorName}</p>
      <p className="detail-origin"><OriginBadge row={d} /></p>
      <p className="detail-value">{d.value === null ? m.qualitative : formatValue(d.value, d.unit, lang)}</p>
      <ul className="badges">
        <li className={d.period === 'year' ? '' : 'badge-warn'}>{d.period === 'year' ? m.fullYear : `${m.partYear}: ${formatPeriod(d.period, lang)}`}</li>
        <li className={derived ? 'badge-warn' : ''}>{derived ? m.derivedLabel : m.reportedLabel}</li>
        {d.approx !== 'exact' && <li className="badge-warn">{m.approxLabel}: {m.approx[d.approx]}</li>}
        {d.flags.map((f) => <li key={f} className="badge-flag">{flagName(f, lang)}</li>)}
      </ul>
      {d.flags.some((f) => flagDetail(f, lang)) && <ul className="flag-details">{d.flags.map((f) => flagDetail(f, lang)).filter(Boolean).map((detail) => <li key={detail}>{detail}</li>)}</ul>}
      {d.derivation && <p><span className="label">{m.derivation}</span> <code>{d.derivation}</code></p>}
      <p className="label">{fromUserTable ? m.userDataTableRow : m.quote}</p>
      <QuoteText quote={d.quote} quoteStart={d.quote_start} spans={spans} values={printed} testId="provenance-quote" />
      {fromUserTable && <TableRowFields row={d} />}
      {/* A table row's "quote" is the row itself (列名: 值), with no report offsets to place. */}
      {!placed && d.quote && !fromUserTable && <p className="note">{p.spanFallback}</p>}
      {derived && d.inputs.length > 0 && <DerivationInputs detail={d} />}
      <dl className="report">
        <dt>{m.report}</dt>
        <dd>
          {/* A report's own title is Chinese: marked so (screen readers, and the English page's language check). */}
          <span lang={d.report_title ? 'zh-CN' : undefined}>{link ? <a href={link} target="_blank" rel="noopener noreferrer" title={m.openReport}>{title}</a> : title}</span>
          {!d.report_title && <span className="note" data-testid="no-title"> ({p.noTitle})</span>}
          {host && <span className="badge-warn copy-host" title={p.copyOnTitle} data-testid="copy-host"> {p.copyOn(host)}</span>}
          {!d.url && <span className="note" data-testid="no-url"> · {p.noUrl}</span>}
        </dd>
        {!link && d.url && <><dt /><dd className="note">{p.unsafeLink} <code>{d.url}</code></dd></>}
        {page !== null && <><dt>{m.provenancePage}</dt><dd data-testid="provenance-page">{m.provenancePageValue(page)}</dd></>}
        {d.origin !== 'user' && <><dt>{p.sourceKind}</dt><dd data-testid="source-kind">{(m.exportText.sourceKinds as Record<string, string>)[d.source_kind] ?? d.source_kind}</dd></>}
        <dt>{m.publisher}</dt>
        <dd lang={d.publisher ? 'zh-CN' : undefined}>{d.publisher || m.exportText.citation.noPublisher}</dd>
        {d.published && <><dt>{m.published}</dt><dd>{d.published}</dd></>}
        <dt>ID</dt>
        <dd><code>{d.report_id}</code></dd>
        <dt>{m.rule}</dt>
        <dd><code>{d.rule_id}</code></dd>
      </dl>
      {d.coverage === 'excerpt' && !fromUserTable && <p className="badge-warn">{m.excerpt}</p>}
      {!fromUserTable && <CopyCitation report={{ title: d.report_title, publisher: d.publisher, url: d.url, published: d.published, region_name: d.region_name, year: d.report_year }} />}
    </div>
  );
}

/** Each input of a derived value: its role and value, the sentence it was read from, and the dataset's row at that position. */
function DerivationInputs({ detail }: { detail: ObservationDetail }) {
  const { lang, m } = useI18n();
  const p = m.exportProvenance;
  const database = useDatabase();
  const sources = useQuery({
    queryKey: ['derivation-sources', detail.obs_id],
    queryFn: async () => derivationSources(await database.forScope(NONE, 'provenance'), detail),
    staleTime: Infinity,
  });
  if (sources.isPending) return <Loading text={m.loadingData} />;
  if (sources.isError) return <ErrorBox error={sources.error} />;
  return (
    <section className="export-prov-inputs">
      <h3>{p.inputsTitle}</h3>
      <ol>
        {sources.data.map(({ input, match, context }) => (
          <li key={`${input.span_start}-${input.span_end}-${input.role}`}>
            <p className="export-prov-input-head">
              <strong>{p.role[input.role] ?? input.role}</strong>{' '}
              {formatValue(input.value, match?.unit ?? '', lang)}{' '}
              <span className="note">· <code>{input.indicator_id}</code> · {p.span(input.span_start, input.span_end)}</span>
            </p>
            {context
              ? <QuoteText quote={context.quote} quoteStart={context.quote_start} spans={[{ start: input.span_start, end: input.span_end }]} values={[input.value]} />
              : <p className="note">{p.noQuote(input.span_start, input.span_end)}</p>}
            <p className="note">
              {match
                ? <>{p.matched}: <code>{match.indicator_id}</code> = {match.value === null ? m.qualitative : formatValue(match.value, match.unit, lang)}{match.value_kind === 'derived' ? ` (${m.derivedLabel})` : ''} · <code>{match.obs_id}</code></>
                : p.noRow}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The competing rows for the same place, year and indicator: which one the chart uses, and why each other one is not used. */
function Alternatives({ rows, current, onSelect }: { rows: ObservationDetail[]; current: string; onSelect: (id: string) => void }) {
  const { lang, m } = useI18n();
  const p = m.exportProvenance;
  if (rows.length < 2) return null;
  // observationSiblings orders rows by the pick rule: the first with a number is the chart's.
  const chosen = rows.find((r) => r.value !== null) ?? rows[0]!;
  const runnerUp = rows.find((r) => r !== chosen);
  const numbers = new Set(rows.filter((r) => r.value !== null).map((r) => `${r.period}|${r.value}`));
  const periods = new Set(rows.filter((r) => r.value !== null).map((r) => r.period));
  const disagree = numbers.size > periods.size;
  return (
    <section className="alternatives">
      <h3>{m.alternatives}</h3>
      {disagree && <p className="badge-warn">{p.disagree}</p>}
      <ul>
        {rows.map((r) => (
          <li key={r.obs_id} className={r.obs_id === current ? 'current' : ''}>
            <button type="button" onClick={() => onSelect(r.obs_id)} disabled={r.obs_id === current} title={p.showThis}>
              <strong>{r.value === null ? m.qualitative : formatValue(r.value, r.unit, lang)}</strong>
              {' '}{r.period === 'year' ? '' : `${formatPeriod(r.period, lang)} · `}{r.value_kind === 'derived' ? `${m.derivedLabel} · ` : ''}
              {r.approx !== 'exact' ? `${m.approx[r.approx]} · ` : ''}{r.publisher || (r.origin === 'user' ? r.file_name || r.report_title : r.report_id)}
              {r.origin === 'user' && <> <OriginBadge row={r} compact /></>}
              {r === chosen && <em> ({m.chosen})</em>}
            </button>
            <p className="note export-prov-reason">
              {r === chosen
                ? runnerUp && p.usedBecause(p.reasons[pickReason(chosen, runnerUp)].used)
                : p.notUsedBecause(p.reasons[pickReason(chosen, r)].notUsed)}
            </p>
          </li>
        ))}
      </ul>
      <AboutLink />
    </section>
  );
}
