/**
 * What the extractor found in a pasted report: every value with its indicator, value and unit,
 * approximate / derived / part-year marks and its quote with the figure marked; a checkbox drops a
 * wrong value before saving. The candidates it did not take are listed with the reason.
 * Everything from the text is rendered as React text (never as HTML).
 */
import { formatPeriod, formatValue } from '../../../charts/format-value.ts';
import { getIndicator } from '../../../core/catalog/indicators.ts';
import { describePeriod, describeReject } from '../../../core/extract/frame/describe-frame.ts';
import type { Observation, Reject } from '../../../core/types.ts';
import { droppedWithDependents } from '../../../core/user-data/dropped-with-dependents.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QuoteText } from '../../shared/provenance/QuoteText.tsx';
import { quoteWindow } from './quote-window.ts';

/** More rows than any report has; a pathological text is summarised rather than rendered whole. */
const MAX_ROWS = 500;

function indicatorName(id: string, lang: 'zh' | 'en'): string {
  try {
    const indicator = getIndicator(id);
    return lang === 'zh' ? indicator.name_zh : indicator.name_en;
  } catch {
    return id;
  }
}

function Quote({ quote, quoteStart, spans, values }: { quote: string; quoteStart: number | null; spans: { start: number; end: number }[]; values: number[] }) {
  const own = spans[0]!;
  const w = quoteStart === null ? { quote, quoteStart: null, cutBefore: false, cutAfter: false } : quoteWindow(quote, quoteStart, own.start, own.end);
  return (
    <div className="report-import-quote">
      {w.cutBefore && <span className="report-import-cut">…</span>}
      <QuoteText quote={w.quote} quoteStart={w.quoteStart} spans={spans} values={values} />
      {w.cutAfter && <span className="report-import-cut">…</span>}
    </div>
  );
}

interface Props {
  /** The body the spans index into. */
  body: string;
  observations: readonly Observation[];
  rejects: readonly Reject[];
  /** The values the reader dropped (derived values computed from them are shown dropped too). */
  dropped: ReadonlySet<number>;
  onToggle(index: number): void;
  /** A PDF's page of a body offset (batch import), so each value names its page. */
  pageOf?: (offset: number) => number | null;
}

export function ReportPreview({ body, observations, rejects, dropped, onToggle, pageOf }: Props) {
  const { m, lang } = useI18n();
  const leftOut = droppedWithDependents(observations, dropped);
  return (
    <section className="report-import-preview" data-testid="report-preview" aria-label={m.importReportPreviewTitle(observations.length - leftOut.size, observations.length)}>
      {observations.length > 0 && <h4>{m.importReportPreviewTitle(observations.length - leftOut.size, observations.length)}</h4>}
      <ol className="report-import-values">
        {observations.slice(0, MAX_ROWS).map((o, index) => {
          const name = indicatorName(o.indicator_id, lang);
          const isDropped = leftOut.has(index);
          const withInput = isDropped && !dropped.has(index); // left out because a figure it is computed from was dropped
          const derived = o.value_kind === 'derived';
          const spans = [{ start: o.span_start, end: o.span_end }, ...(derived ? o.inputs.map((i) => ({ start: i.span_start, end: i.span_end })) : [])];
          return (
            <li key={`${index}-${o.span_start}-${o.indicator_id}`} data-testid="report-value" data-indicator={o.indicator_id} data-dropped={isDropped}
              className={isDropped ? 'report-import-value report-import-dropped' : 'report-import-value'}>
              <label className="report-import-drop">
                <input type="checkbox" data-testid="report-value-drop" checked={isDropped} disabled={withInput} onChange={() => onToggle(index)} aria-label={m.importReportDropLabel(name)} />
                {m.importReportDrop}
              </label>
              <div className="report-import-value-head">
                <strong>{name}</strong>
                <span className="report-import-number">{formatValue(o.value, o.unit, lang)}</span>
                {o.approx !== 'exact' && <span className="report-import-tag" title={m.approx[o.approx]}>{m.approx[o.approx]}</span>}
                {derived && <span className="report-import-tag report-import-derived" title={o.derivation}>{m.importReportDerivedBy(o.derivation)}</span>}
                {withInput && <span className="report-import-reason" data-testid="report-value-dropped-with-input">{m.importReportDroppedWithInput}</span>}
                {o.period !== 'year' && <span className="report-import-tag report-import-part" title={describePeriod(o.period, lang)}>{m.importReportPeriod}: {formatPeriod(o.period, lang)} · {describePeriod(o.period, lang)}</span>}
                <span className="report-import-year">{o.year}</span>
                {pageOf && pageOf(o.span_start) !== null && <span className="report-import-tag" data-testid="report-value-page">{m.batchPage(pageOf(o.span_start)!)}</span>}
              </div>
              <Quote quote={o.quote} quoteStart={o.quote_start} spans={spans} values={derived ? o.inputs.map((i) => i.value) : o.value === null ? [] : [o.value]} />
            </li>
          );
        })}
      </ol>
      {observations.length > MAX_ROWS && <p className="note">{m.importReportMoreRows(observations.length - MAX_ROWS)}</p>}
      {rejects.length > 0 && (
        <details className="report-import-rejects" data-testid="report-rejects">
          <summary>{m.importReportRejectsTitle(rejects.length)}</summary>
          <ol>
            {rejects.slice(0, MAX_ROWS).map((r, index) => (
              <li key={`${index}-${r.span_start}`} data-testid="report-reject">
                <div className="report-import-value-head">
                  <strong>{indicatorName(r.indicator_id, lang)}</strong>
                  <span className="report-import-number">{r.text}</span>
                  <span className="report-import-reason" data-frame={r.frame}>{describeReject(r, lang)}</span>
                </div>
                <Quote quote={r.quote} quoteStart={quoteStartOf(r, body)} spans={[{ start: r.span_start, end: r.span_end }]} values={[]} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** Rejects carry no quote_start: their quote is found in the body just before the span (null when not found). */
function quoteStartOf(r: Reject, body: string): number | null {
  const at = body.indexOf(r.quote, Math.max(0, r.span_end - r.quote.length));
  return at >= 0 && at <= r.span_start ? at : null;
}
