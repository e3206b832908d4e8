import { describe, expect, it } from 'vitest';
import { detectFileKind, MAX_UNZIPPED_BYTES } from '../../../src/core/convert/file-kind.ts';
import { readZipDirectory } from '../../../src/core/convert/zip-directory.ts';
import { buildZip } from './zip-builder.ts';

const ascii = (text: string) => new TextEncoder().encode(text);
/** An OLE compound file header followed by a directory naming the given streams (UTF-16LE), as Word and WPS write them. */
const ole = (...streams: string[]) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0),
  ...streams.flatMap((s) => Array.from(s, (c) => [c.charCodeAt(0), 0]).flat())]);

describe('what a dropped file is', () => {
  it.each([
    ['report.pdf', ascii('%PDF-1.7\n…'), 'pdf'],
    ['no-extension', ascii('%PDF-1.4'), 'pdf'],
    ['page.htm', ascii('<!DOCTYPE html><html>'), 'html'],
    ['saved.doc', ascii('<html><body><p>网页另存为 doc</p></body></html>'), 'html'],
    ['report.txt', ascii('2024年法治政府建设年度报告'), 'txt'],
    ['report.docx', buildZip([{ name: '[Content_Types].xml' }, { name: 'word/document.xml' }]), 'docx'],
  ])('%s is read as %s', (name, bytes, kind) => {
    const detected = detectFileKind(bytes, name);
    expect(detected.kind).toBe(kind);
    // A DOCX carries its entries as read, for the conversion's size count: exactly the package's names.
    if (detected.kind === 'docx') expect(detected.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    else expect(detected).toEqual({ kind });
  });

  it.each([
    ['old.doc', ole('WordDocument'), { code: 'legacy-format', format: 'DOC' }],
    ['wps.wps', ole('WordDocument'), { code: 'legacy-format', format: 'WPS' }],
    ['locked.docx', ole('EncryptionInfo', 'EncryptedPackage'), { code: 'encrypted', format: 'DOCX' }],
    ['e-invoice.ofd', buildZip([{ name: 'OFD.xml' }, { name: 'Doc_0/Document.xml' }]), { code: 'legacy-format', format: 'OFD' }],
    ['sheet.xlsx', buildZip([{ name: 'xl/workbook.xml' }]), { code: 'legacy-format', format: 'XLSX' }],
    ['truncated.docx', buildZip([{ name: 'word/document.xml' }]).slice(0, 60), { code: 'broken', format: 'DOCX', damage: 'truncated', detail: 'no ZIP central directory: the file is truncated' }],
    ['fake.pdf', ascii('not a pdf at all'), { code: 'broken', format: 'PDF', damage: 'no-header', detail: 'no "%PDF" header' }],
    ['scan.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), { code: 'not-a-report', kind: 'PNG' }],
    ['empty.txt', new Uint8Array(), { code: 'empty' }],
  ])('%s is refused with a reason', (name, bytes, problem) => {
    expect(detectFileKind(bytes, name)).toEqual({ kind: 'refused', problem });
  });

  it('refuses a DOCX whose entries declare more than the unpacking limit (a zip bomb) before anything is inflated', () => {
    const bomb = buildZip([{ name: 'word/document.xml', data: ascii('<w/>'), declaredBytes: 0xfffffff0 }, { name: 'word/other.xml', declaredBytes: 0xfffffff0 }]);
    expect(readZipDirectory(bomb)!.map((e) => e.uncompressedBytes)).toEqual([0xfffffff0, 0xfffffff0]);
    expect(detectFileKind(bomb, 'bomb.docx')).toEqual({ kind: 'refused', problem: { code: 'zip-bomb', declaredBytes: 2 * 0xfffffff0, limit: MAX_UNZIPPED_BYTES } });
  });

  it('refuses an encrypted ZIP entry', () => {
    expect(detectFileKind(buildZip([{ name: 'word/document.xml', encrypted: true }]), 'x.docx')).toEqual({ kind: 'refused', problem: { code: 'encrypted', format: 'DOCX' } });
  });
});
