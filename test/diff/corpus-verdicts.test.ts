import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffPlan, type PlanDiff } from '../../pipeline/diff.ts';
import { processDocument } from '../../pipeline/process-document.ts';
import { loadNational } from './load-gold.ts';

const national = loadNational();

/** The diff of a corpus plan as the pipeline extracts it (not the gold file). */
async function diffOf(path: string): Promise<PlanDiff> {
  const outcome = await processDocument(readFileSync(new URL(`../../corpus/${path}`, import.meta.url)), path.split('/').pop()!);
  if (!outcome.ok) throw new Error(outcome.reason);
  return diffPlan(outcome.model, national);
}

const entry = (diff: PlanDiff, indicator: string, level: string) => diff.entries.find((e) => e.indicator === indicator && e.level === level)!;

describe.each(['txt', 'docx', 'pdf'])('verdicts on the corpus plans as extracted from %s', (format) => {
  const path = (plan: string) => (format === 'txt' ? `${plan}.txt` : `${format}/${plan}.${format}`);

  it('should give Nan’an’s R3 the trajectory 0.55 (2022) → 0.75 (2025) → ≈0.9 (2027), the last not meeting the standard', async () => {
    const r3 = entry(await diffOf(path('nanan-2022')), 'R3', 'primary');
    expect(r3.trajectory.map((p) => [p.year, p.comparator, p.value])).toEqual([[2022, '>=', 0.55], [2025, '>=', 0.75], [2027, '≈', 0.9]]);
    expect(r3.verdict).toBe('weaker');
  });

  it('should judge Qinxian’s 80% 优质高中名额分配 stricter than the standard', async () => {
    expect(entry(await diffOf(path('qinxian-2021')), 'G14', 'all').verdict).toBe('stricter');
  });

  it('should keep Nan’an’s 2025 消除56人及以上大班额 on the way, and let its 2027 commitment to the standard decide', async () => {
    const diff = await diffOf(path('nanan-2022'));
    for (const level of ['primary', 'junior']) {
      const g5 = entry(diff, 'G5', level);
      expect(g5.trajectory.find((p) => p.year === 2025)).toMatchObject({ comparator: '<=', value: 55 });
      expect(g5.verdict).not.toBe('weaker');
    }
  });

  it('should leave most of Jiaoling’s resource indicators missing', async () => {
    const resources = (await diffOf(path('jiaoling-2022'))).entries.filter((e) => /^R[1-7]$/.test(e.indicator));
    expect(resources.filter((e) => e.verdict === 'missing').length).toBeGreaterThanOrEqual(10);
  });
});
