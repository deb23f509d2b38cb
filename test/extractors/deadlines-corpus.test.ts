import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { extractDeadlines } from '../../extractors/deadlines.ts';

async function deadlinesOf(name: string) {
  const doc = await ingest(readFileSync(new URL(`../../corpus/${name}`, import.meta.url)), '.txt');
  const found = extractDeadlines(doc.blocks, doc.metadata);
  return { found, pairs: new Set(found.map((d) => `${d.start ?? ''}..${d.end ?? ''}`)) };
}

describe('extractDeadlines on the corpus', () => {
  it('should read every stage of the 工作步骤 with its sub-steps and the open 巩固阶段', async () => {
    const { found, pairs } = await deadlinesOf('nanchuan-2021.txt');
    for (const p of ['2021-07..2021-12', '2022-01..2026-08', '2026-09..2027-12', '2026-09..2026-12', '2027-01..2027-06', '..2027-07', '2027-08..2027-12', '2027..', '..2026', '..2027']) {
      expect(pairs).toContain(p);
    }
    expect(found.find((d) => d.start === '2021-07')).toMatchObject({ label: '准备阶段', line: 46 });
    expect([...pairs].some((p) => p.includes('2021-11'))).toBe(false);
  });

  it('should take the 进度表 rows that name schools, not the empty years nor the table’s span', async () => {
    const { pairs } = await deadlinesOf('qinxian-2021.txt');
    for (const y of ['2024', '2025', '2026', '2027', '2028', '2029', '2030']) expect(pairs).toContain(`..${y}`);
    expect(pairs).toContain('2022..2023');
    expect(pairs).toContain('..2030-12');
    expect(pairs).toContain('..2029-12');
    for (const p of ['..2031', '..2035', '2022..2035']) expect(pairs).not.toContain(p);
  });

  it('should keep only the 2025 target year, not the years of cited titles nor the issue date', async () => {
    const { pairs } = await deadlinesOf('jiaoling-2022.txt');
    expect([...pairs]).toEqual(['..2025']);
  });

  it('should read the 二○二二/二○二五/二○二七年 rows but not the 2021 status column', async () => {
    const { found, pairs } = await deadlinesOf('nanan-2022.txt');
    expect(found.filter((d) => /^二○/.test(d.quote)).map((d) => d.end)).toEqual(['2022', '2025', '2027']);
    expect([...pairs].sort()).toEqual(['..2022', '..2025', '..2027']);
  });

  it('should read 2025年末 as December', async () => {
    const { pairs } = await deadlinesOf('haicheng.txt');
    expect(pairs).toContain('..2025-12');
    expect(pairs).toContain('2022-07..2023-07');
  });
});
