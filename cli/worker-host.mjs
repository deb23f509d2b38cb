// A worker process of the pool (see process-pool.ts): imports the worker module named by
// PLANCHECK_WORKER_MODULE, says it is ready, then runs each task it is sent and sends back the
// result or the error's first line. It exits when the parent goes away, so a killed run leaves none.
const { default: work } = await import(process.env.PLANCHECK_WORKER_MODULE);

process.on('disconnect', () => process.exit(0));
process.on('message', async ({ id, task }) => {
  try {
    const result = await work(task);
    process.send({ id, ok: true, result });
  } catch (error) {
    process.send({ id, ok: false, message: error instanceof Error ? error.message.split('\n')[0] : String(error) });
  }
});
process.send({ ready: true });
