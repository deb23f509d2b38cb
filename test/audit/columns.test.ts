/**
 * Columns found by their headers (every alias of every concept), and every kind of bad
 * cell: a Chinese message naming the row and the cell, the rest of the list still audited.
 */
import { describe, expect, it } from 'vitest';
import { CONCEPTS, matchHeader, type Concept } from '../../audit/columns.ts';
import { audit, goodPrimary, HEADER, sheetOf } from './helpers.ts';

describe('matchHeader', () => {
  const cases = (Object.entries(CONCEPTS) as Array<[Concept, { aliases: string[] }]>).flatMap(([concept, { aliases }]) => aliases.map((alias) => ({ alias, concept })));
  it.each(cases)('should read the header $alias as $concept', ({ alias, concept }) => {
    expect(matchHeader(alias)).toBe(concept);
  });

  it.each([
    { header: '体育、艺术（美术、音乐）专任教师数', concept: 'peArt' },
    { header: '教学及辅助用房面积（平方米）', concept: 'teachingArea' },
    { header: '教学仪器设备值（万元）', concept: 'equipment' },
    { header: ' 在校生数 (人) ', concept: 'students' },
    { header: '其中：县级以上骨干教师数', concept: 'backbone' },
    { header: '学校类型', concept: 'level' },
    { header: '序号', concept: null },
    { header: '学校地址', concept: null },
    { header: '备注', concept: null },
  ])('should read $header as $concept', ({ header, concept }) => {
    expect(matchHeader(header)).toBe(concept);
  });
});

describe('column aliases in a school list', () => {
  it.each([
    { name: '学校', students: '在校生数' },
    { name: '校名', students: '在校学生数' },
    { name: '学校全称', students: '学生人数' },
  ])('should audit a list headed $name / $students', ({ name, students }) => {
    const header = [...HEADER];
    header[0] = name;
    header[2] = students;
    const model = audit(sheetOf([header, goodPrimary('一小'), goodPrimary('二小')]));
    expect(model.messages).toEqual([]);
    expect(model.schools.map((school) => [school.name, school.metCount, school.r9])).toEqual([['一小', 7, true], ['二小', 7, true]]);
  });

  it('should sum 体育, 音乐 and 美术 teachers given separately into R3', () => {
    const header = [...HEADER.slice(0, 5), '体育专任教师数', '音乐专任教师数', '美术专任教师数', ...HEADER.slice(6)];
    const row = ['一小', '小学', 500, 25, 6, 2, 1, 1, 2500, 4000, 1_100_000, 12];
    const model = audit(sheetOf([header, row]));
    expect(model.messages).toEqual([]);
    expect(model.schools[0]!.values.find((value) => value.indicator === 'R3')!.value).toBeCloseTo(0.8, 10);
  });

  it('should scale 教学仪器设备值（万元） to 元', () => {
    const header = [...HEADER];
    header[8] = '教学仪器设备值（万元）';
    const row = goodPrimary('一小');
    row[8] = 110;
    const model = audit(sheetOf([header, row]));
    expect(model.schools[0]!.values.find((value) => value.indicator === 'R6')!.value).toBeCloseTo(2200, 8);
  });

  it('should split a 九年一贯制 row with two student counts by students, each part with the school’s own ratios', () => {
    const header = ['学校名称', '学段', '小学学生数', '初中学生数', ...HEADER.slice(3)];
    const model = audit(sheetOf([header, ['实验学校', '九年一贯制', 600, 400, 60, 10, 9, 6000, 10000, 2_500_000, 25]]));
    expect(model.messages).toEqual([]);
    expect(model.schools.map((school) => [school.level, school.students, school.split])).toEqual([['primary', 600, true], ['junior', 400, true]]);
    for (const school of model.schools) expect(school.values.find((value) => value.indicator === 'R1')!.value).toBeCloseTo(6, 10);
  });

  it('should read a 九年一贯制 school given as a 小学 row and an 初中 row as two schools, not a duplicate', () => {
    const model = audit(sheetOf([HEADER, goodPrimary('实验学校'), ['实验学校', '初中', 400, 30, 5, 4, 2400, 4200, 1_000_000, 10]]));
    expect(model.messages).toEqual([]);
    expect(model.schools.map((school) => school.level)).toEqual(['primary', 'junior']);
    expect(model.summary.schools).toBe(1);
  });

  it('should skip a 合计 row but not a school whose name starts with 全县', () => {
    const total = ['合 计', null, 1000, 50, 12, 10, 5000, 8000, 2_200_000, 24];
    const model = audit(sheetOf([HEADER, goodPrimary('一小'), ['全县第一中学', '初中', 400, 30, 5, 4, 2400, 4200, 1_000_000, 10], total, ['全县小计', null, 1, 1, 1, 1, 1, 1, 1, 1]]));
    expect(model.messages).toEqual([]);
    expect(model.schools.map((school) => school.name)).toEqual(['一小', '全县第一中学']);
  });

  it('should judge the 学段 from the name when there is no 学段 column', () => {
    const header = HEADER.filter((text) => text !== '学段');
    const model = audit(sheetOf([header, ['城关小学', ...goodPrimary('').slice(2)], ['城关中学', ...goodPrimary('').slice(2)]]));
    expect(model.schools.map((school) => school.level)).toEqual(['primary', 'junior']);
    expect(model.messages.map((message) => message.reason)).toEqual(['未找到“学段”列：按学校名称判断学段（…小学为小学，…中学、…初中为初中）']);
  });
});

describe('bad cells', () => {
  const rows = () => [HEADER, goodPrimary('一小'), goodPrimary('二小'), goodPrimary('三小')];
  it.each([
    {
      case: 'a non-numeric cell',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![3] = '约25人'; },
      message: { row: 3, column: 'D', reason: '第 3 行 D 列（高于规定学历教师数）：“约25人”不是数字' },
      schools: 3,
    },
    {
      case: 'an empty cell',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![6] = null; },
      message: { row: 3, column: 'G', reason: '第 3 行 G 列（教学及辅助用房面积）：单元格为空' },
      schools: 3,
    },
    {
      case: '0 students',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![2] = 0; },
      message: { row: 3, column: 'C', reason: '第 3 行 C 列（学生数）：学生数为 0，二小（小学）未计入（无法计算每百名学生和生均指标）' },
      schools: 2,
    },
    {
      case: 'text in the students cell',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![2] = '五百'; },
      message: { row: 3, column: 'C', reason: '第 3 行 C 列（学生数）：“五百”不是数字，二小（小学）未计入' },
      schools: 2,
    },
    {
      case: 'a duplicate school',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![0] = '一小'; },
      message: { row: 3, column: 'A', reason: '第 3 行 A 列（学校名称）：学校“一小”（小学）与第 2 行重复，本行未计入' },
      schools: 2,
    },
    {
      case: 'a negative figure',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![9] = -3; },
      message: { row: 3, column: 'J', reason: '第 3 行 J 列（网络多媒体教室数）：-3 为负数' },
      schools: 3,
    },
    {
      case: 'an unknown 学段',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![1] = '幼儿园'; },
      message: { row: 3, column: 'B', reason: '第 3 行 B 列（学段）：无法判断学段“幼儿园”（应为小学、初中或九年一贯制），该校未计入' },
      schools: 2,
    },
    {
      case: 'a school without a name',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![0] = null; },
      message: { row: 3, column: 'A', reason: '第 3 行 A 列（学校名称）：学校名称为空，该行未计入' },
      schools: 2,
    },
    {
      case: 'a 九年一贯制 row without two student counts',
      change: (sheet: Array<Array<string | number | null>>) => { sheet[2]![1] = '九年一贯制'; },
      message: { row: 3, column: 'B', reason: '第 3 行 B 列（学段）：九年一贯制学校写在一行时须有“小学学生数”和“初中学生数”两列（或分作小学、初中两行），该校未计入' },
      schools: 2,
    },
  ])('should name the row and cell of $case and audit the rest', ({ change, message, schools }) => {
    const sheet = rows();
    change(sheet);
    const model = audit(sheetOf(sheet));
    expect(model.messages).toEqual([message]);
    expect(model.schools).toHaveLength(schools);
    expect(model.schools.some((school) => school.name === '三小' && school.r9 === true)).toBe(true);
  });

  it('should name a missing column, leave its indicator unknown and R9 undecided, and audit the others', () => {
    const sheet = rows().map((row) => row.filter((_, at) => at !== 4));
    const model = audit(sheetOf(sheet));
    expect(model.messages).toEqual([{ row: null, column: null, reason: '未找到“县级以上骨干教师数”列（也可写作“县级及以上骨干教师数”、“骨干教师数”）：依赖此列的指标不计算' }]);
    expect(model.schools).toHaveLength(3);
    for (const school of model.schools) {
      expect(school.values.find((value) => value.indicator === 'R2')!.value).toBeNull();
      expect([school.metCount, school.known, school.r9]).toEqual([6, 6, null]);
    }
    expect(model.statistics.find((item) => item.level === 'primary' && item.indicator === 'R2')!.cv).toBeNull();
    expect(model.statistics.find((item) => item.level === 'primary' && item.indicator === 'R1')!.cv).toBe(0);
  });

  it('should refuse a sheet without a header naming the schools and their students', async () => {
    const { auditCounty, AuditError } = await import('../../audit/audit-county.ts');
    const { STANDARD } = await import('./helpers.ts');
    expect(() => auditCounty(sheetOf([['序号', '名称'], [1, '一小']]), { file: 'x.csv', standard: STANDARD, year: 2025 })).toThrow(AuditError);
  });
});

describe('an overlay of the standard', () => {
  it('should judge R1 against the overlay’s threshold and name its source', async () => {
    const { auditCounty } = await import('../../audit/audit-county.ts');
    const { loadStandard } = await import('../../model/standard.ts');
    const { NATIONAL } = await import('./helpers.ts');
    const overlay = { id: 'example-2024', title: '某省实施办法', thresholds: [{ indicator: 'R1', level: 'primary', comparator: '>=', value: 5.5 }] };
    const standard = loadStandard(NATIONAL, [overlay]);
    const model = auditCounty(sheetOf([HEADER, goodPrimary('一小')]), { file: 'x.xlsx', standard, year: 2025 });
    const r1 = model.schools[0]!.values[0]!;
    expect(r1).toMatchObject({ value: 5, met: false, threshold: { comparator: '>=', value: 5.5, source: '某省实施办法' } });
    expect(model.schools[0]!.r9).toBe(true);
  });
});
