/**
 * A pool of worker processes: each document runs in a child process of its own heap, so that no
 * document can take the CLI down with it. V8 aborts the whole process when a heap (a worker thread's
 * included) cannot grow; a child process that dies, of any cause, is only that document's failure:
 * the worker is replaced and the batch goes on. A worker is killed when it runs past the time limit
 * or its resident memory passes the memory limit.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** How the pool runs its workers. */
export interface ProcessPoolOptions {
  /** The module whose default export processes a task (runs in the worker process). */
  workerModule: URL;
  /** V8 old-generation limit of one worker, in MB (`--max-old-space-size`). */
  maxHeapMb: number;
  /** Resident memory past which a worker is killed, in MB (checked a few times a second). */
  maxRssMb: number;
}

/** A task's failure, with the one-line reason a user sees. */
export class WorkerFailure extends Error {
  override name = 'WorkerFailure';
}

/** How often a busy worker's resident memory is read. */
const MEMORY_CHECK_MS = 100;
/** The first characters of a worker's stderr kept to tell why it died (V8's fatal line comes before its stack). */
const STDERR_KEPT = 8192;

type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string }
  | { id: number; progress: unknown }
  | { ready: true };

/**
 * One worker process, started on demand and replaced when it dies.
 */
export class WorkerSlot {
  #child: ChildProcess | null = null;
  #ready: Promise<void> | null = null;
  #stderr = '';
  #next = 0;
  #peakRssMb = 0;
  readonly #options: ProcessPoolOptions;

  /** The most resident memory any of this slot's workers was seen using during a task, in MB. */
  get peakRssMb(): number {
    return this.#peakRssMb;
  }

  constructor(options: ProcessPoolOptions) {
    this.#options = options;
  }

  /**
   * Run one task in this slot's worker.
   *
   * @param task
   *   Sent to the worker (structured clone).
   * @param maxSeconds
   *   Time limit, counted from when the worker starts the task, and again from each progress report
   *   (a scanned document gets the limit for each page it recognises).
   * @param onProgress
   *   Told what the task reports on the way (optional).
   * @returns
   *   The worker's result.
   * @throws {WorkerFailure}
   *   The task threw, timed out, went past the memory limit, or its worker died.
   */
  async run(task: unknown, maxSeconds: number, onProgress?: (progress: unknown) => void): Promise<unknown> {
    const child = await this.#start();
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      let killedFor: string | null = null;
      const finish = (error: WorkerFailure | null, result?: unknown) => {
        clearTimeout(timer);
        clearInterval(watch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(result);
      };
      const kill = (reason: string) => {
        killedFor = reason;
        child.kill('SIGKILL');
      };
      const late = () => kill(`timed out after ${maxSeconds} s (limit per document)`);
      let timer = setTimeout(late, maxSeconds * 1000);
      const watch = setInterval(() => {
        void residentMb(child.pid).then((mb) => {
          if (mb > this.#peakRssMb) this.#peakRssMb = mb;
          if (mb > this.#options.maxRssMb && killedFor === null) kill(`out of memory: the document took over ${this.#options.maxRssMb} MB (limit per document)`);
        });
      }, MEMORY_CHECK_MS);
      const onMessage = (reply: Reply) => {
        if ('ready' in reply || reply.id !== id) return;
        if ('progress' in reply) {
          clearTimeout(timer);
          timer = setTimeout(late, maxSeconds * 1000);
          onProgress?.(reply.progress);
          return;
        }
        if (reply.ok) finish(null, reply.result);
        else finish(new WorkerFailure(`worker failed: ${reply.message}`));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        finish(new WorkerFailure(killedFor ?? deathReason(code, signal, this.#stderr)));
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send({ id, task }, (error) => {
        if (error && killedFor === null) kill(`worker failed: cannot send the task: ${error.message.split('\n')[0]}`);
      });
    });
  }

  /** Stop the worker, if any. */
  close(): void {
    this.#child?.kill('SIGKILL');
    this.#child = null;
  }

  async #start(): Promise<ChildProcess> {
    if (this.#child && this.#ready) {
      await this.#ready;
      if (this.#child) return this.#child;
    }
    this.#stderr = '';
    const child = fork(new URL('./worker-host.mjs', import.meta.url), [], {
      execArgv: [`--max-old-space-size=${this.#options.maxHeapMb}`],
      env: { ...process.env, PLANCHECK_WORKER_MODULE: this.#options.workerModule.href },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      if (this.#stderr.length < STDERR_KEPT) this.#stderr = (this.#stderr + text).slice(0, STDERR_KEPT);
    });
    this.#child = child;
    child.once('exit', () => {
      if (this.#child === child) this.#child = null;
    });
    this.#ready = new Promise((resolve, reject) => {
      const onMessage = (reply: Reply) => {
        if (!('ready' in reply)) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve();
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        child.off('message', onMessage);
        reject(new WorkerFailure(`worker failed to start: ${deathReason(code, signal, this.#stderr)}`));
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
    await this.#ready;
    return child;
  }
}

/**
 * Why a worker process died, in one line.
 *
 * @param code
 *   Its exit code, or `null` when a signal ended it.
 * @param signal
 *   The signal that ended it, or `null`.
 * @param stderr
 *   The end of what it wrote to stderr.
 */
export function deathReason(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Fatal process out of memory|Allocation failed|Invalid (string|array) length/i.test(stderr)) {
    return 'out of memory: the document needs more than the worker may use (limit per document)';
  }
  if (/Maximum call stack size exceeded/.test(stderr)) return 'worker died: nesting too deep (stack overflow)';
  const first = stderr.split('\n').map((line) => line.trim()).find((line) => line !== '' && !/^(at |\d+: |-----|<---|#)/.test(line));
  const how = signal ? `killed by ${signal}` : `exit code ${code}`;
  return `worker died (${how})${first ? `: ${first.slice(0, 200)}` : ''}`;
}

/** A process's resident memory in MB, from /proc (0 where /proc is not there). */
async function residentMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return 0;
  try {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8');
    return (Number(statm.split(' ')[1]) * 4096) / (1024 * 1024);
  } catch {
    return 0;
  }
}
