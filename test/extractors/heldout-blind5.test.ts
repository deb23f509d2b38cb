import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import type { Block } from '../../model/document.ts';
import { expectHeldOutFloors, heldOutPlans, type Floors } from './heldout-harness.ts';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { extractTargets } from '../../extractors/targets.ts';
import { readTableRowResponsibility } from '../../extractors/responsibility-tables.ts';
import type { Responsibility } from '../../model/plan.ts';

/**
 * Fifth round of blind held-out plans, read through all three renditions
 * (test/heldout/blind5-<name>/plan.{txt,docx,pdf}, made by scripts/fixtures/make-blind5.mjs;
 * gold.json annotated before the extractors first ran on them): a 通知 with measures and
 * 责任单位 lines, a 重点任务分解表 (序号 | 任务 | 目标要求 | 牵头单位 | 配合单位 | 完成时限) whose
 * 牵头单位 cell is merged down over several rows, and a stage section. The floors pin what
 * the extractors reach on each rendition after the fixes they showed.
 */
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const floors: Record<string, Record<string, Floors>> = {
  tingchuan: {
    'plan.txt': { targets: 0.99, deadlines: 0.99, responsibilities: 0.98, coverage: 1 },
    'plan.docx': { targets: 0.99, deadlines: 0.99, responsibilities: 0.98, coverage: 1 },
    'plan.pdf': { targets: 0.99, deadlines: 0.99, responsibilities: 0.98, coverage: 1 },
  },
};

const header = ['序号', '任务', '目标要求', '牵头单位', '配合单位', '完成时限'];
function row(cells: string[]): Block {
  return { kind: 'tableRow', text: cells.join('\t'), cells, table: { index: 0, header }, sectionPath: [], location: { page: 1 } } as unknown as Block;
}

describe('rules found by the fifth blind round', () => {
  it('should date a table figure by its row\'s 完成时限 cell', () => {
    const found = extractTargets([row(['1', '充实教师', '每百名学生拥有高于规定学历教师数小学4.2人以上', '县教育局', '县人社局', '2025年12月'])]);
    expect(found.map((t) => [t.indicator, t.value, t.year])).toEqual([['R1', 4.2, 2025]]);
  });

  it('should date a flattened table figure by the 完成时限 line of its row', async () => {
    const text = `${header.join('\n')}\n1\n充实教师\n每百名学生拥有高于规定学历教师数小学4.2人以上\n县教育局\n县人社局\n2025年12月\n`;
    const doc = await ingest(bytes(text), '.txt');
    expect(extractTargets(doc.blocks, doc.metadata).map((t) => [t.indicator, t.year])).toEqual([['R1', 2025]]);
  });

  it('should carry the lead of the row above into a row whose 牵头单位 cell is empty', () => {
    const first = readTableRowResponsibility(row(['1', '充实教师', '目标', '县教育局', '县人社局', '2025年12月']));
    const second = readTableRowResponsibility(row(['2', '配强骨干', '目标', '', '县委编办', '2025年12月']), {}, first as Responsibility);
    expect(second?.departments.map((d) => [d.name, d.role])).toEqual([['县教育局', 'lead'], ['县委编办', 'support']]);
  });

  it('should read 音乐、美术专用教室面积 as the music and the art room\'s figure', async () => {
    const doc = await ingest(bytes('每间音乐、美术专用教室面积不小于96平方米。\n'), '.txt');
    expect(extractTargets(doc.blocks, doc.metadata).map((t) => t.indicator).sort()).toEqual(['G3.art', 'G3.music']);
  });

  it('should keep 各镇人民政府（街道办事处） whole as one department', async () => {
    const doc = await ingest(bytes('（一）优化布局。修订布局规划。\n责任单位：县教育局，各镇人民政府（街道办事处）\n'), '.txt');
    const found = extractResponsibilities(doc.blocks, doc.metadata);
    expect(found.flatMap((r) => r.departments.map((d) => d.name))).toEqual(['县教育局', '各镇人民政府（街道办事处）']);
  });
});

describe('fifth blind held-out plans', () => {
  it('should have a floor for every fifth-round blind plan', () => {
    const found = heldOutPlans('blind5-');
    expect(found.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const [name, files] of Object.entries(floors)) {
    for (const [file, floor] of Object.entries(files)) {
      it(`should keep every kind of ${name} (${file}) above its floor`, async () => {
        await expectHeldOutFloors(`blind5-${name}`, file, floor);
      });
    }
  }
});
