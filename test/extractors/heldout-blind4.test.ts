import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { expectHeldOutFloors, heldOutPlans, type Floors } from './heldout-harness.ts';
import { clauseCovers } from '../../extractors/coverage.ts';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { findSentenceResponsibilities } from '../../extractors/responsibility-sentences.ts';

/**
 * Fourth round of blind held-out plans (test/heldout/blind4-<name>/plan.txt; gold.json
 * annotated before the extractors first ran on them): a plan set out by the standard's four
 * areas with a 部门职责 section of numbered units ending in a full stop (（一）县教育局。负责…),
 * and a short 实施意见 with a 年度推进计划 of year lines and responsibilities only in
 * sentences. The floors pin what the extractors reach on them after the fixes they showed.
 */
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const floors: Record<string, Floors> = {
  qiaoshan: { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
  fenglin: { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
};

describe('rules found by the fourth blind round', () => {
  it('should read a numbered unit ending in a full stop, then 负责…, as a duty paragraph', async () => {
    const doc = await ingest(bytes('四、部门职责\n（一）县教育局。负责统筹做好教师配备和迎检工作。\n（二）其他有关部门。按照各自职责做好相关工作。\n'), '.txt');
    const found = extractResponsibilities(doc.blocks, doc.metadata);
    expect(found.map((r) => [r.task, r.departments.map((d) => d.name)])).toEqual([['负责统筹做好教师配备和迎检工作', ['县教育局']]]);
  });

  it('should not read a measure title ending in a full stop as a duty', async () => {
    const doc = await ingest(bytes('（一）加强组织领导。负责同志要亲自抓。\n'), '.txt');
    expect(extractResponsibilities(doc.blocks, doc.metadata)).toEqual([]);
  });

  it('should give the work after 成立…领导小组，领导小组办公室负责… to the office alone', () => {
    const found = findSentenceResponsibilities('县政府成立义务教育优质均衡发展工作领导小组，领导小组办公室负责日常协调调度。');
    expect(found.map((r) => [r.task, r.departments.map((d) => d.name)])).toEqual([['负责日常协调调度', ['领导小组办公室']]]);
  });

  it('should read 布局专项规划 as covering the layout requirement', () => {
    expect(clauseCovers('G1', '编制完善县域义务教育学校布局专项规划')).toBe(true);
  });
});

describe('fourth blind held-out plans', () => {
  it('should have a floor for every fourth-round blind plan', () => {
    const found = heldOutPlans('blind4-');
    expect(found.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const [name, floor] of Object.entries(floors)) {
    it(`should keep every kind of ${name} above its floor`, async () => {
      await expectHeldOutFloors(`blind4-${name}`, 'plan.txt', floor);
    });
  }
});
