/** The real worker process with the runaway registry: what the analysis-limit specs start instead of apps/worker/main.ts. */
import { startWorker } from '../../apps/worker/start-worker';
import { RUNAWAY_REGISTRY_SOURCE } from './runaway-registry';

startWorker(RUNAWAY_REGISTRY_SOURCE).catch((e) => {
  console.error(e);
  process.exit(1);
});
