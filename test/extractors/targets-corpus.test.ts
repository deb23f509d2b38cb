import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../extractors/targets.ts';
import { targetSchema, type Target } from '../../model/plan.ts';
import { ingest } from '../../pipeline/ingest/ingest.ts';

async function targetsOf(name: string): Promise<Target[]> {
  const doc = await ingest(readFileSync(new URL(`../../corpus/${name}`, import.meta.url)), '.txt');
  return extractTargets(doc.blocks, doc.metadata);
}

/** A target a reader can check by eye: the quote holds the text, the fields say what it means. */
interface Check { quote: string; indicator: string | null; level: string; comparator: string; value: number; year: number | null; kind: string }
const has = (targets: Target[], c: Check) =>
  targets.some((t) => t.quote.includes(c.quote) && t.indicator === c.indicator && t.level === c.level &&
    t.comparator === c.comparator && t.value === c.value && t.year === c.year && t.kind === c.kind);

describe('extractTargets on the corpus', () => {
  const cases: Array<{ file: string; checks: Check[] }> = [
    {
      file: 'haicheng.txt',
      checks: [
        { quote: '小学、初中分别达到4.2人以上、5.3人以上', indicator: 'R1', level: 'junior', comparator: '>=', value: 5.3, year: null, kind: 'target' },
        { quote: '九年一贯制学校规模不超过2500人', indicator: 'G4', level: 'nineYear', comparator: '<=', value: 2500, year: null, kind: 'target' },
        { quote: '校际差异率低于0.15', indicator: 'Q9.gap', level: 'all', comparator: '<', value: 0.15, year: null, kind: 'target' },
      ],
    },
    {
      file: 'jiaoling-2022.txt',
      checks: [
        { quote: '全县随迁子女入读公办学校比例须达到100%', indicator: 'G15', level: 'all', comparator: '>=', value: 100, year: 2025, kind: 'target' },
        { quote: '九年义务教育巩固率达到96%以上', indicator: null, level: 'all', comparator: '>=', value: 96, year: 2025, kind: 'target' },
      ],
    },
    {
      file: 'nanan-2022.txt',
      checks: [
        { quote: '基本消除56人及以上大班额', indicator: 'G5', level: 'all', comparator: '<=', value: 55, year: 2025, kind: 'target' },
        { quote: '全市均值小学3.96,初中6.69', indicator: 'R1', level: 'junior', comparator: '=', value: 6.69, year: 2021, kind: 'baseline' },
        { quote: '接近或达到0.9人以上', indicator: 'R3', level: 'primary', comparator: '≈', value: 0.9, year: 2027, kind: 'target' },
        { quote: '力争生均教学及辅助用房面积达标率达76%', indicator: null, level: 'all', comparator: '>=', value: 76, year: 2022, kind: 'target' },
      ],
    },
    {
      file: 'nanchuan-2021.txt',
      checks: [
        { quote: '余项不低于标准的85%', indicator: 'R9', level: 'all', comparator: '>=', value: 85, year: null, kind: 'target' },
        { quote: '美术室1间（90㎡以上）', indicator: 'G3.art', level: 'all', comparator: '>=', value: 90, year: null, kind: 'target' },
      ],
    },
    {
      file: 'qinxian-2021.txt',
      checks: [
        { quote: '育学校生均公用经费不低于 6000 元', indicator: 'G7', level: 'all', comparator: '>=', value: 6000, year: 2029, kind: 'target' },
        { quote: '确保全县初中三年巩固率达到99%以上', indicator: 'Q1', level: 'all', comparator: '>=', value: 99, year: null, kind: 'target' },
      ],
    },
  ];
  for (const { file, checks } of cases) {
    it(`should find the targets a reader sees in ${file}`, async () => {
      const targets = await targetsOf(file);
      for (const t of targets) targetSchema.parse(t);
      for (const c of checks) expect(has(targets, c), JSON.stringify(c)).toBe(true);
    });
  }

  it('should not read counts of schools in a status report as school-size targets', async () => {
    const targets = await targetsOf('nanan-2022.txt');
    expect(targets.some((t) => t.indicator === 'G4' && t.kind === 'baseline')).toBe(false);
  });
});
