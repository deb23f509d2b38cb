/**
 * Run a batch of inputs through a pool of worker processes (process-pool.ts): every core busy,
 * each document in a worker that is replaced if it dies, of any cause, or runs past the time or
 * memory limit; results returned in input order. No document can stop the batch.
 */
import { failedEntry, removeOutputs, type InputProgress, type InputResult, type InputTask } from './process-input.ts';
import { WorkerFailure, WorkerSlot } from './process-pool.ts';
import type { Reporter } from './reporter.ts';

/** How to run a batch. */
export interface BatchOptions {
  /** Worker processes (at least 1). */
  jobs: number;
  /** Seconds one document may take before it is failed and its worker replaced. */
  maxSecondsPerDocument: number;
  /** Heap limit of one worker, in MB. */
  maxWorkerMemoryMb: number;
  /** Resident memory past which a worker is killed, in MB (default: 1.5 × the heap limit). */
  maxWorkerRssMb?: number;
  /** The worker module (default: worker-entry.mjs beside this file; tests give their own). */
  workerFile?: URL;
}

/** What a batch used, filled in by `runBatch`. */
export interface BatchUsage {
  /** The sum over workers of the most resident memory each was seen using (sampled), in MB. */
  workerPeakRssMb: number;
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
 * @param usage
 *   Filled in with what the workers used (optional).
 * @returns
 *   One summary entry per task, in input order.
 */
export async function runBatch(tasks: InputTask[], options: BatchOptions, reporter: Reporter, usage?: BatchUsage): Promise<InputResult[]> {
  const lanes = Math.max(1, Math.min(options.jobs, tasks.length));
  const poolOptions = {
    workerModule: options.workerFile ?? new URL('./worker-entry.mjs', import.meta.url),
    maxHeapMb: options.maxWorkerMemoryMb,
    maxRssMb: options.maxWorkerRssMb ?? Math.round(options.maxWorkerMemoryMb * 1.5),
  };
  const slots = Array.from({ length: lanes }, () => new WorkerSlot(poolOptions));
  // A lane hands its worker a document only when the worker is free: the time limit then counts from
  // the start of the document's own work, never from time spent waiting in the queue behind others.
  const results: InputResult[] = new Array(tasks.length);
  let next = 0;
  const lane = async (slot: WorkerSlot): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      const result = await runOne(slot, tasks[index]!, options.maxSecondsPerDocument, (progress) => reporter.onFileProgress?.(progress as InputProgress));
      const { entry } = result;
      reporter.onFileEnd(entry.status === 'ok' ? { input: entry.input, ok: true } : { input: entry.input, ok: false, reason: entry.reason ?? '' });
      results[index] = result;
    }
  };
  try {
    await Promise.all(slots.map(lane));
    return results;
  } finally {
    for (const slot of slots) slot.close();
    if (usage) usage.workerPeakRssMb = Math.round(slots.reduce((sum, slot) => sum + slot.peakRssMb, 0));
  }
}

async function runOne(slot: WorkerSlot, task: InputTask, maxSeconds: number, onProgress: (progress: unknown) => void): Promise<InputResult> {
  try {
    return (await slot.run(task, maxSeconds, onProgress)) as InputResult;
  } catch (error) {
    const reason = error instanceof WorkerFailure ? error.message : `worker failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    await removeOutputs(task.outDir, task.name);
    return { entry: failedEntry(task.shown, reason), batch: null };
  }
}
