/**
 * Verdicts on the corpus plans as the pipeline itself extracts them (txt, docx and
 * pdf renditions), not on the gold files: the cases of issue #10 as the corpus
 * gives them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffPlan, type PlanDiff } from '../../pipeline/diff/diff.ts';
import { processDocument, type DocumentModel } from '../../pipeline/process-document.ts';
import { loadNational } from './load-gold.ts';

const national = loadNational();
const PLANS = ['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021'];
const models = new Map<string, Promise<DocumentModel>>();

/** The model of a corpus plan as the pipeline extracts it (each file read once per run). */
function modelOf(path: string): Promise<DocumentModel> {
  let model = models.get(path);
  if (!model) {
    model = processDocument(readFileSync(new URL(`../../corpus/${path}`, import.meta.url)), path.split('/').pop()!).then((outcome) => {
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome.model;
    });
    models.set(path, model);
  }
  return model;
}

async function diffOf(path: string): Promise<PlanDiff> {
  return diffPlan(await modelOf(path), national);
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

  it('should decide Nan’an’s G5 at 2027 by its commitment to the standard, the 2025 ≤ 55 an earlier shortfall', async () => {
    const diff = await diffOf(path('nanan-2022'));
    for (const [level, value] of [['primary', 45], ['junior', 50]] as const) {
      const g5 = entry(diff, 'G5', level);
      expect(g5).toMatchObject({ verdict: 'byReference', year: 2027, actual: { value, byReference: true } });
      expect(g5.actual!.quote).toContain('学校规模和班额达到国家标准要求');
      expect(g5.belowThreshold.find((p) => p.year === 2025)).toMatchObject({ comparator: '<=', value: 55, verdict: 'weaker' });
    }
  });

  it('should leave most of Jiaoling’s resource indicators missing', async () => {
    const resources = (await diffOf(path('jiaoling-2022'))).entries.filter((e) => /^R[1-7]$/.test(e.indicator));
    expect(resources.filter((e) => e.verdict === 'missing').length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['nanan-2022', 'G4', 'primary', '基本'],
    ['haicheng', 'G4', 'primary', '原则上'],
    ['qinxian-2021', 'R1', 'primary', '基本'],
    ['qinxian-2021', 'R7', 'junior', '基本'],
  ])('should give %s’s hedged %s (%s) the verdict 表述留有余地, hedge “%s”', async (plan, indicator, level, hedge) => {
    expect(entry(await diffOf(path(plan)), indicator, level)).toMatchObject({ verdict: 'hedged', actual: { hedge } });
  });

  it('should never let a hedged figure meet or be stricter than the standard in any plan', async () => {
    let hedged = 0;
    for (const plan of PLANS) {
      for (const e of (await diffOf(path(plan))).entries) {
        for (const point of [...e.trajectory, ...e.conflicting]) {
          if (point.hedge === null) continue;
          hedged += 1;
          expect(['hedged', 'weaker'], `${plan} ${e.indicator} ${point.quote}`).toContain(point.verdict);
        }
        if (e.actual?.hedge) expect(['hedged', 'weaker', 'conflicting']).toContain(e.verdict);
      }
    }
    expect(hedged).toBeGreaterThan(20);
  });

  it('should call Qinxian’s Q1 and Q2 前后不一: 95% by 2029 and 99% without a year', async () => {
    const diff = await diffOf(path('qinxian-2021'));
    for (const id of ['Q1', 'Q2']) {
      const e = entry(diff, id, 'all');
      expect(e.verdict).toBe('conflicting');
      expect(e.conflicting.map((p) => [p.value, p.year])).toEqual([[95, 2029], [99, null]]);
      expect(e.conflicting[1]!.impliedYear).toBe(diff.targetYear);
    }
  });

  it('should read 按100人的1.5倍核定 as 150 人, stricter than G6', async () => {
    const g6 = entry(await diffOf(path('nanan-2022')), 'G6', 'all');
    expect(g6).toMatchObject({ verdict: 'stricter', actual: { value: 150, derivedFrom: '100 人 的 1.5 倍' } });
  });

  it('should read Haicheng’s 项项达标、校校达标 as stricter than R9 and flag its undated targets', async () => {
    const diff = await diffOf(path('haicheng'));
    expect(entry(diff, 'R9', 'all')).toMatchObject({ verdict: 'stricter', actual: { value: 100 } });
    expect(diff.undatedOnly).toBe(true);
    expect(diff.targetYear).toBe(2027);
    expect(diff.messages[0]!.reason).toBe('方案的目标均未注明年份，按方案总目标2027年判定');
  });

  it('should show Nan’an’s 达标率 as 另设指标 for R4 and R5, and its 继续教育经费 for Q4', async () => {
    const diff = await diffOf(path('nanan-2022'));
    expect(entry(diff, 'R4', 'primary').otherMeasures.map((p) => [p.year, p.value])).toEqual([[2022, 76], [2025, 80], [2027, 85]]);
    expect(entry(diff, 'R5', 'junior').otherMeasures.at(-1)).toMatchObject({ year: 2027, value: 85, unit: '%' });
    expect(entry(diff, 'Q4', 'all').otherMeasures.at(-1)).toMatchObject({ value: 2.5 });
    expect(entry(diff, 'Q4', 'all').otherMeasures.at(-1)!.quote).toContain('工资总额');
  });

  it('should not count Jiaoling’s Q3 as covered: its quote states neither 章程 nor 信息化', async () => {
    const q3 = (await diffOf(path('jiaoling-2022'))).coverage.find((item) => item.indicator === 'Q3')!;
    expect(q3.verdict).toBe('notCovered');
    expect(q3.rejected?.quote).toContain('班班通');
  });

  it('should keep the 一票否决 items out of coverage and out of the gap counts', async () => {
    for (const plan of PLANS) {
      const diff = await diffOf(path(plan));
      expect(diff.coverage.some((item) => item.indicator.startsWith('V'))).toBe(false);
      expect(diff.vetoes.map((item) => item.indicator)).toEqual(['V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
      expect(diff.problems.some((problem) => problem.indicator.startsWith('V'))).toBe(false);
      const counted = [...diff.entries, ...diff.coverage].filter((item) => ['weaker', 'hedged', 'conflicting', 'missing', 'partial', 'notCovered'].includes(item.verdict)).length;
      expect(diff.gaps).toBe(counted);
    }
    const jiaoling = await diffOf(path('jiaoling-2022'));
    expect(jiaoling.vetoes.find((item) => item.indicator === 'V3')).toMatchObject({ verdict: 'forbidden' });
    expect(jiaoling.vetoes.find((item) => item.indicator === 'V3')!.quote).toContain('严禁办重点校');
    expect(jiaoling.vetoes.find((item) => item.indicator === 'V2')).toMatchObject({ verdict: 'unmentioned', quote: null });
  });

  it('should show the quote of every 未设目标 row the model marks covered', async () => {
    let rows = 0;
    for (const plan of PLANS) {
      const model = await modelOf(path(plan));
      for (const e of diffPlan(model, national).entries) {
        if (e.verdict !== 'missing' || !model.coverage[e.indicator]?.covered) continue;
        rows += 1;
        expect(e.evidence?.quote, `${plan} ${e.indicator}`).toBeTruthy();
      }
    }
    expect(rows).toBeGreaterThan(5);
  });

  it('should mark Nan’an’s G2, G8 and Q3 部分覆盖, naming the parts not stated', async () => {
    const coverage = (await diffOf(path('nanan-2022'))).coverage;
    for (const id of ['G2', 'G8', 'Q3']) expect(coverage.find((item) => item.indicator === id)!.verdict).toBe('partial');
    expect(coverage.find((item) => item.indicator === 'Q3')!.parts).toEqual([{ label: '学校制定章程', stated: false }, { label: '管理与教学信息化', stated: true }]);
  });
});
