/**
 * The report preview shows a derived value left out with a figure it is computed from: ticked, its
 * box disabled (it cannot be kept while its input is dropped), with the reason in the reader's
 * language, and the kept count in the heading counts it as dropped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/core/extract/extract-report.ts';
import { parseReport } from '../../src/core/report/parse-report.ts';
import { ReportPreview } from '../../src/features/import/report/ReportPreview.tsx';
import { I18nProvider } from '../../src/features/i18n/i18n.tsx';
import { addViewMessages } from '../../src/features/i18n/messages.ts';
import { IMPORT_REPORT_MESSAGES } from '../../src/features/i18n/views/import-report.ts';
import { REPORTS_DIR } from '../core/corpus.ts';

addViewMessages(IMPORT_REPORT_MESSAGES);
const { meta, body } = parseReport(readFileSync(join(REPORTS_DIR, 'jiyuan-2021.txt'), 'utf8'), 'jiyuan-2021');
const { observations, rejects } = extractReport({ meta, body });
const rate = observations.findIndex((o) => o.indicator_id === 'admin_review.correction_rate' && o.value_kind === 'derived');
const denominator = observations.findIndex((o) => o.indicator_id === observations[rate]!.inputs[1]!.indicator_id && o.span_start === observations[rate]!.inputs[1]!.span_start);

interface RenderedValue { dropped: string | null; boxChecked: boolean; boxDisabled: boolean; reason: string | null }

/** The preview's markup (server-rendered: the tests run in Node without a DOM), read per value row. */
function rendered(lang: 'zh' | 'en', dropped: Set<number>): { heading: string | null; values: RenderedValue[] } {
  const html = renderToStaticMarkup(createElement(I18nProvider, { lang, children: createElement(ReportPreview, { body, observations, rejects, dropped, onToggle: () => undefined }) }));
  const rows = html.split('<li ').slice(1).filter((row) => row.includes('data-testid="report-value"'));
  const values = rows.map((row) => {
    const box = /<input type="checkbox"[^>]*data-testid="report-value-drop"[^>]*>/.exec(row)?.[0] ?? '';
    return {
      dropped: /data-dropped="(\w+)"/.exec(row)?.[1] ?? null,
      boxChecked: / checked=""/.test(box),
      boxDisabled: / disabled=""/.test(box),
      reason: /data-testid="report-value-dropped-with-input">([^<]*)</.exec(row)?.[1] ?? null,
    };
  });
  return { heading: /<h4>([^<]*)<\/h4>/.exec(html)?.[1] ?? null, values };
}

describe('the preview of a report whose derived rate lost an input', () => {
  it.each([
    ['zh', '所用数字已去掉,这个推算值随之去掉', `提取结果:保留 ${observations.length - 2} / ${observations.length} 个数字`],
    ['en', 'Dropped with a figure it is computed from', `Extracted: keeping ${observations.length - 2} of ${observations.length} figures`],
  ] as const)('%s: the rate is shown dropped with the reason, its box disabled', (lang, reason, heading) => {
    expect(rate).toBeGreaterThanOrEqual(0);
    expect(denominator).toBeGreaterThanOrEqual(0);
    const { heading: shown, values } = rendered(lang, new Set([denominator]));
    expect(values.map((v) => v.dropped)).toEqual(observations.map((_, i) => String(i === rate || i === denominator)));
    expect(values[rate]).toEqual({ dropped: 'true', boxChecked: true, boxDisabled: true, reason });
    expect(values[denominator]).toEqual({ dropped: 'true', boxChecked: true, boxDisabled: false, reason: null });
    expect(shown).toBe(heading);
  });

  it('with nothing dropped, no value says it went with its input', () => {
    const { values } = rendered('zh', new Set());
    expect(values.length).toBe(observations.length);
    expect(values.filter((v) => v.reason !== null || v.dropped !== 'false' || v.boxChecked || v.boxDisabled)).toEqual([]);
  });
});
