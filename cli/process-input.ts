/**
 * One input file through the pipeline, with its I/O: read the bytes, make
 * the model, diff it, render the plan's reports, write `out/<name>.json` and
 * `out/<name>/…` atomically, store the result in the cache, and return the
 * input's summary entry. Runs in a worker of the pool.
 */
import { rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { diffPlan } from '../pipeline/diff/diff.ts';
import { processBundle, processDocument } from '../pipeline/process-document.ts';
import type { BundleFile } from '../pipeline/ingest/bundle.ts';
import { placeItems } from '../model/sections.ts';
import type { Standard } from '../model/standard.ts';
import { checkModelSize } from '../pipeline/ingest/expansion-caps.ts';
import type { Limits } from '../pipeline/ingest/limits.ts';
import type { PdfEngineName } from '../pipeline/ingest/pdf/engine.ts';
import type { IngestOptions } from '../pipeline/ingest/ingest.ts';
import { ReadError } from '../pipeline/ingest/read-error.ts';
import { overviewPlanOf, overviewRowsOf, renderPlanReports, summarizeForBatch, type BatchPlanSummary } from '../reports/index.ts';
import { storeResult } from './cache.ts';
import { makeRealFolder } from './output-folder.ts';
import { readInputBytes } from './read-input.ts';
import { writeAtomic } from './write-atomic.ts';

/** Seconds one input spent in each stage. */
export interface StageTimes {
  /** Reading the file and its format into a tree. */
  read: number;
  /** Outline, blocks and metadata. */
  tree: number;
  extract: number;
  diff: number;
  /** Reports rendered and written. */
  render: number;
}

/** One line of `summary.json`. */
export interface SummaryEntry {
  input: string;
  /** A bundle's annex files (`--bundle`), by name, in the order they were read into the plan. */
  annexes?: string[];
  /** `skipped`: passed by on purpose (a link leading out of a walked folder); not a failure. */
  status: 'ok' | 'failed' | 'skipped';
  output: string | null;
  reason: string | null;
  format: string | null;
  pages: number | null;
  targets: number | null;
  deadlines: number | null;
  responsibilities: number | null;
  cached: boolean;
  seconds: StageTimes | null;
}

/** What a worker is asked to do. */
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
  /** Cache folder and this input's key, or `null` for no cache. */
  cache: { dir: string; key: string } | null;
  /** The standard to diff against and render reports with, or `null` for models only. */
  standard: Standard | null;
  /** Input limits. */
  limits: Limits;
  /** The engine that reads PDFs (default: DEFAULT_PDF_ENGINE). */
  pdfEngine?: PdfEngineName;
  /** Annex files read into this plan (`--bundle`), absolute paths in order. */
  annexes?: string[];
  /** Whether PDF pages without text are recognised (default: true; `--no-ocr` refuses scanned PDFs). */
  ocr?: boolean;
}

/** Progress within one input: pages recognised by OCR so far, of how many. */
export interface InputProgress {
  input: string;
  done: number;
  total: number;
}

/** The outcome of one input: its summary entry, and its row of the batch index when reports were made. */
export interface InputResult {
  entry: SummaryEntry;
  batch: BatchPlanSummary | null;
}

/** Each plan's rows of the batch overview, beside its reports; the CLI joins them into overview.csv/.xlsx. */
export const OVERVIEW_ROWS_FILE = 'overview-rows.json';

/**
 * Process one input.
 *
 * @param task
 *   The input and where its output goes.
 * @param progress
 *   Told after each page recognised by OCR (optional).
 * @returns
 *   Its summary entry and report item.
 */
export async function processInput(task: InputTask, progress?: (progress: InputProgress) => void): Promise<InputResult> {
  const result = await processInputOnce(task, progress);
  if (result.entry.status === 'failed') await removeOutputs(task.outDir, task.name);
  return result;
}

/**
 * Remove what an earlier run wrote for an input that now fails, so that no stale model or report
 * looks current.
 *
 * @param outDir
 *   The output folder.
 * @param name
 *   The input's output name.
 */
export async function removeOutputs(outDir: string, name: string): Promise<void> {
  await rm(join(outDir, `${name}.json`), { force: true }).catch(() => undefined);
  await rm(join(outDir, name), { recursive: true, force: true }).catch(() => undefined);
}

async function processInputOnce(task: InputTask, progress?: (progress: InputProgress) => void): Promise<InputResult> {
  const failed = (reason: string): InputResult => ({ entry: failedEntry(task.shown, reason), batch: null });
  if (task.error) return failed(task.error);
  const started = performance.now();
  let data: Uint8Array;
  try {
    // Only a regular file on an ordinary file system, and never past the size limit (see read-input.ts).
    data = await readInputBytes(task.path, task.limits);
  } catch (error) {
    if (error instanceof ReadError) return failed(error.message);
    return failed(`cannot read: ${errorCode(error)}`);
  }
  const fileSeconds = (performance.now() - started) / 1000;
  const options: IngestOptions = { ocr: task.ocr ?? true };
  if (task.pdfEngine !== undefined) options.pdfEngine = task.pdfEngine;
  if (progress !== undefined) options.onOcrPage = (done, total) => progress({ input: task.shown, done, total });
  let outcome;
  if (task.annexes && task.annexes.length > 0) {
    const annexes: BundleFile[] = [];
    for (const path of task.annexes) {
      try {
        annexes.push({ data: await readInputBytes(path, task.limits), name: basename(path) });
      } catch (error) {
        return failed(`cannot read the annex ${basename(path)}: ${error instanceof ReadError ? error.message : errorCode(error)}`);
      }
    }
    outcome = await processBundle({ data, name: basename(task.path) }, annexes, task.limits, options);
  } else {
    outcome = await processDocument(data, basename(task.path), task.limits, options);
  }
  if (!outcome.ok) return failed(outcome.reason);
  const { model } = outcome;
  const seconds: StageTimes = { ...outcome.seconds, read: outcome.seconds.read + fileSeconds, diff: 0, render: 0 };
  const modelJson = `${JSON.stringify(model, null, 2)}\n`;
  try {
    checkModelSize(Buffer.byteLength(modelJson), data.length);
  } catch (error) {
    return failed((error as Error).message);
  }
  const modelPath = join(task.outDir, `${task.name}.json`);
  const entry: SummaryEntry = {
    input: task.shown,
    status: 'ok',
    output: relative(task.outDir, modelPath).split('\\').join('/'),
    reason: null,
    format: model.format,
    pages: model.pages,
    targets: model.targets.length,
    deadlines: model.deadlines.length,
    responsibilities: model.responsibilities.length,
    cached: false,
    seconds,
  };
  if (task.annexes && task.annexes.length > 0) entry.annexes = task.annexes.map((path) => basename(path));
  try {
    // A link planted where the plan's outputs go is replaced, never written through.
    await makeRealFolder(task.outDir, dirname(modelPath));
    if (task.standard) await makeRealFolder(task.outDir, join(task.outDir, task.name));
    await writeAtomic(modelPath, modelJson);
  } catch (error) {
    return failed(`cannot write ${modelPath}: ${errorCode(error)}`);
  }
  let batch: BatchPlanSummary | null = null;
  let files: Record<string, string | Uint8Array> = {};
  if (task.standard) {
    const { tree, ...rest } = model;
    const slim = { ...rest, places: placeItems(tree, rest) };
    const diffStarted = performance.now();
    const diff = diffPlan(slim, task.standard);
    const renderStarted = performance.now();
    seconds.diff = (renderStarted - diffStarted) / 1000;
    try {
      files = await renderPlanReports(slim, diff, { name: task.name });
      files[OVERVIEW_ROWS_FILE] = JSON.stringify(overviewRowsOf(overviewPlanOf(task.name, slim), diff));
      for (const [file, content] of Object.entries(files)) await writeAtomic(join(task.outDir, task.name, file), content);
    } catch (error) {
      return failed(`cannot write reports: ${errorCode(error)}`);
    }
    seconds.render = (performance.now() - renderStarted) / 1000;
    batch = summarizeForBatch({ name: task.name, model: slim, diff });
  }
  const result: InputResult = { entry, batch };
  if (task.cache) {
    await storeResult(task.cache.dir, task.cache.key, modelPath, join(task.outDir, task.name), Object.keys(files), result).catch(() => undefined);
  }
  return result;
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

/**
 * The summary entry of an input the walk passed by.
 *
 * @param input
 *   The input as shown to the user.
 * @param reason
 *   Why, one line.
 */
export function skippedEntry(input: string, reason: string): SummaryEntry {
  return { ...failedEntry(input, reason), status: 'skipped' };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
}

/** The worker pool's entry point (see run-batch.ts). */
export default processInput;
