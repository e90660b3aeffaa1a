/** The built-in registry plus STUCK and GREEDY (runaway.techniques.ts), for the processes and threads of the limit specs. */
import { TECHNIQUE_REGISTRY } from '../../libs/analysis/src/techniques';
import type { TechniqueRegistrySource } from '../../src/modules/techniques/technique-registry';
import { GREEDY, STUCK } from './runaway.techniques';

export const RUNAWAY_REGISTRY = TECHNIQUE_REGISTRY.with(STUCK, GREEDY);

/** Where the processes and threads find RUNAWAY_REGISTRY. */
export const RUNAWAY_REGISTRY_SOURCE: TechniqueRegistrySource = { module: __filename, exportName: 'RUNAWAY_REGISTRY' };
