import { describe, expect, it } from 'vitest';
import { normalizeNumberText, scanNumbers } from '../../extractors/number-scanner.ts';

const first = (text: string) => scanNumbers(normalizeNumberText(text))[0];

describe('scanNumbers', () => {
  const cases: Array<{ text: string; value: number; unit: string; high?: number; isYear?: boolean }> = [
    { text: '达到4.2人以上', value: 4.2, unit: '人' },
    { text: '达到 4.2 人以上', value: 4.2, unit: '人' },
    { text: '达到４．５平方米', value: 4.5, unit: '平方米' },
    { text: '达到85%以上', value: 85, unit: '%' },
    { text: '达到85％以上', value: 85, unit: '%' },
    { text: '达到85^%以上', value: 85, unit: '%' },
    { text: '达到百分之八十五', value: 85, unit: '%' },
    { text: '达到百分之85', value: 85, unit: '%' },
    { text: '小学4.5㎡以上', value: 4.5, unit: '平方米' },
    { text: '小学4.5m²以上', value: 4.5, unit: '平方米' },
    { text: '均值7.25平方，', value: 7.25, unit: '平方米' },
    { text: '不少于2000元/生', value: 2000, unit: '元' },
    { text: '安排200万元专项经费', value: 2_000_000, unit: '元' },
    { text: '至少拥有1名骨干教师', value: 1, unit: '人' },
    { text: '配备1间以上', value: 1, unit: '间' },
    { text: '达到Ⅲ级以上', value: 3, unit: '级' },
    { text: '达到III级以上', value: 3, unit: '级' },
    { text: '二○二七年', value: 2027, unit: '年', isYear: true },
    { text: '二〇二五', value: 2025, unit: '', isYear: true },
    { text: '二零二二年', value: 2022, unit: '年', isYear: true },
    { text: '到2025年', value: 2025, unit: '年', isYear: true },
    { text: '51～55人班额', value: 51, unit: '人', high: 55 },
    { text: '学会1至2项艺术', value: 1, unit: '项', high: 2 },
    { text: '每1万～1.5万人口', value: 10_000, unit: '', high: 15_000 },
    { text: '两千人', value: 2000, unit: '人' },
    { text: '低于0.15', value: 0.15, unit: '' },
  ];
  for (const c of cases) {
    it(`should read ${c.text} as ${c.value}${c.unit}`, () => {
      const n = first(c.text);
      expect(n).toBeDefined();
      expect(n!.value).toBe(c.value);
      expect(n!.unit).toBe(c.unit);
      if (c.high !== undefined) expect(n!.high).toBe(c.high);
      expect(n!.isYear).toBe(c.isYear ?? false);
    });
  }

  it('should find every number of a distributed statement in order', () => {
    const found = scanNumbers(normalizeNumberText('小学、初中分别达到4.2人以上、5.3人以上'));
    expect(found.map((n) => [n.value, n.unit])).toEqual([[4.2, '人'], [5.3, '人']]);
  });

  it('should read a year range as years', () => {
    const [n] = scanNumbers('（2020-2035年）');
    expect(n!.isYear).toBe(true);
    expect(n!.high).toBe(2035);
  });

  it('should keep offsets that point at the number in the text', () => {
    const text = '社会认可度达到85%以上';
    const [n] = scanNumbers(text);
    expect(text.slice(n!.start, n!.end)).toBe('85%');
  });
});
