import { describe, expect, it } from 'vitest';
import { isLooser, loadStandard, StandardError } from '../../model/standard.ts';
import { loadNational, readProjectJson } from './load-gold.ts';

const threshold = (standard: ReturnType<typeof loadNational>, id: string, level: string) =>
  standard.indicators.find((indicator) => indicator.id === id)!.thresholds.find((item) => item.level === level);

describe('loadStandard', () => {
  it('should load the national standard as published in 教督〔2017〕6号', () => {
    const standard = loadNational();
    expect(standard.id).toBe('jiaodu-2017-6');
    expect(standard.applied).toEqual([{ id: 'jiaodu-2017-6', title: '县域义务教育优质均衡发展督导评估办法', docNumber: '教督〔2017〕6号' }]);
    expect(threshold(standard, 'R3', 'primary')).toEqual({ level: 'primary', comparator: '>=', value: 0.9, source: 'jiaodu-2017-6', sourceTitle: '县域义务教育优质均衡发展督导评估办法' });
    expect(standard.indicators.find((indicator) => indicator.id === 'G1')!.thresholds).toEqual([]);
  });

  it('should let an overlay override a threshold and name the standards applied', () => {
    const standard = loadNational('test/fixtures/standards/overlay-g14-90.json');
    expect(standard.id).toBe('jiaodu-2017-6+test-overlay-g14-90');
    expect(standard.applied.map((item) => item.id)).toEqual(['jiaodu-2017-6', 'test-overlay-g14-90']);
    expect(threshold(standard, 'G14', 'all')).toEqual({
      level: 'all', comparator: '>=', value: 90, source: 'test-overlay-g14-90',
      sourceTitle: '测试用地方标准：优质高中招生名额分配比例不低于90%', national: { comparator: '>=', value: 50 },
    });
    expect(threshold(standard, 'G5', 'primary')!.value).toBe(45);
  });

  it('should let a later overlay override an earlier one for the same indicator and level', () => {
    const standard = loadNational('test/fixtures/standards/overlay-g14-90.json', 'test/fixtures/standards/overlay-g14-70-g5-40.json');
    expect(threshold(standard, 'G14', 'all')!.value).toBe(70);
    expect(threshold(standard, 'G5', 'primary')).toMatchObject({ value: 40, source: 'test-overlay-g14-70-g5-40' });
    expect(threshold(standard, 'G5', 'junior')).toMatchObject({ value: 50, source: 'jiaodu-2017-6' });
  });

  it('should not change the base data it was given', () => {
    const base = readProjectJson('corpus/standards/jiaodu-2017-6.json');
    const before = JSON.stringify(base);
    loadStandard(base, [readProjectJson('test/fixtures/standards/overlay-g14-90.json')]);
    expect(JSON.stringify(base)).toBe(before);
  });

  it('should reject an overlay that does not validate, listing each path', () => {
    const error = (() => {
      try {
        loadNational('test/fixtures/standards/overlay-invalid.json');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(StandardError);
    expect((error as StandardError).issues.map((issue) => issue.split(':')[0])).toEqual(['thresholds.0.level', 'thresholds.0.value']);
    expect((error as StandardError).message).toMatch(/overlay 1/);
  });

  it('should reject an overlay that names an unknown indicator', () => {
    expect(() => loadNational('test/fixtures/standards/overlay-unknown-indicator.json')).toThrow(/unknown indicator Z99/);
  });

  it('should reject an overlay written against another base', () => {
    const overlay = { ...(readProjectJson('test/fixtures/standards/overlay-g14-90.json') as object), base: 'other-standard' };
    expect(() => loadStandard(readProjectJson('corpus/standards/jiaodu-2017-6.json'), [overlay])).toThrow(StandardError);
  });

  it('should reject a numeric indicator without thresholds', () => {
    const base = { id: 'x', title: 'x', indicators: [{ id: 'R1', area: 'a', name: 'n', kind: 'numeric' }] };
    expect(() => loadStandard(base, [])).toThrow(/indicators\.0\.thresholds/);
  });

  it.each([
    ['a lower minimum', 'test/fixtures/standards/overlay-g14-40-looser.json', /G14 全部学段: ≥ 50 → ≥ 40/],
    ['the other direction', 'test/fixtures/standards/overlay-g5-flip.json', /G5 小学: ≤ 45 → ≥ 45/],
  ])('should refuse an overlay that loosens a national threshold (%s) unless allowLooser, then mark it', (_what, path, change) => {
    expect(() => loadNational(path)).toThrow(StandardError);
    expect(() => loadNational(path)).toThrow(/宽于国家标准.*--allow-looser/);
    const accepted = loadStandard(readProjectJson('corpus/standards/jiaodu-2017-6.json'), [readProjectJson(path)], { allowLooser: true });
    expect(accepted.looser).toHaveLength(1);
    expect(accepted.looser[0]).toMatch(change);
    const marked = accepted.indicators.flatMap((indicator) => indicator.thresholds).filter((item) => item.looser);
    expect(marked).toHaveLength(1);
  });

  it.each([
    [{ comparator: '>=', value: 40 }, { comparator: '>=', value: 50 }, true],
    [{ comparator: '>=', value: 60 }, { comparator: '>=', value: 50 }, false],
    [{ comparator: '<=', value: 50 }, { comparator: '<=', value: 45 }, true],
    [{ comparator: '<=', value: 40 }, { comparator: '<=', value: 45 }, false],
    [{ comparator: '<=', value: 0.15 }, { comparator: '<', value: 0.15 }, true],
    [{ comparator: '<', value: 0.15 }, { comparator: '<', value: 0.15 }, false],
    [{ comparator: '>=', value: 45 }, { comparator: '<=', value: 45 }, true],
  ] as const)('isLooser(%o against %o) is %s', (threshold, national, expected) => {
    expect(isLooser(threshold, national)).toBe(expected);
  });
});
