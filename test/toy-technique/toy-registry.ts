/**
 * The built-in registry plus the toy technique: the "one registry line" a new technique needs,
 * as a module the API (TechniquesModule), the worker and its analysis threads can all load.
 */
import { TECHNIQUE_REGISTRY } from '../../libs/analysis/src/techniques';
import type { TechniqueRegistrySource } from '../../src/modules/techniques/technique-registry';
import { TOY } from './toy.technique';

export const TOY_REGISTRY = TECHNIQUE_REGISTRY.with(TOY);

/** Where the processes and threads find TOY_REGISTRY. */
export const TOY_REGISTRY_SOURCE: TechniqueRegistrySource = { module: __filename, exportName: 'TOY_REGISTRY' };
