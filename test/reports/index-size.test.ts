/**
 * Issue 11's note: a batch of thousands of plans gives an index that lists the first
 * INDEX_PLANS_SHOWN plans and failed inputs, counts them all in the chart and points to the
 * overview, instead of a page of a hundred megabytes.
 */
import { describe, expect, it } from 'vitest';
import { diffPlan } from '../../pipeline/diff/diff.ts';
import { renderBatchIndex, summarizeForBatch } from '../../reports/index.ts';
import { INDEX_PLANS_SHOWN } from '../../reports/render-batch-reports.ts';
import { loadNational } from '../diff/load-gold.ts';
import { byId, parseHtml, query, text } from './dom.ts';
import { renderCorpus } from './pipeline-reports.ts';

describe('the index of a very large batch', () => {
  it('should list the first plans and failed inputs, count every plan in the chart, and say where the rest are', async () => {
    const national = loadNational();
    const { model } = await renderCorpus('qinxian-2021.txt', national);
    const summary = summarizeForBatch({ name: 'qinxian-2021', model, diff: diffPlan(model, national) });
    const total = INDEX_PLANS_SHOWN + 250;
    const plans = Array.from({ length: total }, (_, i) => ({ ...summary, name: `plan-${i}`, folder: `plan-${i}/` }));
    const failed = Array.from({ length: INDEX_PLANS_SHOWN + 5 }, (_, i) => ({ input: `bad-${i}.txt`, reason: 'empty file' }));
    const html = await renderBatchIndex(plans, { failed });
    const doc = parseHtml(html);
    expect(query(query(byId(doc, 'plans'), 'tbody')[0]!, 'tr')).toHaveLength(INDEX_PLANS_SHOWN);
    expect(text(byId(doc, 'plans'))).toContain(`本批共 ${total} 个方案`);
    expect(text(byId(doc, 'plans'))).toContain('另有 250 个方案未列出');
    expect(text(byId(doc, 'failed'))).toContain('另有 5 个文件未能读取');
    expect(text(byId(doc, 'chart'))).toMatch(new RegExp(`R3 达到 \\d+ · 未达到 \\d+ · 未设 \\d+`));
    const r3 = text(byId(doc, 'chart')).match(/R3 达到 (\d+) · 未达到 (\d+) · 未设 (\d+)/)!;
    expect(r3.slice(1).map(Number).reduce((a, b) => a + b, 0)).toBe(total);
    // The page stays small: about the size of the first thousand plans.
    expect(html.length).toBeLessThan(20 * 1024 * 1024);
  }, 120_000);
});
