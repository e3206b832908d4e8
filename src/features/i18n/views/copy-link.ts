/** The shell header's copy-link button's words (entry chunk; the other export words load with the export code: views/export.ts). */
const zh = {
  exportCopyLink: '复制链接',
  exportCopyLinkTitle: '复制本页链接:打开它会看到同一视图、指标、地区与语言',
  exportCopied: '已复制',
  exportCopyManual: '无法直接复制,请按 Ctrl+C(⌘C)复制下面的链接',
  exportLinkLabel: '本页链接',
};

const en: typeof zh = {
  exportCopyLink: 'Copy link',
  exportCopyLinkTitle: 'Copy the link to this page: it opens the same view, indicator, places and language',
  exportCopied: 'Copied',
  exportCopyManual: 'Could not copy directly; press Ctrl+C (⌘C) to copy the link below',
  exportLinkLabel: 'Link to this page',
};

export const COPY_LINK_MESSAGES = { zh, en };
