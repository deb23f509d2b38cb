import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../extractors/targets.ts';
import { readSectionLevel, scopeLevel } from '../../extractors/section-scope.ts';
import type { Block } from '../../model/document.ts';

describe('readSectionLevel', () => {
  it.each([
    [['三、分类评估标准', '（一）小学'], 'primary'],
    [['三、分类评估标准', '（二）初中'], 'junior'],
    [['三、分类评估标准', '（三）九年一贯制学校'], 'nineYear'],
    [['（二）初中', '1．资源配置'], 'junior'],
    [['三、分类评估标准', '（一）小学教育质量提升行动'], null],
    [['一、总体要求'], null],
  ] as const)('should read %j as %s', (path, level) => {
    expect(readSectionLevel(path)).toBe(level);
  });
});

describe('scopeLevel', () => {
  it.each([
    ['R1', 'all', 'primary', 'primary'],
    ['R1', 'junior', 'primary', 'junior'],
    ['G4', 'all', 'nineYear', 'nineYear'],
    ['G5', 'all', 'nineYear', 'all'],
    ['S1', 'all', 'primary', 'all'],
    [null, 'all', 'primary', 'all'],
  ] as const)('should give %s stated at %s under a %s heading the level %s', (indicator, level, section, expected) => {
    expect(scopeLevel(indicator, level, section)).toBe(expected);
  });
});

describe('targets under headings that give a year and a level', () => {
  const block = (text: string, line: number, sectionPath: string[], kind: Block['kind'] = 'paragraph'): Block => ({ kind, text, location: { line }, sectionPath });
  it('should give the figures of a list the year and level of the headings above it, and keep their own words first', () => {
    const path = ['三、分类评估标准和达标要求（2025年12月底前）', '（二）初中'];
    const targets = extractTargets([
      block('1．资源配置。每百名学生拥有高于规定学历教师数不少于5.3人。', 10, path),
      block('2．规模与班额。所有班级学生数不超过50人，到2027年小学班额不超过40人。', 11, path),
    ]);
    const keys = targets.filter((t) => t.indicator).map((t) => `${t.indicator}|${t.level}|${t.value}|${t.year}`);
    expect(keys).toEqual(['R1|junior|5.3|2025', 'G5|junior|50|2025', 'G5|primary|40|2027']);
  });
});
