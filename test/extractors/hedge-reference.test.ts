import { describe, expect, it } from 'vitest';
import { findHedge } from '../../extractors/hedge.ts';
import { findReferenceTargets } from '../../extractors/reference-targets.ts';

describe('findHedge', () => {
  it.each([
    ['学校规模基本不超过2000人', 2000, '基本'],
    ['原则上不超过2000人', 2000, '原则上'],
    ['力争到2027年，小学达到4.2人以上', 4.2, '力争'],
    ['到2025年，基本消除56人及以上大班额', 56, '基本'],
    ['按照基本装备配置标准，生均教学仪器设备值达到2000元', 2000, null],
    ['力争2025年完成规划编制。生均教学仪器设备值达到2000元', 2000, null],
    ['小学达到4.2人以上', 4.2, null],
    ['基本完成7项指标，即小学达到4.2人以上；骨干教师数小学、初中均达到1人以上', 1, '基本'],
    ['完成7项指标。每百名学生拥有骨干教师数小学、初中均达到1人以上；基本消除大班额', 1, null],
  ])('should read the hedge of %s (%s) as %s', (quote, value, hedge) => {
    expect(findHedge(quote, value)).toBe(hedge);
  });
});

describe('findReferenceTargets', () => {
  it('should give each indicator a clause names the standard\'s figures at its year', () => {
    const found = findReferenceTargets('到2025年，基本消除56人及以上大班额；到2027年，学校规模和班额达到国家标准要求。', null);
    expect(found.map((t) => `${t.indicator}|${t.level}|${t.comparator}|${t.value}|${t.year}`)).toEqual([
      'G4|primary|<=|2000|2027', 'G4|junior|<=|2000|2027', 'G4|nineYear|<=|2500|2027', 'G4|twelveYear|<=|2500|2027',
      'G5|primary|<=|45|2027', 'G5|junior|<=|50|2027',
    ]);
  });

  it.each([
    ['到2026年，各项评估指标全部达到国家标准。'],
    ['四个方面达到国家规定标准'],
    ['到2025年，全县义务教育资源配置、政府保障程度、教育质量、社会认可度达到国家规定标准'],
    ['生均教学仪器设备值达到2000元以上，符合国家标准'],
  ])('should give none for %s (a blanket statement, or a figure of its own)', (text) => {
    expect(findReferenceTargets(text, 2027)).toEqual([]);
  });
});
