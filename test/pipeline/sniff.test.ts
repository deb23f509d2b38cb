import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../pipeline/ingest/sniff.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffFormat', () => {
  it('should trust the magic bytes over the extension', () => {
    expect(sniffFormat(bytes('%PDF-1.7\n…'), '.docx')).toBe('pdf');
    expect(sniffFormat(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]), '.pdf')).toBe('docx');
  });

  it.each([
    [new Uint8Array(0), '.txt', 'empty file'],
    [bytes('hello'), '.pdf', 'not a PDF: the file has no %PDF header'],
    [bytes('hello'), '.docx', 'not a .docx: not a zip archive'],
    [bytes('hello'), '.xlsx', 'not an .xlsx: not a zip archive with xl/workbook.xml'],
    [bytes('hello'), '.xls', 'not an .xls: no OLE compound file with a Workbook stream'],
    [bytes('hello'), '.ods', 'unsupported file type: .ods (expected .txt, .md, .docx, .pdf, .xlsx, .xls or .csv)'],
  ])('should refuse %s named %s with a reason', (data, extension, reason) => {
    expect(() => sniffFormat(data, extension)).toThrow(reason);
  });

  it('should know a spreadsheet by its bytes: a zip listing xl/workbook.xml, whatever its name; .csv by name', async () => {
    const { readFileSync } = await import('node:fs');
    const xlsx = new Uint8Array(readFileSync(new URL('../fixtures/schools/county.xlsx', import.meta.url)));
    const xls = new Uint8Array(readFileSync(new URL('../fixtures/schools/county.xls', import.meta.url)));
    expect(sniffFormat(xlsx, '.docx')).toBe('xlsx');
    expect(sniffFormat(xls, '')).toBe('xls');
    expect(sniffFormat(bytes('学校,学生数'), '.csv')).toBe('csv');
    expect(sniffFormat(new Uint8Array(readFileSync(new URL('../../corpus/docx/nanan-2022.docx', import.meta.url))), '.xlsx')).toBe('docx');
  });

  it('should read text extensions as text', () => {
    expect(sniffFormat(bytes('一、目标'), '.txt')).toBe('txt');
    expect(sniffFormat(bytes('# 目标'), '.md')).toBe('md');
  });
});
