import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { scanDates } from '../../extractors/date-scanner.ts';
import { extractDeadlines } from '../../extractors/deadlines.ts';
import { expectHeldOutFloors, heldOutPlans, type Floors } from './heldout-harness.ts';

/**
 * Sixth round of blind held-out plans (test/heldout/blind6-<name>/plan.txt, gold.json
 * annotated before the extractors first ran on it): a 市辖区 plan with 区-prefixed
 * departments, 责任主体/主责单位 lines, targets written 达到或超过, 确保不少于, 逐年提高至,
 * 控制在…之内, 95%（含）以上, term and quarter deadlines (2023年秋季学期前, 2024年第一季度)
 * and a tab-separated 附表 whose rows are 小学/初中 and whose columns are years.
 * The floors pin what the extractors reach after the fixes it showed.
 */
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const floors: Record<string, Record<string, Floors>> = {
  luwan: {
    'plan.txt': { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
  },
};

describe('rules found by the sixth blind round', () => {
  // DECISIONS.md: a quarter, a half year and a term given as a time are periods.
  it.each([
    ['于2024年第一季度完成编制核定', ['2024-01', '2024-03']],
    ['2024年第三季度', ['2024-07', '2024-09']],
    ['2024年第一季度末完成', [null, '2024-03']],
    ['2025年上半年完成智慧校园建设', ['2025-01', '2025-06']],
    ['2026年下半年迎接省级督导评估', ['2026-07', '2026-12']],
    ['2028年上半年前', [null, '2028-06']],
    ['2024年秋季学期', ['2024-09', '2025-01']],
    ['2025年春季学期', ['2025-02', '2025-07']],
    ['2025年4月中旬—4月底', ['2025-04', '2025-04']],
  ])('should read %s as the period %j', (text, period) => {
    expect(scanDates(text).map((d) => [d.start, d.end])).toEqual([period]);
  });

  it('should read 2023年秋季学期前 as by September 2023', () => {
    expect(scanDates('2023年秋季学期前完成学位测算').map((d) => [d.start, d.end])).toEqual([[null, '2023-09']]);
  });

  it('should still read 2025年秋季 at the start of a stage as the year alone', () => {
    expect(scanDates('评估验收阶段（2025年秋季至2026年12月）').map((d) => [d.start, d.end])).toEqual([['2025', '2026-12']]);
  });

  it('should take the year columns of a flattened table\'s first row as target years', async () => {
    const text = '附表\n指标\t学段\t2023年\t2024年\n生均教学仪器设备值（元）\t小学\t1800\t1900\n';
    const doc = await ingest(bytes(text), '.txt');
    expect(extractDeadlines(doc.blocks, doc.metadata).map((d) => d.end)).toEqual(['2023', '2024']);
  });

  it('should not read a bare 1900 beside other figures of a row as a year', async () => {
    const doc = await ingest(bytes('生均教学仪器设备值（元）\t1800\t1900\t2000\n'), '.txt');
    expect(extractDeadlines(doc.blocks, doc.metadata)).toEqual([]);
  });

  it('should not take year columns from a flattened row that follows another row', async () => {
    const text = '指标\t学段\t备注\n合计\t2023年\t2024年\n';
    const doc = await ingest(bytes(text), '.txt');
    expect(extractDeadlines(doc.blocks, doc.metadata)).toEqual([]);
  });
});

describe('sixth blind held-out plans', () => {
  it('should have a floor for every sixth-round blind plan', () => {
    const found = heldOutPlans('blind6-');
    expect(found.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const [name, files] of Object.entries(floors)) {
    for (const [file, floor] of Object.entries(files)) {
      it(`should keep every kind of ${name} (${file}) above its floor`, async () => {
        await expectHeldOutFloors(`blind6-${name}`, file, floor);
      });
    }
  }
});
