import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../extractors/targets.ts';
import type { Block } from '../../model/document.ts';

const read = (text: string) =>
  extractTargets([{ kind: 'paragraph', text, location: { line: 1 }, sectionPath: [] } as Block])
    .filter((t) => t.indicator)
    .map((t) => `${t.indicator}|${t.level}|${t.comparator}|${t.value}|${t.unit}|${t.year}`);

describe('notation of figures', () => {
  it.each([
    ['≥ and full-width points', '生均教学及辅助用房面积小学≥４．５平方米', ['R4|primary|>=|4.5|平方米|null']],
    ['≤', '资源配置指标校际差异系数小学≤0.50', ['R8|primary|<=|0.5||null']],
    ['＞ and ％', '优质普通高中招生名额分配比例＞55％', ['G14|all|>|55|%|null']],
    ['＜', '国家义务教育质量监测校际差异率＜0.15', ['Q9.gap|all|<|0.15||null']],
    ['㎡', '生均体育运动场馆面积小学达到7.5㎡以上', ['R5|primary|>=|7.5|平方米|null']],
    ['m²', '生均体育运动场馆面积初中达到10.2m²以上', ['R5|junior|>=|10.2|平方米|null']],
    ['人/百名学生', '每百名学生拥有县级以上骨干教师数小学达到1人/百名学生以上', ['R2|primary|>=|1|人|null']],
    ['元/生', '生均教学仪器设备值小学不低于2000元/生', ['R6|primary|>=|2000|元|null']],
    ['二〇二六年', '到二〇二六年，初中三年巩固率达到96%以上', ['Q1|all|>=|96|%|2026']],
    ['百分之九十五', '残疾儿童少年入学率达到百分之九十五以上', ['Q2|all|>=|95|%|null']],
    ['a range', '社会认可度达到90%—95%', ['S1|all|>=|90|%|null']],
    ['a ceiling range', '小学班额控制在40—45人', ['G5|primary|<=|45|人|null']],
    ['a range that names a category', '51～55人班额比例控制在10%以内', []],
  ])('should read %s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
