/**
 * Test helper: the corpus plans through the pipeline as the CLI runs it
 * (processDocument → placeItems → diffPlan → renderPlanReports), cached per file.
 */
import { readFileSync } from 'node:fs';
import { diffPlan, type PlanDiff } from '../../pipeline/diff/diff.ts';
import { processDocument } from '../../pipeline/process-document.ts';
import { placeItems } from '../../model/sections.ts';
import type { Standard } from '../../model/standard.ts';
import { renderBatchReports, renderPlanReports, type BatchItem, type ReportFiles, type ReportInput } from '../../reports/index.ts';
import { loadNational } from '../diff/load-gold.ts';

/** A corpus plan processed, diffed and rendered. */
export interface Rendered {
  name: string;
  model: ReportInput;
  diff: PlanDiff;
  files: ReportFiles;
}

const cache = new Map<string, Promise<Rendered>>();

/**
 * A corpus file through the pipeline.
 *
 * @param path
 *   Relative to corpus/ (`nanan-2022.txt`, `pdf/nanan-2022.pdf`).
 * @param standard
 *   The standard (default: the national one).
 */
export function renderCorpus(path: string, standard: Standard = loadNational()): Promise<Rendered> {
  const key = `${path}|${standard.id}|${standard.looser.length}`;
  let found = cache.get(key);
  if (!found) {
    found = (async () => {
      const outcome = await processDocument(readFileSync(new URL(`../../corpus/${path}`, import.meta.url)), path.split('/').pop()!);
      if (!outcome.ok) throw new Error(outcome.reason);
      const { tree, ...rest } = outcome.model;
      const model = { ...rest, places: placeItems(tree, rest) };
      const name = path.replace(/\.[^.]+$/, '');
      const diff = diffPlan(model, standard);
      return { name, model, diff, files: await renderPlanReports(model, diff, { name }) };
    })();
    cache.set(key, found);
  }
  return found;
}

/** The text of a rendered file. */
export function fileText(files: ReportFiles, name: string): string {
  const value = files[name];
  if (typeof value !== 'string') throw new Error(`${name} is not text`);
  return value;
}

/** The five txt plans as a batch. */
export const TXT_PLANS = ['haicheng.txt', 'jiaoling-2022.txt', 'nanan-2022.txt', 'nanchuan-2021.txt', 'qinxian-2021.txt'];

/**
 * The batch reports of corpus files.
 *
 * @param paths
 *   Relative to corpus/.
 * @param failed
 *   Failed inputs to list.
 */
export async function renderCorpusBatch(paths: string[], failed: Array<{ input: string; reason: string }> = []): Promise<{ items: BatchItem[]; files: ReportFiles }> {
  const items = await Promise.all(paths.map(async (path) => {
    const rendered = await renderCorpus(path);
    return { name: rendered.name, model: rendered.model, diff: rendered.diff };
  }));
  return { items, files: await renderBatchReports(items, { failed }) };
}
