/**
 * The coverage grid is an HTML table drawn by React, not ECharts: data reaches the DOM only as text
 * nodes and attribute values, which React escapes. Rendered to static markup with hostile place,
 * province, prefecture, indicator and category names, it holds no element or attribute of the data's making.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildCoverageGrid, type GridIndicator } from '../../src/charts/coverage-grid.ts';
import type { CoverageCell, CoveragePlace } from '../../src/db/queries/coverage.ts';
import { CoverageGrid } from '../../src/features/coverage/CoverageGrid.tsx';
import { I18nProvider } from '../../src/features/i18n/i18n.tsx';
import { addViewMessages } from '../../src/features/i18n/messages.ts';
import { COVERAGE_MESSAGES as MESSAGES } from '../../src/features/i18n/views/coverage.ts';
import { ECHARTS_PAYLOADS, HTML_PAYLOADS } from '../fixtures/bad-inputs/naughty-strings.ts';
import { unescapeHtml } from './hostile-markup.ts';

// The grid is rendered without its view, which is what adds the Coverage words in the app.
addViewMessages(MESSAGES);

const HOSTILE = [...HTML_PAYLOADS, ...ECHARTS_PAYLOADS];
const places: CoveragePlace[] = HOSTILE.map((name, i) => ({
  region_code: `99${String(i).padStart(4, '0')}`, region_name: name, name_pinyin: name, prefecture_code: '990100', prefecture_name: name,
  province_code: `9${i % 3}0000`, province_name: HOSTILE[i % 3]!,
}));
const indicators: GridIndicator[] = HOSTILE.slice(0, 6).map((name, i) => ({
  indicator_id: `x${i}`, name_zh: name, name_en: name, unit: name, category_zh: HOSTILE[i + 6]!, category_en: HOSTILE[i + 6]!,
}));
const cells: CoverageCell[] = places.map((p, i) => ({ region_code: p.region_code, indicator_id: `x${i % 6}`, whole_years: [2020], part_years: [2021], qual_years: [], n_obs: 2 }));

/** Tags React writes for the grid. */
const GRID_TAGS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'button', 'caption', 'div', 'small', 'abbr']);

describe('the coverage grid with hostile names', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`(${lang}) renders every name as escaped text, with no element or event handler from data`, () => {
      const grid = buildCoverageGrid(places, indicators, cells, { lang, year: null, hideEmpty: false, text: MESSAGES[lang].coverageGrid });
      const table = createElement(CoverageGrid, { grid, isOpen: () => true, onToggle: () => undefined, onOpen: () => undefined, onInspect: () => undefined, scroller: null });
      const html = renderToStaticMarkup(createElement(I18nProvider, { lang, children: table }));
      for (const [tag, name = '', attrs = ''] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
        expect(GRID_TAGS.has(name), tag.slice(0, 160)).toBe(true);
        const attrNames = attrs.replace(/="[^"]*"/g, '').trim().split(/\s+/).filter(Boolean);
        for (const a of attrNames) expect(a, tag.slice(0, 160)).toMatch(/^(?!on)[a-z][\w-]*$/);
      }
      const text = unescapeHtml(html.replace(/<[^>]*>/g, '\n').replace(/&#x27;/g, '&#39;'));
      for (const p of places) expect(text).toContain(p.region_name);
      // Indicator names sit in headers and in title attributes, escaped the same way.
      const decoded = unescapeHtml(html.replace(/&#x27;/g, '&#39;'));
      for (const i of indicators) expect(decoded).toContain(i.name_zh);
    });
  }
});
