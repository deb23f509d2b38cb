// A worker process of the pool (see process-pool.ts): imports the worker module named by
// PLANCHECK_WORKER_MODULE, says it is ready, then runs each task it is sent and sends back the
// result or the error's first line; progress the task reports on the way (pages recognised by OCR)
// is sent as it comes. It exits when the parent goes away, so a killed run leaves none:
// on the IPC channel's end when idle, and through a watchdog thread when a document keeps the main
// thread busy (a thread has its own event loop; killing the process from it ends every thread).
import { Worker } from 'node:worker_threads';

const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads');
  setInterval(() => {
    let alive = process.ppid === workerData.parent;
    try { process.kill(workerData.parent, 0); } catch { alive = false; }
    if (!alive) process.kill(process.pid, 'SIGKILL');
  }, 500);`,
  { eval: true, workerData: { parent: process.ppid } },
);
watchdog.unref();

const { default: work } = await import(process.env.PLANCHECK_WORKER_MODULE);

process.on('disconnect', () => process.exit(0));
process.on('message', async ({ id, task }) => {
  try {
    const result = await work(task, (progress) => process.send({ id, progress }));
    process.send({ id, ok: true, result });
  } catch (error) {
    process.send({ id, ok: false, message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
  }
});
process.send({ ready: true });
