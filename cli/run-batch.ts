/**
 * Run a batch of inputs through a worker pool (piscina): every core busy,
 * each document in a worker that is replaced if it crashes or runs past the
 * time limit, results written as they finish and returned in input order.
 */
import { Piscina } from 'piscina';
import { failedEntry, removeOutputs, type InputResult, type InputTask } from './process-input.ts';
import type { Reporter } from './reporter.ts';

/** How to run a batch. */
export interface BatchOptions {
  /** Worker threads (at least 1). */
  jobs: number;
  /** Seconds one document may take before it is failed and its worker replaced. */
  maxSecondsPerDocument: number;
  /** Heap limit of one worker, in MB. */
  maxWorkerMemoryMb: number;
  /** The worker module (default: worker-entry.mjs beside this file; tests give their own). */
  workerFile?: URL;
}

/**
 * Process every task.
 *
 * @param tasks
 *   Inputs, in input order.
 * @param options
 *   Parallelism and limits.
 * @param reporter
 *   Told about each document as it ends.
 * @returns
 *   One summary entry per task, in input order.
 */
export async function runBatch(tasks: InputTask[], options: BatchOptions, reporter: Reporter): Promise<InputResult[]> {
  const threads = Math.max(1, Math.min(options.jobs, tasks.length));
  const pool = new Piscina({
    filename: (options.workerFile ?? new URL('./worker-entry.mjs', import.meta.url)).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxWorkerMemoryMb },
  });
  // Hand a worker a document only when one is free: the time limit then counts from the start of
  // the document's own work, never from time spent waiting in the queue behind others.
  const results: InputResult[] = new Array(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      const result = await runOne(pool, tasks[index]!, options.maxSecondsPerDocument);
      const { entry } = result;
      reporter.onFileEnd(entry.status === 'ok' ? { input: entry.input, ok: true } : { input: entry.input, ok: false, reason: entry.reason ?? '' });
      results[index] = result;
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, lane));
    return results;
  } finally {
    await pool.destroy();
  }
}

async function runOne(pool: Piscina, task: InputTask, maxSeconds: number): Promise<InputResult> {
  try {
    return (await pool.run(task, { signal: AbortSignal.timeout(maxSeconds * 1000) })) as InputResult;
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError' || /abort/i.test(error.message));
    const reason = timedOut
      ? `timed out after ${maxSeconds} s (limit per document)`
      : `worker failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    await removeOutputs(task.outDir, task.name);
    return { entry: failedEntry(task.shown, reason), batch: null };
  }
}
