/**
 * Issue 10, point 23: the txt, docx and pdf renditions of one plan give the same title and
 * the same targets, each as many times (a merged cell's copies in later rows are not read again).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../pipeline/process-document.ts';

const root = new URL('../../', import.meta.url);
const PLANS = ['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021'];

async function modelOf(path: string) {
  const outcome = await processDocument(readFileSync(new URL(path, root)), path.slice(path.lastIndexOf('/') + 1));
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.model;
}

const targetKeys = (model: Awaited<ReturnType<typeof modelOf>>) =>
  model.targets.map((t) => `${t.indicator}|${t.level}|${t.comparator}|${t.value}|${t.year}|${t.kind}`).sort();

describe('one plan in three renditions', () => {
  it.each(PLANS)('should give %s the same title and the same targets from txt, docx and pdf', async (plan) => {
    const txt = await modelOf(`corpus/${plan}.txt`);
    for (const path of [`corpus/docx/${plan}.docx`, `corpus/pdf/${plan}.pdf`]) {
      const other = await modelOf(path);
      expect(other.metadata.title, path).toBe(txt.metadata.title);
      expect(targetKeys(other), path).toEqual(targetKeys(txt));
    }
  }, 60_000);
});
