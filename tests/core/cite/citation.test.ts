import { describe, expect, it } from 'vitest';
import { copyHost, gbt7714, hostOf, type CitationWords } from '../../../src/core/cite/citation.ts';

const WORDS: CitationWords = {
  noPublisher: '[发布机关未注明]',
  noTitle: (region, year) => `[${region}${year ?? ''}年报告,标题未注明]`,
  noUrl: '网址未记录',
  copyOn: (host) => `转载:${host}`,
};

const LINGQIU = {
  title: '灵丘县2025年法治政府建设年度报告', publisher: '灵丘县人民政府',
  url: 'https://dt.gov.cn/dtszf/fzzfxqvgmv/202602/c0def497f0a84bd58ea6e932fe232e51.shtml', published: '2026-02-10',
  region_name: '灵丘县', year: 2025,
};

describe('gbt7714', () => {
  it('cites a government report in the GB/T 7714 form for an online document', () => {
    expect(gbt7714(LINGQIU, '2026-12-05', WORDS)).toBe(
      '灵丘县人民政府. 灵丘县2025年法治政府建设年度报告[EB/OL]. (2026-02-10)[2026-12-05]. https://dt.gov.cn/dtszf/fzzfxqvgmv/202602/c0def497f0a84bd58ea6e932fe232e51.shtml.');
  });

  it('says plainly what is missing and names a copy by its host', () => {
    const copy = { title: '', publisher: '', url: 'http://m.003gm.com/html/2513/x.html', published: '', region_name: '盘锦市', year: 2023 };
    expect(gbt7714(copy, '2026-12-05', WORDS)).toBe(
      '[发布机关未注明]. [盘锦市2023年报告,标题未注明][EB/OL]. [2026-12-05]. http://m.003gm.com/html/2513/x.html (转载:m.003gm.com).');
    expect(gbt7714({ ...LINGQIU, url: '' }, '2026-12-05', WORDS)).toMatch(/\[2026-12-05\]\. 网址未记录\.$/);
  });
});

describe('copyHost', () => {
  it('is null for a *.gov.cn site and names any other host', () => {
    expect(copyHost('https://www.tangshan.gov.cn/a.html')).toBeNull();
    expect(copyHost('http://www.rzhme.com/zwgk/x.htm')).toBe('www.rzhme.com');
    expect(copyHost('')).toBeNull();
    expect(hostOf('javascript:alert(1)')).toBeNull();
    expect(hostOf('https://user@WWW.Example.gov.cn:8080/x')).toBe('www.example.gov.cn');
  });

  it('does not take a look-alike host for a government one', () => {
    expect(copyHost('http://gov.cn.example.com/x')).toBe('gov.cn.example.com');
    expect(copyHost('http://examplegov.cn/x')).toBe('examplegov.cn');
  });
});
