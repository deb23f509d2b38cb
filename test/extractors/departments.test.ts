import { describe, expect, it } from 'vitest';
import { departmentType, isGenericGroup } from '../../extractors/department-catalogue.ts';
import { isDepartmentList, parseDepartmentList, readDepartmentAt } from '../../extractors/departments.ts';

const names = (text: string, region?: string) => parseDepartmentList(text, 'support', { region }).departments.map((d) => d.name);

describe('parseDepartmentList', () => {
  const cases: { text: string; region?: string; expected: string[] }[] = [
    { text: '市发改局、教育局、财政局', expected: ['市发改局', '市教育局', '市财政局'] },
    { text: '各乡镇（街道）人民政府（办事处），市发改局、教育局、资源局', expected: ['各乡镇（街道）人民政府（办事处）', '市发改局', '市教育局', '市资源局'] },
    { text: '市教育局、民政局，团市委、关工委、妇联', expected: ['市教育局', '市民政局', '团市委', '市关工委', '市妇联'] },
    { text: '市委编办，市教育局、人社局', expected: ['市委编办', '市教育局', '市人社局'] },
    { text: '区教委、区融媒体中心等相关职能部门、乡镇（街道）', expected: ['区教委', '区融媒体中心', '乡镇（街道）'] },
    { text: '区教委、区委编办、区公安局等相关职能部门', expected: ['区教委', '区委编办', '区公安局'] },
    { text: '教育局、各镇街', expected: ['教育局', '各镇街'] },
    { text: '南川区教委、财政局', region: '南川区', expected: ['南川区教委', '南川区财政局'] },
    { text: '各部门、各单位', expected: [] },
    { text: '有关部门，相关单位', expected: [] },
    { text: '县教育局、各乡镇人民政府、街道办事处', expected: ['县教育局', '各乡镇人民政府、街道办事处'] },
    { text: '县教育局（牵头）、县财政局', expected: ['县教育局', '县财政局'] },
    { text: '县教育局牵头，县财政局、县人社局配合', expected: ['县教育局', '县财政局', '县人社局'] },
    { text: '区教育局、区政府采购中心', expected: ['区教育局', '区政府采购中心'] },
    { text: '县教育局、各中小学校', expected: ['县教育局'] },
  ];
  for (const { text, region, expected } of cases) {
    it(`should read ${text} as ${expected.join(' ') || 'no department'}`, () => {
      expect(names(text, region)).toEqual(expected);
    });
  }

  it('should give every name the role it is asked for', () => {
    const list = parseDepartmentList('县教育局、县财政局', 'lead');
    expect(list.departments.map((d) => d.role)).toEqual(['lead', 'lead']);
  });

  it('should read a role written after a name', () => {
    const list = parseDepartmentList('县教育局（牵头）、县财政局、县人社局配合');
    expect(list.departments.map((d) => `${d.name}:${d.role}`)).toEqual(['县教育局:lead', '县财政局:responsible', '县人社局:support']);
    expect(list.complete).toBe(true);
  });

  it('should type every name from the catalogue', () => {
    const list = parseDepartmentList('区人力社保局、区住房城乡建委');
    expect(list.departments.map((d) => d.type)).toEqual(['human-resources', 'housing']);
  });

  it('should report a list with a piece that is no department as incomplete', () => {
    expect(parseDepartmentList('市教育局、全体教师').complete).toBe(false);
  });
});

describe('readDepartmentAt', () => {
  const cases: { text: string; expected: string | undefined }[] = [
    { text: '区委督查室、区政府督查室', expected: '区委督查室' },
    { text: '区政府教育督导室要', expected: '区政府教育督导室' },
    { text: '县人力资源社会保障局负责', expected: '县人力资源社会保障局' },
    { text: '区创建工作领导小组办公室牵头', expected: '区创建工作领导小组办公室' },
    { text: '县级教育行政部门在核定的', expected: '县级教育行政部门' },
    { text: '全面推进学校建设', expected: undefined },
  ];
  for (const { text, expected } of cases) {
    it(`should read ${expected ?? 'nothing'} at the start of ${text}`, () => {
      expect(readDepartmentAt(text)?.name).toBe(expected);
    });
  }
});

describe('isDepartmentList', () => {
  const valid = ['教育局、各镇街、残联', '区教委、区委编办、', '领导小组各成员单位', '财政局'];
  const invalid = ['资源配置', '15项指标均要达到要求。', '县教育局要统筹设计小学入学办法', '社会认可度达到85%以上。'];
  for (const text of valid) it(`should take ${text} for a 责任 cell`, () => expect(isDepartmentList(text)).toBe(true));
  for (const text of invalid) it(`should not take ${text} for a 责任 cell`, () => expect(isDepartmentList(text)).toBe(false));
});

describe('departmentType', () => {
  const cases: [string, string][] = [
    ['区财政局', 'finance'], ['财政部门', 'finance'], ['县教育局', 'education'], ['区教委', 'education'],
    ['县教体局', 'education'], ['市发改局', 'development-reform'], ['区发展改革委', 'development-reform'],
    ['市人社局', 'human-resources'], ['区人力社保局', 'human-resources'], ['县自然资源局', 'natural-resources'],
    ['区规划自然资源局', 'natural-resources'], ['市住建局', 'housing'], ['区委编办', 'staffing'],
    ['区卫生健康委', 'health'], ['市公安局', 'public-security'], ['各镇街', 'township'],
    ['各乡镇（街道）人民政府（办事处）', 'township'], ['领导小组办公室', 'leading-group'],
    ['区政府教育督导室', 'education-inspectorate'], ['南翼集团', 'other'],
  ];
  for (const [name, type] of cases) it(`should type ${name} as ${type}`, () => expect(departmentType(name)).toBe(type));
});

describe('isGenericGroup', () => {
  const generic = ['各部门', '各单位', '有关部门', '相关单位', '其他有关部门（单位）', '相关职能部门', '区级有关部门', '各中小学校', '各级各类学校'];
  const named = ['各成员单位', '县级教育行政部门', '财政部门', '各乡镇（街道）'];
  for (const name of generic) it(`should drop ${name} as a generic group`, () => expect(isGenericGroup(name)).toBe(true));
  for (const name of named) it(`should keep ${name} as a named unit`, () => expect(isGenericGroup(name)).toBe(false));
});
