/**
 * Citing a report: the GB/T 7714-2015 entry for an online document, the host a copy sits on, and
 * plain words for what is missing. Pure; the words come from the caller (Chinese or English UI).
 *
 * GB/T 7714 for an electronic resource: 主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * Nothing is guessed: a missing publisher, title, date or address is said as missing.
 */

/** The front matter a citation needs (a ReportSource or a source panel's row has these). */
export interface CitableReport {
  title: string;
  publisher: string;
  url: string;
  published: string;
  region_name: string;
  year: number | null;
}

export interface CitationWords {
  /** Stands for the publisher when the text names none: "[发布机关未注明]". */
  noPublisher: string;
  /** Stands for the title when the text prints none, e.g. "[灵丘县2025年报告,标题未注明]". */
  noTitle: (region: string, year: number | null) => string;
  /** Stands for the address when none was recorded: "网址未记录". */
  noUrl: string;
  /** After the address of a copy on a site that is not the government's own: "转载:m.example.com". */
  copyOn: (host: string) => string;
}

/**
 * The host of an http(s) address, lowercased; null when the address is missing or not http(s).
 * Read from the authority by hand (src/core has no DOM or Node URL): after any user@, before :port.
 */
export function hostOf(url: string): string | null {
  const authority = /^https?:\/\/([^/?#\s]+)/i.exec(url.trim())?.[1];
  if (!authority) return null;
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '').replace(/\.$/, '').toLowerCase();
  return /^[a-z0-9.-]+$/.test(host) && host.includes('.') ? host : null;
}

/**
 * Whether the address is on a government site (a *.gov.cn host, as every Chinese government body's
 * own site is). A report anywhere else is a copy: a re-post on a portal or a news site.
 */
export function isGovernmentHost(host: string): boolean {
  return host === 'gov.cn' || host.endsWith('.gov.cn');
}

/** The host to name as "转载:…" when the address is not the government's own site; null otherwise. */
export function copyHost(url: string): string | null {
  const host = hostOf(url);
  return host !== null && !isGovernmentHost(host) ? host : null;
}

/** The date of today as GB/T 7714 prints it (YYYY-MM-DD). */
export function citedOn(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * 发布机关. 标题[EB/OL]. (发布日期)[引用日期]. URL.
 * Without a publication date the parenthesis is left out (the standard's form for an undated page);
 * a copy's address is followed by the host named as a copy.
 */
export function gbt7714(report: CitableReport, accessed: string, words: CitationWords): string {
  const publisher = report.publisher.trim() || words.noPublisher;
  const title = report.title.trim() || words.noTitle(report.region_name, report.year);
  const dates = `${report.published ? `(${report.published})` : ''}[${accessed}]`;
  const url = report.url.trim();
  const host = copyHost(url);
  const where = url ? `${url}${host ? ` (${words.copyOn(host)})` : ''}` : words.noUrl;
  return `${publisher}. ${title}[EB/OL]. ${dates}. ${where}.`;
}
