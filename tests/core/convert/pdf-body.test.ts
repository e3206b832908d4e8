import { describe, expect, it } from 'vitest';
import { pageOfOffset, pdfBody } from '../../../src/core/convert/pdf-body.ts';
import { findGutter, type PdfPage, type PdfTextItem } from '../../../src/core/convert/pdf-lines.ts';

const SIZE = 12;
/** One item per line, 12 pt characters, lines 18 pt apart from the top of an A4 page. */
function page(lines: Array<string | [string, number]>, options: { header?: string; footer?: string } = {}): PdfPage {
  const items: PdfTextItem[] = [];
  if (options.header) items.push({ str: options.header, x: 250, y: 800, width: options.header.length * 9, height: 9 });
  lines.forEach((line, i) => {
    const [str, x] = typeof line === 'string' ? [line, 60] : line;
    items.push({ str, x, y: 760 - i * 18, width: str.length * SIZE, height: SIZE });
  });
  if (options.footer) items.push({ str: options.footer, x: 270, y: 40, width: options.footer.length * 9, height: 9 });
  return { width: 595, height: 842, items };
}

const FULL = 'x'.repeat(0); // lines below are 40 characters: the column's full width
const full = (text: string) => text.padEnd(40, '续').slice(0, 40) + FULL;

describe('PDF lines → body', () => {
  it('joins a paragraph broken across lines and pages and drops the running header and page numbers', () => {
    const first = full('全年办理行政复议案件');
    const pages = [
      page(['一、主要成效', first, '35件,办结30件。'], { header: '某县人民政府文件', footer: '第 1 页 共 2 页' }),
      page([full('人民调解组织共调解矛盾纠纷'), '1200件。'], { header: '某县人民政府文件', footer: '第 2 页 共 2 页' }),
    ];
    const { body, pageStarts } = pdfBody(pages);
    expect(body).toBe(`一、主要成效\n${first}35件,办结30件。\n${full('人民调解组织共调解矛盾纠纷')}1200件。\n`);
    expect(body).not.toContain('某县人民政府文件');
    expect(body).not.toContain('第 1 页');
    expect(pageStarts).toEqual([0, body.indexOf('人民调解')]);
    expect(pageOfOffset(pageStarts, body.indexOf('1200'))).toBe(2);
    expect(pageOfOffset(pageStarts, body.indexOf('35件'))).toBe(1);
  });

  it('joins across a page break when the sentence goes on', () => {
    const pages = [page([full('受理行政复议案件')], { footer: '- 1 -' }), page(['42件。'], { footer: '- 2 -' })];
    const { body, pageStarts } = pdfBody(pages);
    expect(body).toBe(`${full('受理行政复议案件')}42件。\n`);
    expect(pageStarts[1]).toBe(body.indexOf('42件'));
  });

  it('keeps a line that recurs only once (text, not furniture)', () => {
    const pages = [page(['开头', full('甲')]), page(['开头2', full('乙')]), page(['其他', full('丙')])];
    expect(pdfBody(pages).body).toContain('开头\n');
  });

  it('reads a two-column page column by column', () => {
    const left = Array.from({ length: 8 }, (_, i) => [`左栏第${i + 1}行文字内容。`, 60] as [string, number]);
    const right = Array.from({ length: 8 }, (_, i) => [`右栏第${i + 1}行文字内容。`, 320] as [string, number]);
    const items: PdfTextItem[] = [];
    for (let i = 0; i < 8; i += 1) {
      items.push({ str: left[i]![0], x: 60, y: 700 - i * 18, width: 200, height: SIZE });
      items.push({ str: right[i]![0], x: 320, y: 700 - i * 18, width: 200, height: SIZE });
    }
    items.push({ str: '标题跨两栏的年度报告', x: 150, y: 760, width: 300, height: 18 });
    const twoColumns: PdfPage = { width: 595, height: 842, items };
    expect(findGutter(twoColumns)).not.toBeNull();
    const body = pdfBody([twoColumns]).body;
    expect(body.indexOf('标题跨两栏')).toBe(0);
    expect(body.indexOf('左栏第8行')).toBeLessThan(body.indexOf('右栏第1行'));
    expect(body).not.toContain('左栏第1行文字内容。右栏');
  });

  it('finds no gutter on a single-column page', () => {
    expect(findGutter(page(Array.from({ length: 12 }, (_, i) => full(`第${i}行`))))).toBeNull();
  });
});
