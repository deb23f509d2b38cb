import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isWordCompoundFile, sniffFormat } from '../../pipeline/ingest/sniff.ts';

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
    [bytes('hello'), '.ods', 'unsupported file type: .ods (expected .txt, .md, .docx, .pdf, .ofd, .xlsx, .xls, .csv, .html, .doc or .wps)'],
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

  it.each([
    ['<!DOCTYPE html><html><body>一、目标</body></html>', '.txt'],
    ['\ufeff  <!-- saved --> <html lang="zh"><body>一、目标</body></html>', ''],
    ['<?xml version="1.0"?>\n<!doctype HTML>\n<p>一、目标', '.md'],
    ['<meta charset="gbk"><title>方案</title>', '.htm'],
    ['MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b--', '.txt'],
  ])('should read %j named %s as a web page by its bytes', (text, extension) => {
    expect(sniffFormat(bytes(text), extension)).toBe('html');
  });

  it('should read a text that mentions <html> later as text', () => {
    expect(sniffFormat(bytes('说明：网页以 <html> 开头'), '.txt')).toBe('txt');
  });

  it.each([
    ['corpus/doc/nanan-2022.doc', '.doc'],
    ['corpus/doc/nanan-2022.doc', '.docx'],
    ['corpus/doc/nanan-2022.doc', ''],
    ['test/fixtures/doc/kingsoft.wps', '.wps'],
  ])('should read the Word compound file %s named %j as .doc', (path, extension) => {
    expect(sniffFormat(new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url))), extension)).toBe('doc');
  });

  it('should leave an OLE file with a Workbook stream, named .doc, to the spreadsheet reader', () => {
    expect(sniffFormat(new Uint8Array(readFileSync(new URL('../../test/fixtures/doc/workbook.doc', import.meta.url))), '.doc')).toBe('xls');
  });

  it.each([
    ['corpus/doc/haicheng.doc', true],
    ['test/fixtures/doc/kingsoft.wps', true],
    ['test/fixtures/doc/kingsoft-old.wps', false],
    ['test/fixtures/doc/workbook.doc', false],
    ['test/fixtures/doc/truncated.doc', false],
    ['corpus/docx/haicheng.docx', false],
  ])('should tell whether %s is a Word compound file (%s), so a workbook goes to the spreadsheet reader', (path, expected) => {
    expect(isWordCompoundFile(new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url))))).toBe(expected);
  });
});
