import { describe, expect, it } from 'vitest';
import { diffPlan, type DiffEntry, type PlanDiff } from '../../pipeline/diff/diff.ts';
import { loadGoldModel, loadNational, readProjectJson, toDocumentModel } from './load-gold.ts';

const national = loadNational();
const entry = (diff: PlanDiff, indicator: string, level: string): DiffEntry => {
  const found = diff.entries.find((item) => item.indicator === indicator && item.level === level);
  if (!found) throw new Error(`no entry ${indicator} ${level}`);
  return found;
};

describe('diffPlan', () => {
  const nanan = diffPlan(loadGoldModel('nanan-2022'), national);

  it.each(['primary', 'junior'])('should keep Nan’an’s R3 (%s) trajectory sorted by year and not let ≈0.9 meet the standard', (level) => {
    const r3 = entry(nanan, 'R3', level);
    expect(r3.trajectory.map((point) => [point.year, point.comparator, point.value])).toEqual([
      [2022, '>=', 0.55],
      [2025, '>=', 0.75],
      [2027, '≈', 0.9],
    ]);
    expect(r3.year).toBe(2027);
    expect(r3.actual).toMatchObject({ comparator: '≈', value: 0.9, location: { line: 352 } });
    expect(r3.verdict).not.toBe('meets');
    expect(r3.verdict).toBe('weaker');
    expect(r3.belowThreshold.map((point) => point.value)).toEqual([0.55, 0.75]);
    expect(r3.baselines.map((point) => [point.kind, point.value, point.year])).toEqual([['baseline', 0.52, 2021]]);
    expect(r3.expected).toEqual({ comparator: '>=', value: 0.9, unit: '人', source: 'jiaodu-2017-6', sourceLabel: '国家', national: null, looser: false });
    expect(r3.name).toBe('每百名学生拥有体育、艺术（美术、音乐）专任教师数');
  });

  it('should judge Qinxian’s 80% 优质高中名额分配 as stricter than the 50% threshold', () => {
    const g14 = entry(diffPlan(loadGoldModel('qinxian-2021'), national), 'G14', 'all');
    expect(g14.verdict).toBe('stricter');
    expect(g14.actual).toMatchObject({ value: 80, year: 2029, quote: '全县优质高中招生名额分配比例不低于 80%', location: { line: 33 } });
  });

  it.each([['primary', 45], ['junior', 50]])('should decide Nan’an’s G5 (%s) at 2027 by reference to the standard (≤ %s), the 2025 ≤ 55 an earlier shortfall', (level, value) => {
    const g5 = entry(nanan, 'G5', level);
    expect(g5.verdict).toBe('byReference');
    expect(g5.year).toBe(2027);
    expect(g5.actual).toMatchObject({ comparator: '<=', value, byReference: true });
    expect(g5.actual!.quote).toContain('学校规模和班额达到国家标准要求');
    expect(g5.belowThreshold.map((point) => [point.year, point.value, point.verdict])).toEqual([[2025, 55, 'weaker']]);
    expect(g5.expected).toMatchObject({ comparator: '<=', value });
  });

  it('should find most of Jiaoling’s resource indicators (R1–R7) missing', () => {
    const jiaoling = diffPlan(loadGoldModel('jiaoling-2022'), national);
    const resources = jiaoling.entries.filter((item) => /^R[1-7]$/.test(item.indicator));
    expect(resources).toHaveLength(14);
    expect(resources.filter((item) => item.verdict === 'missing').length).toBeGreaterThanOrEqual(10);
    expect(entry(jiaoling, 'R1', 'primary')).toMatchObject({ verdict: 'missing', actual: null, mentioned: false });
    expect(entry(jiaoling, 'R3', 'primary')).toMatchObject({ verdict: 'missing', mentioned: true });
  });

  it('should take qualitative items from the coverage', () => {
    const jiaoling = diffPlan(loadGoldModel('jiaoling-2022'), national);
    expect(jiaoling.coverage.find((item) => item.indicator === 'G1')!.verdict).toBe('covered');
    expect(jiaoling.coverage.find((item) => item.indicator === 'G2')!.verdict).toBe('notCovered');
    expect(jiaoling.entries.some((item) => item.indicator === 'G1')).toBe(false);
  });

  it('should show each value when one year has different final values', () => {
    const diff = diffPlan(toDocumentModel(readProjectJson('test/fixtures/reports/hostile-plan.json')), national);
    const g14 = entry(diff, 'G14', 'all');
    expect(g14.verdict).toBe('conflicting');
    expect(g14.conflicting.map((point) => [point.value, point.location.line])).toEqual([[60, 12], [70, 30]]);
    expect(diff.problems.find((problem) => problem.verdict === 'conflicting')).toMatchObject({ indicator: 'G14', location: { line: 12 } });
    expect(diff.messages.find((message) => message.reason.startsWith('G14'))).toMatchObject({ line: 12, ruleId: null });
  });

  it('should apply a target for all levels to every level of the indicator', () => {
    const diff = diffPlan(toDocumentModel(readProjectJson('test/fixtures/reports/hostile-plan.json')), national);
    expect(entry(diff, 'R3', 'primary')).toMatchObject({ verdict: 'meets', year: 2027 });
    expect(entry(diff, 'R3', 'junior')).toMatchObject({ verdict: 'meets', year: 2027 });
  });

  it('should judge levels a plan states separately against a county-wide threshold', () => {
    const model = toDocumentModel({
      document: 'levels.txt',
      targets: [
        { indicator: 'G9', level: 'primary', comparator: '>=', value: 100, unit: '%', year: 2025, kind: 'target', quote: '小学100%', line: 1 },
        { indicator: 'G9', level: 'junior', comparator: '>=', value: 90, unit: '%', year: 2025, kind: 'target', quote: '初中90%', line: 2 },
      ],
      deadlines: [],
      responsibilities: [],
      coverage: {},
    });
    const g9 = diffPlan(model, national).entries.filter((item) => item.indicator === 'G9');
    expect(g9.map((item) => [item.level, item.verdict])).toEqual([['primary', 'meets'], ['junior', 'weaker']]);
  });

  it('should never let a baseline decide a verdict', () => {
    const model = toDocumentModel({
      document: 'baseline.txt',
      targets: [{ indicator: 'S1', level: 'all', comparator: '=', value: 96, unit: '%', year: 2021, kind: 'baseline', quote: '满意度96%', line: 4 }],
      deadlines: [],
      responsibilities: [],
      coverage: { S1: true },
    });
    const s1 = entry(diffPlan(model, national), 'S1', 'all');
    expect(s1).toMatchObject({ verdict: 'missing', actual: null, mentioned: true });
    expect(s1.baselines).toHaveLength(1);
  });

  it('should let an overlay change a verdict', () => {
    const qinxian = loadGoldModel('qinxian-2021');
    const local = diffPlan(qinxian, loadNational('test/fixtures/standards/overlay-g14-90.json'));
    expect(entry(local, 'G14', 'all')).toMatchObject({ verdict: 'weaker', expected: { value: 90, source: 'test-overlay-g14-90' } });
    expect(local.standard.applied.map((item) => item.title)).toContain('测试用地方标准：优质高中招生名额分配比例不低于90%');
  });

  it('should count every verdict in the summary and word the gaps as Chinese messages without rule ids', () => {
    expect(Object.values(nanan.summary).reduce((a, b) => a + b, 0)).toBe(nanan.entries.length + nanan.coverage.length + nanan.vetoes.length);
    expect(nanan.summary.weaker).toBe(2);
    const weaker = nanan.messages.find((message) => message.line === 352);
    expect(weaker?.reason).toBe('R3 每百名学生拥有体育、艺术（美术、音乐）专任教师数（小学）未达标准：方案 ≈ 0.9 人（2027年），标准 ≥ 0.9 人');
    for (const message of nanan.messages) {
      expect(message.ruleId).toBeNull();
      expect(message.reason).not.toMatch(/Unexpected|expected|Missing/);
    }
  });
});
