import { describe, expect, it } from 'vitest';
import { extractStatementTargets, type StatementTarget } from '../../extractors/target-statement.ts';

const context = { year: null, kind: null, documentYear: 2022 } as const;
type Expected = Partial<Pick<StatementTarget, 'indicator' | 'level' | 'comparator' | 'value' | 'unit' | 'kind' | 'year'>>;
const scored = (text: string) => extractStatementTargets(text, context).filter((t) => t.indicator !== null);
const pick = (t: StatementTarget) => ({ indicator: t.indicator, level: t.level, comparator: t.comparator, value: t.value });

describe('extractStatementTargets', () => {
  const cases: Array<{ name: string; text: string; expected: Expected[] }> = [
    {
      name: 'should read 小学、初中分别达到4.2人以上、5.3人以上 as two R1 targets',
      text: '每百名学生拥有高于规定学历教师数：小学、初中分别达到4.2人以上、5.3人以上；',
      expected: [
        { indicator: 'R1', level: 'primary', comparator: '>=', value: 4.2 },
        { indicator: 'R1', level: 'junior', comparator: '>=', value: 5.3 },
      ],
    },
    {
      name: 'should read 小学、初中均达到0.9人以上 as one figure for both levels',
      text: '每百名学生拥有体育、艺术（美术、音乐）专任教师数：小学、初中均达到0.9人以上',
      expected: [
        { indicator: 'R3', level: 'primary', comparator: '>=', value: 0.9 },
        { indicator: 'R3', level: 'junior', comparator: '>=', value: 0.9 },
      ],
    },
    {
      name: 'should read four G4 targets from the school-size statement',
      text: '所有小学、初中规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超过2500人',
      expected: [
        { indicator: 'G4', level: 'primary', comparator: '<=', value: 2000 },
        { indicator: 'G4', level: 'junior', comparator: '<=', value: 2000 },
        { indicator: 'G4', level: 'nineYear', comparator: '<=', value: 2500 },
        { indicator: 'G4', level: 'twelveYear', comparator: '<=', value: 2500 },
      ],
    },
    {
      name: 'should read 中学 as junior in a compulsory-education statement',
      text: '小学、中学每百名学生拥有高于规定学历教师数分别达到4人以上，5.3人以上。',
      expected: [
        { indicator: 'R1', level: 'primary', comparator: '>=', value: 4 },
        { indicator: 'R1', level: 'junior', comparator: '>=', value: 5.3 },
      ],
    },
    {
      name: 'should expand 中小学 to both levels for a per-level indicator',
      text: '全市中小学每百名学生拥有县级以上骨干教师数达到1人以上',
      expected: [
        { indicator: 'R2', level: 'primary', comparator: '>=', value: 1 },
        { indicator: 'R2', level: 'junior', comparator: '>=', value: 1 },
      ],
    },
    {
      name: 'should read the name of an indicator that follows its number',
      text: '保证全区义务教育学校每100名学生至少拥有1名区级以上骨干教师。',
      expected: [
        { indicator: 'R2', level: 'primary', comparator: '>=', value: 1 },
        { indicator: 'R2', level: 'junior', comparator: '>=', value: 1 },
      ],
    },
    {
      name: 'should read 基本消除56人及以上大班额 as G5 all <= 55',
      text: '到2025年，基本消除56人及以上大班额、51～55人班额比例控制在10%以内',
      expected: [{ indicator: 'G5', level: 'all', comparator: '<=', value: 55 }],
    },
    {
      name: 'should read the small-school funding rule as G6 >= 100',
      text: '不足100名学生的村小学和教学点按100名学生核定公用经费；',
      expected: [{ indicator: 'G6', level: 'all', comparator: '>=', value: 100 }],
    },
    {
      name: 'should not read the junior-school funding rule as G6',
      text: '对在校生不足300人的公办初中按300人的1.2倍核定公用经费。',
      expected: [],
    },
    {
      name: 'should read a music room area in parentheses as G3.music and an art room area as G3.art',
      text: '确保中小学每12个班至少配备音乐室1间（96㎡以上）、美术室1间（90㎡以上）',
      expected: [
        { indicator: 'G3', level: 'all', comparator: '>=', value: 1 },
        { indicator: 'G3.music', level: 'all', comparator: '>=', value: 96 },
        { indicator: 'G3.art', level: 'all', comparator: '>=', value: 90 },
      ],
    },
    {
      name: 'should read the rotation share and its backbone share apart',
      text: '全县每年交流轮岗教师的比例不低于符合交流条件教师总数的10%；其中，骨干教师不低于交流轮岗教师总数的20%；',
      expected: [
        { indicator: 'G11', level: 'all', comparator: '>=', value: 10 },
        { indicator: 'G11.backbone', level: 'all', comparator: '>=', value: 20 },
      ],
    },
    {
      name: 'should read 学业水平达到Ⅲ级以上 as Q9 >= 3 and 校际差异率低于0.15 as Q9.gap < 0.15',
      text: '在国家义务教育质量监测中，相关科目学生学业水平达到Ⅲ级以上，且校际差异率低于0.15。',
      expected: [
        { indicator: 'Q9', level: 'all', comparator: '>=', value: 3 },
        { indicator: 'Q9.gap', level: 'all', comparator: '<', value: 0.15 },
      ],
    },
    {
      name: 'should read 随迁子女入读公办学校比例100% as G15',
      text: '到2025年，全县随迁子女入读公办学校比例须达到100%。',
      expected: [{ indicator: 'G15', level: 'all', comparator: '>=', value: 100 }],
    },
    {
      name: 'should read 群众对教育的满意度95%以上 as S1',
      text: '群众对教育的满意度、学校和社会对政府管理义务教育的满意度均达95%以上',
      expected: [{ indicator: 'S1', level: 'all', comparator: '>=', value: 95 }],
    },
    {
      name: 'should read 残疾儿童少年义务教育入学率98% as Q2',
      text: '到 2025 年，全县残疾儿童少年义务教育入学率须达到 98% 以上。',
      expected: [{ indicator: 'Q2', level: 'all', comparator: '>=', value: 98 }],
    },
    {
      name: 'should read Q1 as county-wide although its name says 初中',
      text: '全市初中三年巩固率达到95%以上；',
      expected: [{ indicator: 'Q1', level: 'all', comparator: '>=', value: 95 }],
    },
    {
      name: 'should keep separate per-level figures of a county-wide indicator',
      text: '随迁子女在公办学校就读率，小学占比100%，初中占比99.4%。',
      expected: [
        { indicator: 'G15', level: 'primary', comparator: '=', value: 100 },
        { indicator: 'G15', level: 'junior', comparator: '=', value: 99.4 },
      ],
    },
    {
      name: 'should read 余项不低于标准的85% as R9',
      text: '7项指标中至少6项达到评估标准，余项不低于标准的85%；',
      expected: [{ indicator: 'R9', level: 'all', comparator: '>=', value: 85 }],
    },
    {
      name: 'should read a coefficient of variation stated per level after the name',
      text: '所有指标校际差异系数，小学均小于或等于0.50，初中均小于或等于0.45。',
      expected: [
        { indicator: 'R8', level: 'primary', comparator: '<=', value: 0.5 },
        { indicator: 'R8', level: 'junior', comparator: '<=', value: 0.45 },
      ],
    },
    {
      name: 'should not read 生均教学及辅助用房面积达标率达76% as R4',
      text: '力争生均教学及辅助用房面积达标率达76%、生均体育运动场馆面积虽已达标达83%。',
      expected: [],
    },
    {
      name: 'should not read 达标学校比例60%以上 as the indicator',
      text: '小学达标学校比例60%以上，中学达标学校比例98%以上。',
      expected: [],
    },
    { name: 'should not read 九年义务教育巩固率 as Q1', text: '九年义务教育巩固率达到96%以上；', expected: [] },
    { name: 'should not read 本科及以上学历比例 as R1', text: '小学、中学专任教师本科及以上学历比例进一步提升，分别达到70%、90%。', expected: [] },
    { name: 'should not read 继续教育经费占工资总额 as Q4', text: '教师继续教育经费达到教职工年度工资总额2%。', expected: [] },
    { name: 'should read 公用经费预算总额的5% as Q4', text: '全县所有学校按照不低于学校年度公用经费预算总额的5%安排教师培训经费；', expected: [{ indicator: 'Q4', level: 'all', comparator: '>=', value: 5 }] },
    { name: 'should not read counts of schools in a status report as targets', text: '全市学校超过2000人的小学10所，超过45人的小学班级1352个，超过50人的初中班级84个；', expected: [] },
    { name: 'should not read document numbers or item counts as targets', text: '根据《办法》（教督〔2017〕6号）第5条，7项指标、15项指标均要达到要求。', expected: [] },
    { name: 'should not read the participation rate of training as the completion rate', text: '教师按时完成培训，参训率达100%。', expected: [] },
    {
      name: 'should give a level named as the head of a list (小学：…) to every figure after it',
      text: '4.小学：生均教学及辅助用房面积≥4.5㎡，生均体育运动场馆面积≥7.5㎡，生均教学仪器设备值≥2000元；',
      expected: [
        { indicator: 'R4', level: 'primary', comparator: '>=', value: 4.5 },
        { indicator: 'R5', level: 'primary', comparator: '>=', value: 7.5 },
        { indicator: 'R6', level: 'primary', comparator: '>=', value: 2000 },
      ],
    },
    {
      name: 'should let 均 take the levels named earlier in the sentence',
      text: '全区小学、初中每百名学生拥有高于规定学历教师数分别达到4.2人、5.3人以上，每百名学生拥有县级以上骨干教师数均达到1人以上。',
      expected: [
        { indicator: 'R1', level: 'primary', comparator: '>=', value: 4.2 },
        { indicator: 'R1', level: 'junior', comparator: '>=', value: 5.3 },
        { indicator: 'R2', level: 'primary', comparator: '>=', value: 1 },
        { indicator: 'R2', level: 'junior', comparator: '>=', value: 1 },
      ],
    },
    {
      name: 'should read 不足100人的，按100人核定公用经费 as G6 across the comma',
      text: '村小学和教学点在校生不足100人的，按100人核定公用经费。',
      expected: [{ indicator: 'G6', level: 'all', comparator: '>=', value: 100 }],
    },
    {
      name: 'should read 56人以上大班额全部消除 as G5 at most 55',
      text: '56人以上大班额全部消除。',
      expected: [{ indicator: 'G5', level: 'all', comparator: '<=', value: 55 }],
    },
    {
      name: 'should read 保持百分之百 as a plain percentage',
      text: '专任教师持有教师资格证上岗率保持百分之百。',
      expected: [{ indicator: 'G12', level: 'all', comparator: '=', value: 100 }],
    },
    {
      name: 'should read 其余项目 as the R9 remainder and 教师交流轮岗比例 as G11',
      text: '每所学校至少6项达标，其余项目达到标准的85%以上；教师交流轮岗比例不低于10%。',
      expected: [
        { indicator: 'R9', level: 'all', comparator: '>=', value: 85 },
        { indicator: 'G11', level: 'all', comparator: '>=', value: 10 },
      ],
    },
    {
      name: 'should read a share of 高中招生名额 written before the number as G14, not an earlier indicator',
      text: '就近划片入学比例分别达到100%和95%，优质普通高中招生名额的50%以上分配到区域内初中学校。',
      expected: [
        { indicator: 'G13', level: 'all', comparator: '>=', value: 100 },
        { indicator: 'G13', level: 'all', comparator: '>=', value: 95 },
        { indicator: 'G14', level: 'all', comparator: '>=', value: 50 },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const distinct = [...new Map(scored(c.text).map((t) => [JSON.stringify(pick(t)), pick(t)])).values()];
      expect(distinct).toEqual(c.expected.map((e) => ({ indicator: e.indicator, level: e.level, comparator: e.comparator, value: e.value })));
    });
  }

  it('should keep a related measure as a target with a null indicator', () => {
    const all = extractStatementTargets('九年义务教育巩固率达到96%以上；', context);
    expect(all).toEqual([expect.objectContaining({ indicator: null, value: 96, unit: '%', comparator: '>=' })]);
  });

  it('should give a ratio the empty unit and an area 平方米', () => {
    const [r8] = scored('小学和初中区域内校际间综合差异系数分别不大于0.50和0.45');
    expect(r8).toMatchObject({ indicator: 'R8', unit: '', comparator: '<=' });
    const [r4] = scored('生均教学及辅助用房小学、初中分别达到4.5㎡和5.8㎡以上');
    expect(r4).toMatchObject({ indicator: 'R4', unit: '平方米', value: 4.5 });
  });

  it('should read 全市均值 figures as baselines with the = comparator', () => {
    const found = scored('每百名学生拥有高于规定学历教师数全市均值小学3.96,初中6.69；');
    expect(found.map((t) => [t.level, t.value, t.kind, t.comparator, t.unit])).toEqual([
      ['primary', 3.96, 'baseline', '=', '人'],
      ['junior', 6.69, 'baseline', '=', '人'],
    ]);
  });

  it('should join a line broken inside the name of an indicator', () => {
    const found = extractStatementTargets('育学校生均公用经费不低于 6000 元；', { ...context, prefix: '特殊教' });
    expect(found.map(pick)).toEqual([{ indicator: 'G7', level: 'all', comparator: '>=', value: 6000 }]);
  });
});
