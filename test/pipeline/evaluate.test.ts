import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departmentKey } from '../../model/department-key.ts';
import { scoreDocument, toShare } from '../../cli/evaluate.ts';

const referenceScorer = new URL('../reference/score.mjs', import.meta.url).pathname;

const target = (extra: Record<string, unknown> = {}) => ({ indicator: 'R1', level: 'primary', comparator: '>=', value: 4.2, unit: '人', year: 2025, kind: 'target', quote: 'q', ...extra });
const duty = (task: string, line: number, departments: Array<[string, string]>) => ({
  task,
  indicator: null,
  quote: `责任单位：${departments.map(([name]) => name).join('、')}`,
  line,
  departments: departments.map(([name, role]) => ({ name, role })),
});

describe('scoreDocument: roles', () => {
  it.each([
    {
      name: 'should count agreeing roles on the pairs both sides have',
      gold: [duty('优化布局', 10, [['县教育局', 'lead'], ['县财政局', 'responsible']])],
      pred: [duty('优化布局', 10, [['县教育局', 'lead'], ['县财政局', 'support']])],
      roles: { right: 1, total: 2, wrong: ['优化布局 → «财政»: support, gold responsible'] },
    },
    {
      name: 'should leave a department only one side names out of the roles',
      gold: [duty('优化布局', 10, [['县教育局', 'lead']])],
      pred: [duty('优化布局', 10, [['县教育局', 'lead'], ['县住建局', 'support']])],
      roles: { right: 1, total: 1, wrong: [] },
    },
    {
      name: 'should leave an unmatched predicted task out of the roles',
      gold: [duty('优化布局', 10, [['县教育局', 'lead']])],
      pred: [{ ...duty('完全无关的另一件事情', 99, [['县教育局', 'support']]), quote: '由县教育局负责招生工作' }],
      roles: { right: 0, total: 0, wrong: [] },
    },
    {
      name: 'should compare traditional and short names of one department by their key',
      gold: [duty('優化佈局', 10, [['縣人力資源和社會保障局', 'responsible']])],
      pred: [duty('優化佈局', 10, [['县人社局', 'responsible']])],
      roles: { right: 1, total: 1, wrong: [] },
    },
    {
      name: 'should take a role-less department as no role',
      gold: [duty('优化布局', 10, [['县教育局', 'lead']])],
      pred: [{ ...duty('优化布局', 10, []), departments: ['县教育局'] }],
      roles: { right: 0, total: 1, wrong: ['优化布局 → «教育»: (none), gold lead'] },
    },
  ])('$name', ({ gold, pred, roles }) => {
    const score = scoreDocument('x', { region: '某县', responsibilities: gold }, { responsibilities: pred });
    expect(score.roles).toEqual(roles);
  });

  it.each([
    { agreement: { right: 3, total: 4 }, empty: undefined, share: 0.75 },
    { agreement: { right: 0, total: 0 }, empty: undefined, share: 1 },
    { agreement: { right: 0, total: 0 }, empty: 0, share: 0 },
  ])('toShare($agreement, $empty) should be $share', ({ agreement, empty, share }) => {
    expect(toShare(agreement, empty)).toBe(share);
  });
});

describe('scoreDocument: targets stated by reference', () => {
  it.each([
    { name: 'should skip a byReference target in the gold', gold: [target(), target({ indicator: 'G5', byReference: true })], pred: [target()], counts: [1, 0, 0] },
    { name: 'should skip a byReference target in the prediction', gold: [target()], pred: [target(), target({ indicator: 'G4', byReference: true })], counts: [1, 0, 0] },
    { name: 'should still count an ordinary target the prediction misses', gold: [target(), target({ indicator: 'G5', comparator: '<=', value: 45 })], pred: [target({ byReference: true })], counts: [0, 0, 2] },
  ])('$name', ({ gold, pred, counts }) => {
    const { tp, fp, fn } = scoreDocument('x', { targets: gold }, { targets: pred }).targets;
    expect([tp, fp, fn]).toEqual(counts);
  });
});

describe('departmentKey', () => {
  it.each([
    { name: '县发展和改革局', region: undefined, key: '«发改»' },
    { name: '南安市发改局', region: '南安市', key: '«发改»' },
    { name: '縣教育局', region: undefined, key: '«教育»' },
    { name: '自治县民族宗教事务局', region: undefined, key: '民族宗教事务局' },
    { name: '旗卫健委', region: undefined, key: '«卫健»' },
    { name: '福建省南安市财政局', region: '南安市', key: '«财政»' },
    { name: '县委编办', region: undefined, key: '«编办»' },
    { name: '領導小組辦公室', region: undefined, key: '领导小组办公室' },
  ])('should fold $name into $key', ({ name, region, key }) => {
    expect(departmentKey(name, region)).toBe(key);
  });
});

/** Small gold/prediction pairs drawn from a few names, tasks, roles and figures, so that they collide often. */
const departmentName = fc.constantFrom('县教育局', '县教体局', '縣財政局', '县财政局', '县发改委', '县发展和改革局', '各乡镇', '县委编办', '自治县民政局', '县住建局', '领导小组办公室');
const role = fc.constantFrom('lead', 'support', 'responsible', null);
const responsibility = fc.record({
  task: fc.constantFrom('优化中小学布局', '优化中小学布局规划', '加强教师队伍建设', '落实经费保障', '完善督导评估'),
  quote: fc.constantFrom('责任单位：县教育局、县财政局', '县教育局牵头', '责任单位：各乡镇'),
  line: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  departments: fc.array(fc.record({ name: departmentName, role }), { maxLength: 4 }),
});
const figure = fc.record({
  indicator: fc.constantFrom('R1', 'G5', null),
  level: fc.constantFrom('primary', 'junior', 'all'),
  comparator: fc.constantFrom('>=', '<=', '≈', '<'),
  value: fc.constantFrom(4.2, 45, 5.3),
  kind: fc.constantFrom('target', 'baseline'),
  year: fc.constantFrom(2025, 2027, null),
  byReference: fc.constantFrom(true, undefined),
});
const deadline = fc.record({ start: fc.constantFrom('2024', '2024-9', null), end: fc.constantFrom('2025', '2025-12', '2027', null) });
const coverage = fc.dictionary(fc.constantFrom('R1', 'G1', 'G5', 'Q8'), fc.boolean());
const plan = fc.record({
  targets: fc.array(figure, { maxLength: 6 }),
  deadlines: fc.array(deadline, { maxLength: 4 }),
  responsibilities: fc.array(responsibility, { maxLength: 5 }),
  coverage,
});

describe('scoreDocument against the shared scorer', () => {
  it('should count 200 generated documents exactly as test/reference/score.mjs does', () => {
    const pairs = fc.sample(fc.tuple(plan, plan), { numRuns: 200, seed: 9 });
    const work = mkdtempSync(join(tmpdir(), 'plancheck-score-'));
    mkdirSync(join(work, 'gold'));
    mkdirSync(join(work, 'pred'));
    const ids = pairs.map((_, i) => `doc-${String(i).padStart(3, '0')}`);
    pairs.forEach(([gold, pred], i) => {
      writeFileSync(join(work, 'gold', `${ids[i]}.json`), JSON.stringify({ region: '某县', ...gold }));
      writeFileSync(join(work, 'pred', `${ids[i]}.json`), JSON.stringify(pred));
    });
    const shared = JSON.parse(execFileSync('node', [referenceScorer, '--pred', join(work, 'pred'), '--gold', join(work, 'gold'), '--json'], { encoding: 'utf8' }));
    expect(shared.perDoc.map((doc: { id: string }) => doc.id)).toEqual(ids);
    const counts = (c: { tp: number; fp: number; fn: number }) => [c.tp, c.fp, c.fn];
    let rolePairs = 0;
    pairs.forEach(([gold, pred], i) => {
      const ours = scoreDocument(ids[i]!, { region: '某县', ...gold }, pred);
      const theirs = shared.perDoc[i];
      rolePairs += ours.roles.total;
      expect({
        id: ids[i],
        targets: counts(ours.targets),
        deadlines: counts(ours.deadlines),
        responsibilities: counts(ours.responsibilities),
        coverage: [ours.coverage.right, ours.coverage.total],
        roles: [ours.roles.right, ours.roles.total, ours.roles.wrong],
      }).toEqual({
        id: ids[i],
        targets: counts(theirs.targets),
        deadlines: counts(theirs.deadlines),
        responsibilities: counts(theirs.responsibilities),
        coverage: [theirs.coverage.right, theirs.coverage.total],
        roles: [theirs.responsibilities.roleRight, theirs.responsibilities.roleTotal, theirs.responsibilities.roleWrong],
      });
    });
    // The generated pairs must exercise the roles, or the comparison above proves nothing about them.
    expect(rolePairs).toBeGreaterThan(50);
  });
});
