import { describe, expect, it } from 'vitest';
import { expectHeldOutFloors, heldOutPlans, type Floors } from './heldout-harness.ts';

/**
 * Rounds 7–9 of blind held-out plans (test/heldout/blind<N>-<name>/, gold.json annotated
 * before plancheck first ran on the plan), each round a different writer's brief:
 * 7: a Word plan of a 自治县 (levels as rows, years as columns, 【责任单位】, merged 牵头 cells) and a
 *    市辖区 plan in chapters and articles with a table copied one cell per line;
 * 8: a Markdown plan of a 县级市 (tables in three orientations, year headings) and a 旗 plan with
 *    lead-ins ending in ：, duty paragraphs and a tab-separated project table;
 * 9: a PDF printed from Word (year columns, a ★/○ matrix) and a plan in traditional characters;
 * 10: a county-site article page saved as GBK HTML (declared gb2312; rowspan/colspan indicator table, a
 *    牵头/责任/配合 task table) and a Word 97 .doc (years as rows under a two-row header of indicators
 *    over 小学/初中, 责任单位 lines, months under year headings).
 * Before-fix figures are in the session note; the floors pin what the pipeline reaches now, minus 0.02.
 */
const floors: Record<string, Record<string, Floors>> = {
  'blind7-baling': { 'plan.docx': { targets: 0.92, deadlines: 0.98, responsibilities: 0.92, coverage: 1 } },
  'blind7-wangjiang': { 'plan.txt': { targets: 0.74, deadlines: 0.95, responsibilities: 0.94, coverage: 1 } },
  'blind8-fenglin': { 'plan.md': { targets: 0.96, deadlines: 0.98, responsibilities: 0.90, coverage: 1 } },
  'blind8-wulantala': { 'plan.txt': { targets: 0.98, deadlines: 0.98, responsibilities: 0.90, coverage: 1 } },
  'blind9-jianhu': { 'plan.pdf': { targets: 0.96, deadlines: 0.98, responsibilities: 0.93, coverage: 1 } },
  'blind9-shixing': { 'plan.txt': { targets: 0.93, deadlines: 0.98, responsibilities: 0.97, coverage: 1 } },
  'blind10-minyuan': { 'plan.html': { targets: 0.98, deadlines: 0.98, responsibilities: 0.98, coverage: 1 } },
  'blind10-tuoxi': { 'plan.doc': { targets: 0.97, deadlines: 0.98, responsibilities: 0.92, coverage: 1 } },
};

describe('blind held-out plans, rounds 7 to 10', () => {
  it('should have a floor for every plan of these rounds', () => {
    const found = ['blind7-', 'blind8-', 'blind9-', 'blind10-'].flatMap((prefix) => heldOutPlans(prefix).map((name) => `${prefix}${name}`));
    expect(found.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const [folder, files] of Object.entries(floors)) {
    for (const [file, floor] of Object.entries(files)) {
      it(`should keep every kind of ${folder} (${file}) above its floor`, async () => {
        await expectHeldOutFloors(folder, file, floor);
      }, 60_000);
    }
  }
});
