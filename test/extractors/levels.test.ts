import { describe, expect, it } from 'vitest';
import { expandLevels, scanLevels } from '../../extractors/levels.ts';

describe('scanLevels', () => {
  const cases: Array<{ text: string; expected: string[] }> = [
    { text: '小学、初中分别达到', expected: ['primary', 'junior'] },
    { text: '小学、中学每百名学生', expected: ['primary', 'junior'] },
    { text: '全市中小学每百名学生', expected: ['primary', 'junior'] },
    { text: '九年一贯制学校、十二年一贯制学校义务教育阶段规模', expected: ['nineYear', 'twelveYear'] },
    { text: '十二年一贯制学校', expected: ['twelveYear'] },
    { text: '优质高中招生名额', expected: [] },
    { text: '职业中学及不足50人的教学点', expected: [] },
    { text: '每百名学生拥有体育专任教师数', expected: [] },
  ];
  for (const c of cases) {
    it(`should read the levels of ${c.text}`, () => {
      expect(expandLevels(scanLevels(c.text).filter((m) => !m.weak))).toEqual(c.expected);
    });
  }

  it('should mark 义务教育学校 as a weak joint word', () => {
    const [m] = scanLevels('全区义务教育学校每100名学生');
    expect(m).toMatchObject({ level: 'both', weak: true });
  });
});
