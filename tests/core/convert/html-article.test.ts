import { describe, expect, it } from 'vitest';
import { htmlArticle } from '../../../src/core/convert/html-article.ts';
import { decodeHtml, declaredCharset } from '../../../src/core/convert/html-charset.ts';
import { ConversionError } from '../../../src/core/convert/conversion-error.ts';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>某县2024年法治政府建设年度报告_某县人民政府</title>
<style>p { color: red }</style><script>document.write("脚本里的 999件")</script></head><body>
<div class="top-nav"><a>首页</a><a>政务公开</a></div>
<nav>导航 2023年 88件</nav>
<div class="breadcrumb">当前位置: 首页 &gt; 政务公开</div>
<h1>某县2024年法治政府建设年度报告</h1>
<div class="main-content"><div id="zoom">
<p>${'\u3000\u3000'}2024年,某县办理行政复议案件35件,
办结30件。</p><p>人民调解组织共调解矛盾纠纷1200件。</p>
<table><tr><th>项目</th><th>数量(件)</th></tr><tr><td>行政复议</td><td>35</td></tr></table>
</div></div>
<div class="share">分享到 微信</div>
<div id="footer">主办单位 某县人民政府 备案号 12345号</div>
<script>var x = "页尾脚本 77件";</script></body></html>`;

describe('a saved web page → its article', () => {
  const { lines, pageTitle } = htmlArticle(PAGE);

  it('keeps the heading, the paragraphs (source line wraps joined) and table rows', () => {
    expect(lines).toEqual([
      '某县2024年法治政府建设年度报告',
      '2024年,某县办理行政复议案件35件, 办结30件。',
      '人民调解组织共调解矛盾纠纷1200件。',
      '| 项目 | 数量(件) |',
      '| 行政复议 | 35 |',
    ]);
    expect(pageTitle).toBe('某县2024年法治政府建设年度报告_某县人民政府');
  });

  it('drops navigation, breadcrumbs, share bars, footers, scripts and styles', () => {
    const text = lines.join('\n');
    for (const furniture of ['首页', '导航', '当前位置', '分享到', '主办单位', '999件', '77件', 'color']) expect(text).not.toContain(furniture);
  });

  it('finds the article by where the Chinese paragraphs are when the page uses no known container', () => {
    const page = `<html><body><div class="menu">首页 新闻 政务</div><div class="x1"><div class="x2">
      <p>第一段文字说明法治政府建设取得的成效共计二十个字以上。</p><p>第二段文字说明行政复议案件办理情况共计二十个字以上。</p></div></div>
      <div class="x3"><p>版权所有 某县人民政府</p></div></body></html>`;
    expect(htmlArticle(page).lines).toEqual(['第一段文字说明法治政府建设取得的成效共计二十个字以上。', '第二段文字说明行政复议案件办理情况共计二十个字以上。']);
  });
});

describe('the page charset', () => {
  const gbk = (text: string) => {
    // 中 = D6D0, 文 = CEC4 in GBK; enough to tell the decoders apart.
    const map: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4] };
    return new Uint8Array(Array.from(text).flatMap((c) => map[c] ?? [c.charCodeAt(0)]));
  };

  it('honours <meta http-equiv> gb2312 (read as GB18030)', () => {
    const bytes = gbk('<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>中文</p>');
    expect(declaredCharset(bytes)).toBe('gb18030');
    expect(decodeHtml(bytes).html).toContain('<p>中文</p>');
    expect(decodeHtml(bytes).encoding).toBe('GB18030');
  });

  it('reads an undeclared GBK page as GB18030 and an undeclared UTF-8 page as UTF-8', () => {
    expect(decodeHtml(gbk('<p>中文</p>')).html).toBe('<p>中文</p>');
    expect(decodeHtml(new TextEncoder().encode('<p>中文</p>')).encoding).toBe('UTF-8');
  });

  it('names the declared charset when the bytes are not valid in it', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><p>'), 0xd6, 0xd0, 0xce, 0xc4]);
    expect(() => decodeHtml(bytes)).toThrow(ConversionError);
    expect(() => decodeHtml(bytes)).toThrow(/not valid UTF-8/);
  });
});
