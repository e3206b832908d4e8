import { describe, expect, it } from 'vitest';
import { quoteWindow } from '../../src/features/import/report/quote-window.ts';

describe('the part of a quote the preview shows', () => {
  it('keeps a short quote whole', () => {
    expect(quoteWindow('办理案件12件。', 100, 104, 107)).toEqual({ quote: '办理案件12件。', quoteStart: 100, cutBefore: false, cutAfter: false });
  });

  it('cuts a long quote around the figure, with offsets that still place the figure exactly', () => {
    const body = `${'前'.repeat(5000)}办理案件1234件${'后'.repeat(5000)}`;
    const spanStart = body.indexOf('1234');
    const w = quoteWindow(body, 0, spanStart, spanStart + 4);
    expect(w.cutBefore && w.cutAfter).toBe(true);
    expect(w.quote.length).toBeLessThan(400);
    expect(w.quote.slice(spanStart - w.quoteStart, spanStart + 4 - w.quoteStart)).toBe('1234');
    expect(body.slice(w.quoteStart, w.quoteStart + w.quote.length)).toBe(w.quote);
  });
});
