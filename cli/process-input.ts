/**
 * One input file through the pipeline, with its I/O: read the bytes, reuse
 * a cached model or make one, write `out/<name>.json` atomically, and
 * return the input's summary entry. Runs in the main thread or in a worker.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { diffPlan } from '../pipeline/diff.ts';
import type { PlanDiff } from '../pipeline/diff-types.ts';
import type { DocumentModel } from '../pipeline/process-document.ts';
import { processDocument } from '../pipeline/process-document.ts';
import type { Standard } from '../pipeline/standard.ts';
import { renderPlanReports, type ReportInput } from '../reports/index.ts';
import { cacheKey, readCache, writeCache } from './cache.ts';
import { writeAtomic } from './write-atomic.ts';

/** One line of `summary.json`. */
export interface SummaryEntry {
  input: string;
  status: 'ok' | 'failed';
  output: string | null;
  reason: string | null;
  format: string | null;
  pages: number | null;
  targets: number | null;
  deadlines: number | null;
  responsibilities: number | null;
  cached: boolean;
  /** Seconds in each stage: read (file and format), tree (outline, blocks), extract, diff, render (reports). */
  seconds: { read: number; tree: number; extract: number; diff: number; render: number } | null;
}

/** What a worker (or the main thread) is asked to do. */
export interface InputTask {
  /** Absolute input path. */
  path: string;
  /** Path as shown to the user. */
  shown: string;
  /** Output name (relative, no extension). */
  name: string;
  outDir: string;
  /** Reason found while collecting inputs (missing file, broken link). */
  error?: string;
  /** Cache folder, or `null` for no cache. */
  cacheDir: string | null;
  /** Pipeline version that cache keys include. */
  version: string;
  /** The standard to diff against and render reports with, or `null` for models only. */
  standard: Standard | null;
}

/** What the batch reports need of one plan: its model without the tree, and its diff. */
export interface ReportItem {
  name: string;
  model: ReportInput;
  diff: PlanDiff;
}

/** The outcome of one input: its summary entry, and its report item when reports were made. */
export interface InputResult {
  entry: SummaryEntry;
  report: ReportItem | null;
}

/**
 * Process one input.
 *
 * @param task
 *   The input and where its output goes.
 * @returns
 *   Its summary entry.
 */
export async function processInput(task: InputTask): Promise<InputResult> {
  const result = await modelInput(task);
  if (result.entry.status !== 'ok' || !task.standard || !result.model) return { entry: result.entry, report: null };
  const { tree: _tree, ...model } = result.model;
  const diffStarted = performance.now();
  const diff = diffPlan(model, task.standard);
  const renderStarted = performance.now();
  try {
    const files = await renderPlanReports(model, diff, { name: task.name });
    for (const [file, content] of Object.entries(files)) await writeAtomic(join(task.outDir, task.name, file), content);
    if (result.entry.seconds) {
      result.entry.seconds.diff = (renderStarted - diffStarted) / 1000;
      result.entry.seconds.render = (performance.now() - renderStarted) / 1000;
    }
  } catch (error) {
    const reason = `cannot write reports: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    return { entry: { ...result.entry, status: 'failed', reason }, report: null };
  }
  return { entry: result.entry, report: { name: task.name, model, diff } };
}

async function modelInput(task: InputTask): Promise<{ entry: SummaryEntry; model?: DocumentModel }> {
  const failed = (reason: string) => ({ entry: failedEntry(task.shown, reason) });
  if (task.error) return failed(task.error);
  let data: Uint8Array;
  const readStarted = performance.now();
  try {
    data = await readFile(task.path);
  } catch (error) {
    return failed(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const fileName = basename(task.path);
  const key = task.cacheDir ? cacheKey(data, fileName, task.version) : null;
  let json = task.cacheDir && key ? await readCache(task.cacheDir, key) : null;
  const cached = json !== null;
  const fileSeconds = (performance.now() - readStarted) / 1000;
  let model: DocumentModel;
  const seconds = { read: fileSeconds, tree: 0, extract: 0, diff: 0, render: 0 };
  if (json !== null) {
    model = JSON.parse(json);
  } else {
    const outcome = await processDocument(data, fileName);
    if (!outcome.ok) return failed(outcome.reason);
    model = outcome.model;
    seconds.read += outcome.seconds.read;
    seconds.tree = outcome.seconds.tree;
    seconds.extract = outcome.seconds.extract;
    json = `${JSON.stringify(outcome.model, null, 2)}\n`;
    if (task.cacheDir && key) await writeCache(task.cacheDir, key, json).catch(() => undefined);
  }
  const output = join(task.outDir, `${task.name}.json`);
  try {
    await writeAtomic(output, json);
  } catch (error) {
    return failed(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const entry: SummaryEntry = {
    input: task.shown,
    status: 'ok',
    output: relative(task.outDir, output).split('\\').join('/'),
    reason: null,
    format: model.format,
    pages: model.pages,
    targets: model.targets.length,
    deadlines: model.deadlines.length,
    responsibilities: model.responsibilities.length,
    cached,
    seconds,
  };
  return { entry, model };
}

/**
 * The summary entry of an input that failed.
 *
 * @param input
 *   The input as shown to the user.
 * @param reason
 *   Why it failed, one line.
 */
export function failedEntry(input: string, reason: string): SummaryEntry {
  return {
    input, status: 'failed', output: null, reason, format: null, pages: null,
    targets: null, deadlines: null, responsibilities: null, cached: false, seconds: null,
  };
}
