/** The real worker process with the toy registry: what test/e2e/toy-technique.e2e-spec.ts starts instead of apps/worker/main.ts. */
import { startWorker } from '../../apps/worker/start-worker';
import { TOY_REGISTRY_SOURCE } from './toy-registry';

startWorker(TOY_REGISTRY_SOURCE).catch((e) => {
  console.error(e);
  process.exit(1);
});
