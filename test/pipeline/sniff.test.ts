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
    [bytes('hello'), '.xlsx', 'unsupported file type: .xlsx (expected .txt, .md, .docx or .pdf)'],
  ])('should refuse %s named %s with a reason', (data, extension, reason) => {
    expect(() => sniffFormat(data, extension)).toThrow(reason);
  });

  it('should read text extensions as text', () => {
    expect(sniffFormat(bytes('一、目标'), '.txt')).toBe('txt');
    expect(sniffFormat(bytes('# 目标'), '.md')).toBe('md');
  });
});
