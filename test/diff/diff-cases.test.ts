import { describe, expect, it } from 'vitest';
import { diffPlan } from '../../pipeline/diff/diff.ts';
import { loadNational, toDocumentModel } from './load-gold.ts';

const national = loadNational();
const r1 = (targets: Array<{ level: string; comparator: string; value: number; year: number | null }>) =>
  diffPlan(
    toDocumentModel({
      document: 'cases.txt',
      targets: targets.map((t, i) => ({ indicator: 'R1', unit: '人', kind: 'target', quote: `第${i + 1}处`, line: i + 1, ...t })),
      deadlines: [],
      responsibilities: [],
      coverage: { R1: true },
    }),
    national,
  ).entries.find((e) => e.indicator === 'R1' && e.level === 'primary')!;

describe('diff cases', () => {
  it('should not call the same value worded twice (达到 4.2 / 4.2 以上) conflicting', () => {
    const entry = r1([{ level: 'primary', comparator: '=', value: 4.2, year: 2025 }, { level: 'primary', comparator: '>=', value: 4.2, year: 2025 }]);
    expect(entry.verdict).toBe('meets');
    expect(entry.conflicting).toEqual([]);
  });

  it('should let a figure for the level decide over a county-wide one of the same year', () => {
    const entry = r1([{ level: 'all', comparator: '>=', value: 4.2, year: 2025 }, { level: 'primary', comparator: '>=', value: 4.5, year: 2025 }]);
    expect(entry).toMatchObject({ verdict: 'stricter', actual: { value: 4.5, level: 'primary' } });
  });

  it('should call different values for the same level and year conflicting', () => {
    const entry = r1([{ level: 'primary', comparator: '>=', value: 4.2, year: 2025 }, { level: 'primary', comparator: '>=', value: 4.5, year: 2025 }]);
    expect(entry.verdict).toBe('conflicting');
  });

  it('should not list an undated target as an earlier shortfall, but call it 前后不一 with the dated final value', () => {
    const entry = r1([{ level: 'primary', comparator: '>=', value: 3, year: null }, { level: 'primary', comparator: '>=', value: 4.2, year: 2025 }]);
    expect(entry.verdict).toBe('conflicting');
    expect(entry.conflicting.map((point) => [point.value, point.year])).toEqual([[4.2, 2025], [3, null]]);
    expect(entry.belowThreshold).toEqual([]);
  });
});

/** One G4 (primary, ≤ 2000) or R1 target built by hand, with the model's hedge/byReference fields. */
const judge = (indicator: 'G4' | 'R1', target: Record<string, unknown>) =>
  diffPlan(
    toDocumentModel({
      document: 'hand.txt',
      targets: [{ indicator, level: 'primary', unit: '人', kind: 'target', quote: '手工构造', line: 1, year: 2027, ...target }],
      deadlines: [],
      responsibilities: [],
      coverage: { [indicator]: true },
    }),
    national,
  ).entries.find((e) => e.indicator === indicator && e.level === 'primary')!;

describe('hedge and byReference set by the model', () => {
  it.each([
    // indicator, comparator, value, hedge, byReference, verdict
    ['G4', '<=', 2000, '基本', undefined, 'hedged'],
    ['G4', '<=', 2000, '原则上', undefined, 'hedged'],
    ['G4', '<=', 1800, '力争', undefined, 'hedged'],
    ['G4', '<=', 2500, '基本', undefined, 'weaker'],
    ['G4', '<=', 2000, null, undefined, 'meets'],
    ['G4', '<=', 1800, null, undefined, 'stricter'],
    ['G4', '<=', 2000, null, true, 'byReference'],
    ['G4', '<=', 2000, '基本', true, 'hedged'],
    ['R1', '>=', 4.2, '逐步', undefined, 'hedged'],
    ['R1', '>=', 4.5, '争取', undefined, 'hedged'],
    ['R1', '>=', 4.0, null, true, 'weaker'],
    ['R1', '≈', 4.2, null, undefined, 'weaker'],
  ] as const)('%s %s %s with hedge %s, byReference %s → %s', (indicator, comparator, value, hedge, byReference, verdict) => {
    const entry = judge(indicator, { comparator, value, hedge, ...(byReference === undefined ? {} : { byReference }) });
    expect(entry.verdict).toBe(verdict);
    expect(entry.actual!.hedgeInferred).toBe(false);
  });

  it('should trust a model’s hedge: null and read nothing from the quote', () => {
    expect(judge('G4', { comparator: '<=', value: 2000, hedge: null, quote: '原则上不超过2000人' }).verdict).toBe('meets');
  });

  it.each([
    ['原则上不超过2000人', '原则上'],
    ['力争到2027年，所有学校规模不超过2000人', '力争'],
    ['逐步扩大学位，学校规模不超过2000人', null],
    ['学位逐步不超过2000人', '逐步'],
    ['落实基本装备配置标准统一，学校规模不超过2000人', null],
    ['巩固基本均衡成果，学校规模不超过2000人', null],
    ['学校规模不超过2000人。基本消除大班额', null],
  ])('should read the hedge of “%s” as %s when the model has no hedge field', (quote, hedge) => {
    const entry = judge('G4', { comparator: '<=', value: 2000, quote });
    expect(entry.actual!.hedge).toBe(hedge);
    expect(entry.verdict).toBe(hedge === null ? 'meets' : 'hedged');
  });

  it('should let one hedged statement of a figure keep it from 达到标准, whatever the other says', () => {
    const model = toDocumentModel({
      document: 'twice.txt',
      targets: [
        { indicator: 'G4', level: 'primary', comparator: '<=', value: 2000, unit: '人', year: null, kind: 'target', quote: '不超过2000人', hedge: null, line: 3 },
        { indicator: 'G4', level: 'primary', comparator: '<=', value: 2000, unit: '人', year: null, kind: 'target', quote: '原则上不超过2000人', hedge: '原则上', line: 9 },
      ],
      deadlines: [], responsibilities: [], coverage: {},
    });
    expect(diffPlan(model, national).entries.find((e) => e.indicator === 'G4' && e.level === 'primary')).toMatchObject({ verdict: 'hedged', actual: { location: { line: 9 } } });
  });

  it('should decide a byReference target at its year like any other', () => {
    const model = toDocumentModel({
      document: 'ref.txt',
      targets: [
        { indicator: 'G5', level: 'all', comparator: '<=', value: 55, unit: '人', year: 2025, kind: 'target', quote: '到2025年消除56人以上大班额', hedge: null, line: 1 },
        { indicator: 'G5', level: 'primary', comparator: '<=', value: 45, unit: '人', year: 2027, kind: 'target', quote: '到2027年班额达到国家标准要求', hedge: null, byReference: true, line: 2 },
        { indicator: 'G5', level: 'junior', comparator: '<=', value: 50, unit: '人', year: 2023, kind: 'target', quote: '到2023年班额达到国家标准要求', hedge: null, byReference: true, line: 3 },
      ],
      deadlines: [], responsibilities: [], coverage: {},
    });
    const g5 = diffPlan(model, national).entries.filter((e) => e.indicator === 'G5');
    expect(g5.map((e) => [e.level, e.year, e.verdict])).toEqual([['primary', 2027, 'byReference'], ['junior', 2025, 'weaker']]);
  });
});
