/**
 * The technique registry as the processes see it: a Nest provider (TECHNIQUES) that the API's
 * validators, routes and reports and the worker read, and the module it was loaded from, so an
 * analysis thread (analysis.thread.ts) loads the same registry. The built-in one is
 * libs/analysis/src/techniques.ts; a test passes another module, e.g. one exporting
 * `TECHNIQUE_REGISTRY.with(TOY)` (test/toy-technique/), and nothing else changes.
 */
import { TechniqueRegistry, type TechniqueRegistryView } from '../../../libs/analysis/src/technique/registry';

/** Nest token of the process's TechniqueRegistry. */
export const TECHNIQUES = 'TECHNIQUES';
/** Nest token of the TechniqueRegistrySource the registry came from (the analysis threads load it again). */
export const TECHNIQUE_SOURCE = 'TECHNIQUE_SOURCE';

/** What the processes use of a registry, whatever techniques it holds (the built-in one, or one `.with(...)` another). */
export type Techniques = TechniqueRegistryView;

/** Where a registry lives: a module path (a worker thread can require it) and its export. */
export interface TechniqueRegistrySource {
  module: string;
  exportName: string;
}

/** libs/analysis/src/techniques.ts (compiled .js in dist/, the .ts source under SWC in tests). */
export const BUILT_IN_TECHNIQUES: TechniqueRegistrySource = {
  module: require.resolve('../../../libs/analysis/src/techniques'),
  exportName: 'TECHNIQUE_REGISTRY',
};

/** The registry `source` names; throws, naming the source, when its export is not a TechniqueRegistry. */
export function loadTechniqueRegistry(source: TechniqueRegistrySource): Techniques {
  // A module path chosen by the process's own code (never a request), loaded once per process or thread.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = (require(source.module) as Record<string, unknown>)[source.exportName];
  if (!(exported instanceof TechniqueRegistry)) throw new Error(`${source.module} does not export a technique registry named ${source.exportName}`);
  return exported;
}
