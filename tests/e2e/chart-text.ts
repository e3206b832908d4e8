/**
 * The text an ECharts chart has drawn, read from the live instance (EChart.tsx keeps it on its box as
 * `atlasChart`): each label's box in page pixels, so a test can prove that no label runs over another
 * at a given width and language. Labels ECharts hid itself (`hideOverlap`) are not drawn and not listed.
 */
import type { Locator } from 'playwright-core';

export interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every label drawn in one chart (a label with several lines or rich parts is one box), in page
 * pixels. `chart` is the chart's box (`[role="img"]` inside a view's `data-testid="chart"`) or holds it.
 */
export async function chartTextBoxes(chart: Locator): Promise<TextBox[]> {
  return chart.evaluate((element) => {
    type Rect = { x: number; y: number; width: number; height: number; clone(): Rect; applyTransform(m: number[]): void };
    type Drawn = { type: string; parent?: object; invisible?: boolean; transform?: number[]; style: { text?: string; opacity?: number }; getBoundingRect(): Rect };
    type Box = HTMLElement & { atlasChart?: { getZr(): { storage: { getDisplayList(update: boolean): Drawn[] } } } };
    const box = (element.matches('[role="img"]') ? element : element.querySelector('[role="img"]')) as Box | null;
    const instance = box?.atlasChart;
    if (!box || !instance) throw new Error('chartTextBoxes: the chart box carries no ECharts instance (EChart.tsx sets atlasChart)');
    const origin = box.getBoundingClientRect();
    const labels = new Map<object, { text: string; left: number; top: number; right: number; bottom: number }>();
    for (const el of instance.getZr().storage.getDisplayList(true)) {
      // A label's text is drawn as tspans whose parent is the label (zrender's ZRText).
      if (el.type !== 'tspan' || el.invisible || el.style.opacity === 0 || !el.style.text) continue;
      const rect = el.getBoundingRect().clone();
      if (el.transform) rect.applyTransform(el.transform);
      if (rect.width <= 0 || rect.height <= 0) continue;
      const key = el.parent ?? el;
      const seen = labels.get(key);
      const left = origin.left + rect.x;
      const top = origin.top + rect.y;
      if (seen) {
        seen.text += el.style.text;
        seen.left = Math.min(seen.left, left);
        seen.top = Math.min(seen.top, top);
        seen.right = Math.max(seen.right, left + rect.width);
        seen.bottom = Math.max(seen.bottom, top + rect.height);
      } else labels.set(key, { text: el.style.text, left, top, right: left + rect.width, bottom: top + rect.height });
    }
    return [...labels.values()];
  });
}

/** Pairs of labels whose boxes overlap by more than `tolerance` px both ways ("a" × "b"). */
export function overlappingLabels(boxes: readonly TextBox[], tolerance = 1): string[] {
  const pairs: string[] = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
    const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (across > tolerance && down > tolerance) pairs.push(`"${a.text}" × "${b.text}"`);
  }));
  return pairs;
}

/** Labels that stick out of the chart's box (cut off at the edge of the canvas). */
export async function labelsOutside(chart: Locator, boxes: readonly TextBox[], tolerance = 1): Promise<string[]> {
  const frame = await chart.evaluate((e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }; });
  return boxes.filter((b) => b.left < frame.left - tolerance || b.right > frame.right + tolerance || b.top < frame.top - tolerance || b.bottom > frame.bottom + tolerance)
    .map((b) => `"${b.text}"`);
}

/**
 * Checks every ECharts chart inside `root`: for each, the labels that overlap and those cut off at its
 * edge, one line per problem naming the chart ("compare chart 1: …"). Empty when every label is clear.
 */
export async function labelProblems(root: Locator, name: string): Promise<{ problems: string[]; charts: number; labels: number }> {
  const boxes = root.locator('[role="img"]');
  const problems: string[] = [];
  let charts = 0;
  let labels = 0;
  for (let i = 0; i < await boxes.count(); i += 1) {
    const box = boxes.nth(i);
    if (!await box.evaluate((e) => 'atlasChart' in e) || !await box.isVisible()) continue;
    charts += 1;
    const text = await chartTextBoxes(box);
    labels += text.length;
    for (const pair of overlappingLabels(text)) problems.push(`${name} chart ${i + 1}: overlap ${pair}`);
    for (const cut of await labelsOutside(box, text)) problems.push(`${name} chart ${i + 1}: cut off ${cut}`);
  }
  return { problems, charts, labels };
}

/**
 * Lines of HTML text inside `root` that overlap another text's line (both boxes at least 2 px deep
 * into each other), e.g. a table header running into the next, a legend entry over another. Text
 * hidden from view (display: none, visibility: hidden, clipped to a pixel) is skipped.
 */
export async function overlappingText(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const lines: { node: number; text: string; r: { left: number; top: number; right: number; bottom: number } }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let index = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('option, script, style, [aria-hidden="true"]')) continue;
      // Not rendered (a closed <details>, display: none, visibility: hidden, opacity 0).
      if (!parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      // What a scrolling or clipping ancestor hides is not seen: only the visible part of a line counts.
      let clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
      for (let up: Element | null = parent; up; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = up.getBoundingClientRect();
        clip = { left: Math.max(clip.left, box.left), top: Math.max(clip.top, box.top), right: Math.min(clip.right, box.right), bottom: Math.min(clip.bottom, box.bottom) };
      }
      const range = document.createRange();
      range.selectNodeContents(node);
      index += 1;
      for (const line of range.getClientRects()) {
        const r = { left: Math.max(line.left, clip.left), top: Math.max(line.top, clip.top), right: Math.min(line.right, clip.right), bottom: Math.min(line.bottom, clip.bottom) };
        if (r.right - r.left > 2 && r.bottom - r.top > 2) lines.push({ node: index, text: text.slice(0, 40), r });
      }
    }
    const found: string[] = [];
    for (let i = 0; i < lines.length; i += 1) {
      for (let j = i + 1; j < lines.length; j += 1) {
        const a = lines[i]!;
        const b = lines[j]!;
        if (a.node === b.node) continue;
        const across = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const down = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (across > 2 && down > 2) found.push(`"${a.text}" × "${b.text}"`);
      }
    }
    return found;
  });
}

/** The option a chart was last drawn with, as ECharts holds it (`getOption()`), read from its box. */
export async function chartOption<T = Record<string, unknown>>(box: Locator): Promise<T> {
  return box.evaluate((element) => {
    const target = (element.matches('[role="img"]') ? element : element.querySelector('[role="img"]')) as (HTMLElement & { atlasChart?: { getOption(): unknown } }) | null;
    if (!target?.atlasChart) throw new Error('chartOption: the chart box carries no ECharts instance (EChart.tsx sets atlasChart)');
    // Functions (formatters) do not cross into the test: keep the data only.
    return JSON.parse(JSON.stringify(target.atlasChart.getOption())) as T;
  });
}

/**
 * Waits until every ECharts chart inside `root` has finished drawing, by the chart's own `finished`
 * event (rendered, its animation over, no update, action or progressive step pending), instead of
 * sleeping for the animation's length: on a loaded machine a fixed sleep is either too short or
 * wasted. A repaint is asked for after listening, so a chart that finished before the call says so at
 * its next frame. Returns how many charts were waited for (0: none carries an instance). Fails naming
 * the charts still drawing after `timeout`.
 */
export async function chartsFinished(root: Locator, timeout = 30_000): Promise<number> {
  const { charts, unfinished } = await root.evaluate((element, timeout) => {
    type Instance = { isDisposed(): boolean; on(event: string, handler: () => void): void; off(event: string, handler: () => void): void; getZr(): { refresh(): void } };
    const boxes = [...element.querySelectorAll<HTMLElement & { atlasChart?: Instance }>('[role="img"]')]
      .filter((box) => box.atlasChart && !box.atlasChart.isDisposed());
    if (element.matches('[role="img"]') && (element as HTMLElement & { atlasChart?: Instance }).atlasChart) boxes.unshift(element as HTMLElement & { atlasChart?: Instance });
    return Promise.all(boxes.map((box, i) => new Promise<string | null>((resolve) => {
      const instance = box.atlasChart!;
      const done = () => { clearTimeout(timer); instance.off('finished', done); resolve(null); };
      const timer = setTimeout(() => { instance.off('finished', done); resolve(`chart ${i + 1} (${box.getAttribute('aria-label') ?? 'unlabelled'})`); }, timeout);
      instance.on('finished', done);
      instance.getZr().refresh();
    }))).then((results) => ({ charts: boxes.length, unfinished: results.filter((r): r is string => r !== null) }));
  }, timeout);
  if (unfinished.length) throw new Error(`ECharts did not report 'finished' within ${timeout} ms for ${unfinished.join(', ')}`);
  return charts;
}
