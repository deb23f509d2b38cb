/**
 * The generated county (40 schools, seed 20240601) in every format it is committed in,
 * audited, against figures computed here from the generator's own rows by the formulas of
 * 教督〔2017〕6号, independently of the audit's code: per school the seven values, met or not,
 * R9; per 学段 and indicator the student-weighted mean, S and CV, to 4 decimals.
 */
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../scripts/fixtures/school-county.mjs';
import { auditFile, NATIONAL } from './helpers.ts';

type Row = ReturnType<typeof generateCounty>[number];
const ROWS = generateCounty(40, 20240601);
const KEYS: Array<[string, keyof Row, number]> = [
  ['R1', 'qualified', 100], ['R2', 'backbone', 100], ['R3', 'peArt', 100], ['R4', 'teachingArea', 1],
  ['R5', 'sportsArea', 1], ['R6', 'equipment', 1], ['R7', 'multimedia', 100],
];
const threshold = (id: string, level: string) =>
  NATIONAL.indicators.find((item) => item.id === id)!.thresholds!.find((item) => item.level === (level === '小学' ? 'primary' : 'junior'))!.value;

/** The expected figures, from the rows. */
function expected() {
  const schools = ROWS.map((row) => {
    const values = KEYS.map(([id, key, per]) => ({ id, value: ((row[key] as number) / row.students) * per }));
    const met = values.map(({ id, value }) => Number(value.toPrecision(10)) >= threshold(id, row.level));
    const metCount = met.filter(Boolean).length;
    const r9 = metCount >= 6 && values.every(({ id, value }, at) => met[at] || value >= 0.85 * threshold(id, row.level));
    return { name: row.name, level: row.level, values, metCount, r9 };
  });
  const statistics = ['小学', '初中'].flatMap((level) => KEYS.map(([id, key, per]) => {
    const own = ROWS.filter((row) => row.level === level);
    const P = own.reduce((sum, row) => sum + row.students, 0);
    const x = own.map((row) => ((row[key] as number) / row.students) * per);
    const mean = own.reduce((sum, row, i) => sum + row.students * x[i]!, 0) / P;
    const S = Math.sqrt(own.reduce((sum, row, i) => sum + row.students * (x[i]! - mean) ** 2, 0) / P);
    return { level, id, mean, S, CV: S / mean };
  }));
  return { schools, statistics };
}

describe('the generated county', () => {
  const want = expected();

  it('should have 40 schools, some of them 九年一贯制 on two rows', () => {
    expect(new Set(ROWS.map((row) => row.name)).size).toBe(40);
    expect(ROWS.length).toBeGreaterThan(40);
  });

  it.each(['test/fixtures/schools/county.xlsx', 'test/fixtures/schools/county.xls', 'test/fixtures/schools/county-utf8.csv', 'test/fixtures/schools/county-gbk.csv'])(
    'should audit %s as computed independently, to 4 decimals',
    async (path) => {
      const model = await auditFile(path);
      expect(model.messages).toEqual([]);
      expect(model.schools).toHaveLength(ROWS.length);
      expect(model.summary.schools).toBe(40);
      for (const [at, school] of model.schools.entries()) {
        const own = want.schools[at]!;
        expect(school.name).toBe(own.name);
        expect(school.level).toBe(own.level === '小学' ? 'primary' : 'junior');
        expect(school.values.map((value) => value.value!.toFixed(4))).toEqual(own.values.map((value) => value.value.toFixed(4)));
        expect(school.metCount).toBe(own.metCount);
        expect(school.r9).toBe(own.r9);
      }
      for (const item of want.statistics) {
        const got = model.statistics.find((statistic) => statistic.indicator === item.id && statistic.level === (item.level === '小学' ? 'primary' : 'junior'))!;
        expect([got.mean!.toFixed(4), got.sd!.toFixed(4), got.cv!.toFixed(4)], `${item.level} ${item.id}`).toEqual([item.mean.toFixed(4), item.S.toFixed(4), item.CV.toFixed(4)]);
        expect(got.withinLimit).toBe(item.CV <= (item.level === '小学' ? 0.5 : 0.45));
      }
      // Both outcomes occur, so the comparisons above can fail either way.
      expect(model.summary.r9Met).toBeGreaterThan(0);
      expect(model.summary.r9NotMet).toBeGreaterThan(0);
    },
  );

  it('should read the GBK file as GB18030 and the UTF-8 one with its BOM', async () => {
    expect((await auditFile('test/fixtures/schools/county-gbk.csv')).source.encoding).toBe('GB18030');
    expect((await auditFile('test/fixtures/schools/county-utf8.csv')).source.encoding).toBe('UTF-8 (BOM)');
  });
});
