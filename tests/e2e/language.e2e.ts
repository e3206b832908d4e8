/**
 * Words in the reader's language, on every view of the shipped dataset and in the source panel of a
 * flagged figure.
 *
 * English: no Chinese outside quotes and names. A run of Chinese characters is allowed only
 *   (a) inside an element marked `lang="zh…"`: quotes, report titles, publishers, a place's characters
 *       shown beside its pinyin, words cited from the reports, the language button; or
 *   (b) as a place's Chinese name right after its pinyin ("Lingqiu 灵丘县", "Shanxi 山西省"), where no
 *       element can carry `lang` (an <option>, a title attribute); the names and their pinyin are read
 *       from the served regions.csv (counties, prefectures, provinces).
 *   Checked in every text node and in the title, aria-label, placeholder and alt attributes.
 * Chinese: no quality-flag code (every code in the served observations' flags, e.g. rate_mismatch)
 *   and no English flag detail ("printed 99% but …") anywhere, and no snake_case identifier outside
 *   <code> (where the source panel names an indicator or rule id on purpose).
 */
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, sessionPerFile, waitForChart, waitForQuiet, waitForView, type Lang, type View } from './support.ts';

const files = sessionPerFile();
const LOADED = 90_000;
const SLOW = { timeout: 300_000 };

type Row = Record<string, string>;

async function servedCsv(file: string): Promise<Row[]> {
  const response = await fetch(new URL(`data/${file}`, inject('e2e').baseUrl));
  expect(response.ok, `data/${file}`).toBe(true);
  return Papa.parse<Row>((await response.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

/** "Pinyin 汉字" pairs a page may print outside a lang="zh" element, longest first (a prefecture before its county). */
let namePairs: string[] = [];
let flagCodes: string[] = [];
/** A figure with a quality flag: its observation id and place. */
let flagged: Row;

beforeAll(async () => {
  const pairs = new Set<string>();
  for (const r of await servedCsv('regions.csv')) {
    for (const [pinyin, name] of [[r.name_pinyin, r.region_name], [r.prefecture_pinyin, r.prefecture_name], [r.province_pinyin, r.province_name]]) {
      if (pinyin && name) pairs.add(`${pinyin} ${name}`);
    }
  }
  namePairs = [...pairs].sort((a, b) => b.length - a.length);
  const observations = await servedCsv('observations.csv');
  flagCodes = [...new Set(observations.flatMap((o) => (o.flags ? o.flags.split(/;\s+/).map((f) => f.split(':')[0]!.trim()) : [])))];
  flagged = observations.find((o) => o.flags)!;
  expect(flagged, 'the shipped data has a flagged figure to look at').toBeDefined();
  expect(namePairs.some((p) => p.startsWith('Shanxi ')), 'regions.csv carries the provinces\' pinyin').toBe(true);
}, 60_000);

/** What each case opens: a view, optionally with the source panel of the flagged figure. */
interface Case { name: string; view: View | 'import' | 'about'; state: () => Record<string, string> }
const CASES: Case[] = [
  { name: 'trends', view: 'trends', state: () => ({}) },
  { name: 'compare', view: 'compare', state: () => ({ view: 'compare' }) },
  { name: 'profile', view: 'profile', state: () => ({ view: 'profile', focus: flagged.region_code! }) },
  { name: 'coverage', view: 'coverage', state: () => ({ view: 'coverage' }) },
  { name: 'data', view: 'data', state: () => ({ view: 'data' }) },
  { name: 'data with the source panel of a flagged figure', view: 'data', state: () => ({ view: 'data', indicator: flagged.indicator_id!, obs: flagged.obs_id! }) },
  { name: 'import', view: 'import', state: () => ({ view: 'import' }) },
  { name: 'about', view: 'about', state: () => ({ view: 'about' }) },
];

/**
 * The case's state on the file's warm page (support.ts `warm`: loaded once, then moved by URL as
 * back/forward does; the words shown are the state's, not the load's), settled.
 */
async function openCase(c: Case, lang: Lang): Promise<Page> {
  const page = await files.warm({ ...c.state(), ...(lang === 'en' ? { lang: 'en' } : {}) });
  if (c.view === 'import' || c.view === 'about') {
    await page.getByTestId(`view-${c.view}`).waitFor({ timeout: LOADED });
    await waitForQuiet(page);
  } else {
    const root = await waitForView(page, c.view, { timeout: LOADED, content: true });
    if (await root.locator('[data-testid="chart"] canvas').count()) await waitForChart(root, LOADED);
    else await waitForQuiet(page);
  }
  if (c.state().obs) await page.getByTestId('provenance-quote').first().waitFor({ timeout: LOADED });
  return page;
}

/** Every text node and labelling attribute of the page, with where it is and whether a lang="zh…" element holds it. */
function pageTexts(page: Page) {
  return page.evaluate(() => {
    const out: { where: string; text: string; zh: boolean; inCode: boolean }[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    const isZh = (el: Element | null) => (el?.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (el.closest('script, style') || !(n.textContent ?? '').trim()) continue;
      out.push({ where: describe(el), text: n.textContent!, zh: isZh(el), inCode: el.closest('code') !== null });
    }
    for (const el of document.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]')) {
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = el.getAttribute(attribute);
        // An attribute is read in the element's own language: a lang="zh" element may carry a Chinese label.
        if (value) out.push({ where: `${describe(el)}@${attribute}`, text: value, zh: isZh(el), inCode: false });
      }
    }
    return out;
  });
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+/g;

describe('English pages: Chinese only in quotes and names', SLOW, () => {
  for (const c of CASES) {
    it(`${c.name}`, async () => {
      const page = await openCase(c, 'en');
      await page.screenshot({ path: `${ARTIFACTS}/language-en-${c.name.replace(/\W+/g, '-')}.png`, fullPage: true });
      const offending: string[] = [];
      for (const t of await pageTexts(page)) {
        if (t.zh) continue;
        let rest = t.text;
        for (const pair of namePairs) if (rest.includes(pair)) rest = rest.split(pair).join(' ');
        const left = rest.match(CJK);
        if (left) offending.push(`${t.where}: "${t.text.trim().slice(0, 90)}" (${left.join(' ')})`);
      }
      expect([...new Set(offending)], 'Chinese outside a lang="zh" element or a "pinyin 汉字" place name').toEqual([]);
    });
  }
});

describe('Chinese pages: no raw flag codes or English flag details', SLOW, () => {
  for (const c of CASES) {
    it(`${c.name}`, async () => {
      const page = await openCase(c, 'zh');
      const offending: string[] = [];
      for (const t of await pageTexts(page)) {
        const code = flagCodes.find((f) => t.text.includes(f));
        if (code) offending.push(`${t.where}: flag code ${code} in "${t.text.trim().slice(0, 90)}"`);
        else if (/printed\s+[\d.]+%/.test(t.text)) offending.push(`${t.where}: English flag detail "${t.text.trim().slice(0, 90)}"`);
        else if (!t.inCode && /\b[a-z]+(?:_[a-z]+)+\b/.test(t.text)) offending.push(`${t.where}: identifier in "${t.text.trim().slice(0, 90)}"`);
      }
      expect(offending, 'codes shown to a Chinese reader').toEqual([]);
      if (c.state().obs) {
        // The flag is there, in words: the test would pass vacuously if the panel showed no flag at all.
        expect(await page.locator('[data-testid="provenance"] .badge-flag').allTextContents()).toContain('原文比率与其计数不一致');
      }
    });
  }
});
