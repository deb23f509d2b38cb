import { describe, expect, it } from 'vitest';
import { provinceOf } from '../../reports/province.ts';

describe('provinceOf', () => {
  it.each([
    [{ region: '南安市', issuer: '南安市人民政府办公室', title: null }, '福建省'],
    [{ region: '沁县', issuer: null, title: null }, '山西省'],
    [{ region: '南川区', issuer: null, title: null }, '重庆市'],
    [{ region: '鼓楼区', issuer: '福州市鼓楼区人民政府', title: null }, '福建省'],
    [{ region: '鼓楼区', issuer: null, title: null }, null],
    [{ region: '望江区', issuer: '佳木斯市望江区人民政府', title: '黑龙江省某方案' }, '黑龙江省'],
    [{ region: null, issuer: null, title: null }, null],
  ])('should place %j in %s', (metadata, province) => {
    expect(provinceOf(metadata)).toBe(province);
  });
});
