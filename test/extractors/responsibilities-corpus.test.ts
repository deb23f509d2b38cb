import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { isGenericGroup } from '../../extractors/department-catalogue.ts';
import type { Responsibility } from '../../model/plan.ts';

async function read(name: string): Promise<Responsibility[]> {
  const doc = await ingest(readFileSync(new URL(`../../corpus/${name}`, import.meta.url)), '.txt');
  return extractResponsibilities(doc.blocks, doc.metadata);
}

const names = (r: Responsibility | undefined) => r?.departments.map((d) => d.name);

describe('responsibilities of the corpus plans (txt)', async () => {
  const [nanan, nanchuan, jiaoling, haicheng, qinxian] = await Promise.all(
    ['nanan-2022.txt', 'nanchuan-2021.txt', 'jiaoling-2022.txt', 'haicheng.txt', 'qinxian-2021.txt'].map(read),
  );

  it('should tie 南安 measure 6 to the five units of its 责任单位 line, 市 carried over', () => {
    const r = nanan.find((x) => x.task === '6．强化信息化建设和应用');
    expect(names(r)).toEqual(['市教育局', '市财政局', '市工信局', '市数字办', '市教师进修学校']);
    expect(r?.quote).toBe('责任单位：市教育局、财政局、工信局、数字办、教师进修学校');
  });

  it('should read each department of 南安 四（二） as its own sentence responsibility, without 其他各部门', () => {
    const clause = nanan.filter((x) => x.line === 136).map((x) => names(x)!.join('、'));
    expect(clause).toEqual(['市教育局', '市发改局', '市财政局', '市人社局、市教育局', '市委编办', '市公安局', '市自然资源局', '市住建局', '市政府教育督导室']);
  });

  it('should read 南川 table row 10 with its indicator and its 责任部门 cell', () => {
    const r = nanchuan.find((x) => x.quote.startsWith('10.县级教育行政部门'));
    expect(r?.indicator).toBe('G10');
    expect(names(r)).toEqual(['区教委', '区委编办', '区人力社保局']);
  });

  it('should give 南川 row 2, whose 责任部门 cell is merged with row 1, the departments of row 1', () => {
    const r = nanchuan.find((x) => x.indicator === 'R2');
    expect(names(r)).toEqual(['区教委', '区人力社保局']);
  });

  it('should read the 南川 duty paragraph of 区公安局 as its own, not 区教委 whom it assists', () => {
    const r = nanchuan.find((x) => x.quote.startsWith('区公安局：'));
    expect(names(r)).toEqual(['区公安局']);
  });

  it('should read 蕉岭 三（一） as 县教育局 leading nineteen units', () => {
    const r = jiaoling.find((x) => x.departments[0]?.name === '县教育局' && x.departments[0]?.role === 'lead');
    expect(r?.departments).toHaveLength(20);
    expect(r?.departments.slice(1).every((d) => d.role === 'support')).toBe(true);
    expect(names(r)).toContain('团县委');
  });

  it('should read 海城 责任清单 row G6 as 财政局 alone', () => {
    expect(names(haicheng.find((x) => x.indicator === 'G6'))).toEqual(['财政局']);
  });

  it('should find the one responsibility of 沁县, 县级教育行政部门 in a list of standards', () => {
    expect(qinxian.map((x) => names(x))).toEqual([['县级教育行政部门']]);
  });

  it('should name no generic group anywhere', () => {
    for (const r of [...nanan, ...nanchuan, ...jiaoling, ...haicheng, ...qinxian]) {
      for (const d of r.departments) expect(isGenericGroup(d.name)).toBe(false);
    }
  });
});
