/**
 * Run a batch of inputs through a worker pool (piscina): every core busy,
 * each document in a worker that is replaced if it crashes or runs past the
 * time limit, results written as they finish and returned in input order.
 */
import { Piscina } from 'piscina';
import { failedEntry, type InputResult, type InputTask } from './process-input.ts';
import type { Reporter } from './reporter.ts';

/** How to run a batch. */
export interface BatchOptions {
  /** Worker threads (at least 1). */
  jobs: number;
  /** Seconds one document may take before it is failed and its worker replaced. */
  maxSecondsPerDocument: number;
  /** Heap limit of one worker, in MB. */
  maxWorkerMemoryMb: number;
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
  const pool = new Piscina({
    filename: new URL('./worker-entry.mjs', import.meta.url).href,
    minThreads: Math.min(options.jobs, tasks.length),
    maxThreads: Math.max(1, Math.min(options.jobs, tasks.length)),
    idleTimeout: 1000,
    resourceLimits: { maxOldGenerationSizeMb: options.maxWorkerMemoryMb },
  });
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const result = await runOne(pool, task, options.maxSecondsPerDocument);
        const { entry } = result;
        reporter.onFileEnd(entry.status === 'ok' ? { input: entry.input, ok: true } : { input: entry.input, ok: false, reason: entry.reason ?? '' });
        return result;
      }),
    );
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
    return { entry: failedEntry(task.shown, reason), batch: null };
  }
}
