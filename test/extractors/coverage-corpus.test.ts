import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { extractCoverage } from '../../extractors/coverage.ts';

async function coverageOf(name: string) {
  const doc = await ingest(readFileSync(new URL(`../../corpus/${name}`, import.meta.url)), '.txt');
  return extractCoverage(doc.blocks);
}

describe('extractCoverage on the corpus', () => {
  it('should find all 44 requirements in a plan whose annex lists the whole standard', async () => {
    const coverage = await coverageOf('nanchuan-2021.txt');
    expect(Object.values(coverage).filter((c) => c.covered)).toHaveLength(44);
    expect(coverage.V3).toMatchObject({ covered: true, location: { line: 35 } });
  });

  it('should not take the 九年义务教育巩固率 for Q1, and should find 重点校 for V3', async () => {
    const coverage = await coverageOf('jiaoling-2022.txt');
    expect(coverage.Q1.covered).toBe(false);
    expect(coverage.V3).toMatchObject({ covered: true, location: { line: 55 } });
    expect(coverage.V3.quote).toContain('严禁办重点校');
    expect(coverage.G3.covered).toBe(false);
    expect(coverage.S1.covered).toBe(false);
  });

  it('should find the music and art rooms but not their areas, and no 不予认定 item', async () => {
    const coverage = await coverageOf('nanan-2022.txt');
    expect(coverage.G3.covered).toBe(true);
    expect(coverage['G3.music'].covered).toBe(false);
    expect(coverage['G3.art'].covered).toBe(false);
    for (const id of ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'R8', 'R9']) expect(coverage[id]!.covered).toBe(false);
  });

  it('should miss R9 where a plan lists the seven indicators without the six-of-seven rule', async () => {
    const coverage = await coverageOf('qinxian-2021.txt');
    expect(coverage.R9.covered).toBe(false);
    expect(coverage.G7).toMatchObject({ covered: true });
  });
});
