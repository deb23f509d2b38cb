import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';

const corpus = (name: string) => readFileSync(new URL(`../../corpus/${name}`, import.meta.url));

describe('extractMetadata', () => {
  it.each([
    ['nanan-2022.txt', { docNumber: '南政办〔2022〕45号', issuer: '南安市人民政府办公室', date: '2022-08-19', region: '南安市' }],
    ['jiaoling-2022.txt', { docNumber: '蕉府办〔2022〕1号', issuer: '蕉岭县人民政府办公室', date: '2022-02-18', region: '蕉岭县' }],
    ['nanchuan-2021.txt', { docNumber: '南川府办〔2021〕51号', issuer: '重庆市南川区人民政府办公室', date: '2021-11-05', region: '南川区' }],
    ['qinxian-2021.txt', { docNumber: '沁政办函〔2021〕22号', issuer: '沁县人民政府办公室', date: '2021-11-28', region: '沁县' }],
  ])('should read the number, issuer, date and region of %s', async (name, expected) => {
    const { metadata } = await ingest(corpus(name), '.txt');
    expect(metadata).toMatchObject(expected);
    expect(metadata.title).toMatch(/义务教育优质均衡发展.*(方案|规划)(?:（\d{4}年修订）)?$/);
  });

  it('should not take a cited document number for the plan’s own', async () => {
    const { metadata } = await ingest(corpus('haicheng.txt'), '.txt');
    expect(metadata.docNumber).toBeNull();
    expect(metadata.title).toBe('海城市推进义务教育优质均衡发展实施方案');
    expect(metadata.region).toBe('海城市');
  });
});

describe('dates written in Chinese numerals', () => {
  it.each([
    ['二〇二三年五月十日', '2023-05-10'],
    ['二○一九年十二月三十一日', '2019-12-31'],
  ])('should read %s as %s', async (date, iso) => {
    const text = `某县人民政府办公室\n关于印发某县推进义务教育优质均衡发展实施方案的通知\n某政办〔2023〕5号\n${date}\n`;
    const { metadata } = await ingest(new TextEncoder().encode(text), '.txt');
    expect(metadata.date).toBe(iso);
  });
});
