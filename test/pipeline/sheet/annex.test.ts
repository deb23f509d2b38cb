/**
 * A 任务分工表 attached as a spreadsheet reads like the same table in Markdown: nanchuan-2021's
 * 附件2 (目标任务分解) as .md, .xlsx (merged cells as Word had them), .csv and .xls gives the
 * same responsibilities and targets, each positioned by its sheet row.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processDocument, type DocumentModel } from '../../../pipeline/process-document.ts';

const read = async (name: string): Promise<DocumentModel> => {
  const outcome = await processDocument(new Uint8Array(readFileSync(new URL(`../../fixtures/sheets/${name}`, import.meta.url))), name);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.model;
};
const facts = (model: DocumentModel) => ({
  targets: model.targets.map(({ location, line, quote, sectionPath, ...rest }) => JSON.stringify(rest)).sort(),
  responsibilities: model.responsibilities.map(({ location, line, quote, ...rest }) => JSON.stringify(rest)).sort(),
});

describe('a 任务分工表 annex as a spreadsheet', () => {
  it.each(['nanchuan-annex2.xlsx', 'nanchuan-annex2.csv', 'nanchuan-annex2.xls'])('should give %s the responsibilities and targets of the Markdown table', async (name) => {
    const markdown = await read('nanchuan-annex2.md');
    const sheet = await read(name);
    expect(markdown.responsibilities.length).toBeGreaterThan(20);
    expect(markdown.targets.length).toBeGreaterThan(20);
    expect(facts(sheet)).toEqual(facts(markdown));
    expect(sheet.format).toBe(name.slice(name.lastIndexOf('.') + 1));
  });

  it('should place each responsibility on its sheet row', async () => {
    const model = await read('nanchuan-annex2.xlsx');
    const task = model.responsibilities.find((item) => item.indicator === 'R1')!;
    // Row 1 is the title merged over the table, row 2 the header, row 3 the first task.
    expect(task.location.line).toBe(3);
    const tree = model.tree as { children: Array<{ type: string }> };
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'table']);
  });
});
