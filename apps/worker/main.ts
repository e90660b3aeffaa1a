import { startWorker } from './start-worker';

startWorker().catch((e) => {
  console.error(e);
  process.exit(1);
});
