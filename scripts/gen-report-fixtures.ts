/**
 * npm run gen:report-fixtures: reports as governments publish them, made from corpus texts
 * (data/reports/) into tests/fixtures/reports-as-published/ (committed; rerun after changing this):
 *   - PDF printed by Chromium (headless, Noto CJK): a running header and a "第 N 页 共 M 页"
 *     footer on every page, and a two-column variant — the traps are pdf.js's radical characters,
 *     the furniture on every page and paragraphs broken across lines and pages;
 *   - DOCX written with `docx`: the title and section heads as headings, a page's metadata block as a table;
 *   - HTML pages in UTF-8 and in GBK (declared by <meta charset="gb2312">) wrapped in site
 *     furniture: navigation, breadcrumbs, a share bar, a footer, scripts and styles.
 * manifest.json lists each file with the report it came from; the test in
 * tests/core/convert/converted-equals-source.test.ts compares their figures with the source's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { chromium } from 'playwright-core';
import { parseReport } from '../src/core/report/parse-report.ts';
import type { Report } from '../src/core/types.ts';

const OUT = 'tests/fixtures/reports-as-published';
const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export interface FixtureEntry { file: string; source: string; format: 'pdf' | 'docx' | 'html'; traps: string[] }

const PLAN: Array<{ source: string; make: 'pdf' | 'pdf-two-column' | 'docx' | 'html-utf8' | 'html-gbk' }> = [
  { source: 'guangling-2024', make: 'pdf' },
  { source: 'jingyan-2023', make: 'pdf' },
  { source: 'lingqiu-2025', make: 'pdf-two-column' },
  { source: 'xiangyin-2023-x030', make: 'pdf-two-column' },
  { source: 'nanzhang-approval-2023', make: 'docx' },
  { source: 'jiyuan-2021', make: 'docx' },
  { source: 'hengdong-2023-x034', make: 'html-utf8' },
  { source: 'tongzhou-2024-x043', make: 'html-utf8' },
  { source: 'ningguo-2021-x056', make: 'html-gbk' },
  { source: 'tongzhou-2023-x041', make: 'html-gbk' },
];

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const lines = (report: Report): string[] => report.body.split('\n').map((l) => l.trim()).filter(Boolean);
const isHeading = (line: string): boolean => /^[一二三四五六七八九十]+、/.test(line) && line.length <= 40;
const titleOf = (report: Report): string => report.meta.title || lines(report)[0]!;

async function printPdf(report: Report, twoColumn: boolean): Promise<Buffer> {
  const paragraphs = lines(report).filter((l) => l !== titleOf(report)).map((l) => (isHeading(l) ? `<h2>${escapeHtml(l)}</h2>` : `<p>${escapeHtml(l)}</p>`)).join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; line-height: 1.6; }
    ${twoColumn ? '.body { column-count: 2; column-gap: 14mm; text-align: justify; }' : ''}
    p { text-indent: 2em; margin: 0 0 0.3em; } h1 { text-align: center; font-size: 18pt; } h2 { font-size: 13pt; margin: 0.6em 0 0.3em; }
  </style></head><body><h1>${escapeHtml(titleOf(report))}</h1><div class="body">${paragraphs}</div></body></html>`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const publisher = escapeHtml(report.meta.publisher || report.meta.region_name);
    return await page.pdf({
      format: 'A4', printBackground: false, displayHeaderFooter: true,
      margin: { top: '22mm', bottom: '22mm', left: '20mm', right: '20mm' },
      headerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">${publisher}文件</div>`,
      footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center;font-family:\'Noto Sans CJK SC\'">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>',
    });
  } finally {
    await browser.close();
  }
}

/** Pipe lines as table rows: `| 索引号: | 0111… | 分类: |` → cells. */
const cellsOf = (line: string): string[] => line.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());

async function writeDocx(report: Report): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [new Paragraph({ text: titleOf(report), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER })];
  let table: string[][] = [];
  const flushTable = () => {
    if (table.length === 0) return;
    const width = Math.max(...table.map((r) => r.length));
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: table.map((cells) => new TableRow({ children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(cells[i] ?? '')] })) })),
    }));
    table = [];
  };
  for (const line of lines(report)) {
    if (line.startsWith('|')) { table.push(cellsOf(line)); continue; }
    flushTable();
    if (line === titleOf(report)) continue;
    children.push(isHeading(line) ? new Paragraph({ text: line, heading: HeadingLevel.HEADING_2 }) : new Paragraph({ children: [new TextRun(line)] }));
  }
  flushTable();
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

function htmlPage(report: Report, charset: string): string {
  const title = escapeHtml(titleOf(report));
  const paragraphs = lines(report).map((l) => `<p style="text-indent:2em">${escapeHtml(l)}</p>`).join('\n');
  return `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<title>${title}_${escapeHtml(report.meta.publisher || report.meta.region_name)}</title>
<style>.nav li{display:inline}</style><script>var _hmt = _hmt || []; document.write("统计代码 2099年 999件");</script>
</head><body>
<div class="header"><div class="top">无障碍 | 长者模式 | 登录</div><h1 class="logo">${escapeHtml(report.meta.region_name)}人民政府门户网站</h1></div>
<div class="nav"><ul><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul></div>
<div class="position">当前位置: 首页 &gt; 政务公开 &gt; 法治政府建设</div>
<div class="article">
  <div class="article-title"><h2>${title}</h2></div>
  <div class="article-info">来源: ${escapeHtml(report.meta.publisher)} 浏览次数: 1234 字号: 大 中 小</div>
  <div id="zoom" class="TRS_Editor">
${paragraphs}
  </div>
  <div class="share">分享到: 微信 微博</div>
</div>
<div class="related">相关链接: 2023年工作报告 2022年工作报告</div>
<div class="footer">主办: ${escapeHtml(report.meta.region_name)}人民政府办公室 网站标识码: 1234567890 ICP备12345678号</div>
<script>console.log("附表 88件");</script>
</body></html>
`;
}

/** GBK encoding without a dependency: the inverse of the platform's GB18030 decoder over the two-byte range. */
function gbkEncoder(): (text: string) => Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const char of text) {
      const code = char.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else {
        const gbk = table.get(char);
        if (gbk === undefined) throw new Error(`"${char}" (U+${code.toString(16)}) has no GBK code`);
        out.push(gbk >> 8, gbk & 0xff);
      }
    }
    return new Uint8Array(out);
  };
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const manifest: FixtureEntry[] = [];
  const toGbk = gbkEncoder();
  for (const { source, make } of PLAN) {
    const report = parseReport(readFileSync(join('data/reports', `${source}.txt`), 'utf8'), source);
    let file: string;
    let traps: string[];
    if (make === 'pdf' || make === 'pdf-two-column') {
      file = `${source}${make === 'pdf' ? '' : '.two-column'}.pdf`;
      writeFileSync(join(OUT, file), await printPdf(report, make !== 'pdf'));
      traps = ['running header', 'page-number footer', 'lines broken across pages', 'radical characters', ...(make === 'pdf' ? [] : ['two columns'])];
    } else if (make === 'docx') {
      file = `${source}.docx`;
      writeFileSync(join(OUT, file), await writeDocx(report));
      traps = ['headings', ...(report.body.includes('\n|') ? ['table'] : [])];
    } else {
      const gbk = make === 'html-gbk';
      file = `${source}.${gbk ? 'gbk' : 'utf8'}.html`;
      writeFileSync(join(OUT, file), gbk ? toGbk(htmlPage(report, 'gb2312')) : htmlPage(report, 'utf-8'));
      traps = [gbk ? 'GBK declared as gb2312' : 'UTF-8', 'navigation', 'breadcrumbs', 'footer', 'scripts', 'styles'];
    }
    manifest.push({ file, source, format: make.startsWith('pdf') ? 'pdf' : make === 'docx' ? 'docx' : 'html', traps });
    console.log(`${file} (${traps.join(', ')})`);
  }
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

await main();
