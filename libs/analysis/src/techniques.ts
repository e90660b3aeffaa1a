/**
 * THE technique registry. Adding a technique = its folder (a descriptor made by defineTechnique,
 * see technique/technique.ts) + one entry here. The database stores the ids as text; no migration.
 * The order is the report's display order and breaks detection ties.
 */
import { DSC } from './dsc/dsc.technique';
import { MAGNETIC } from './magnetic/magnetic.technique';
import { RESISTANCE } from './resistance/resistance.technique';
import { SAXS } from './saxs/saxs.technique';
import { createTechniqueRegistry, type AnalyzeParamsOf, type TechniqueIdOf } from './technique/registry';
import { XRD } from './xrd/xrd.technique';

export const TECHNIQUE_REGISTRY = createTechniqueRegistry([MAGNETIC, RESISTANCE, XRD, SAXS, DSC]);

type Registered = typeof TECHNIQUE_REGISTRY.list;

/** The registered ids in registry order, as a plain array (validators, OpenAPI enums). */
export const TECHNIQUE_IDS: TechniqueId[] = [...TECHNIQUE_REGISTRY.ids];

/** 'MAGNETIC' | 'RESISTANCE' | 'XRD' | 'SAXS' | 'DSC': every registered technique. */
export type TechniqueId = TechniqueIdOf<Registered>;

/** Parameters a person or the database supplies (every technique's); they override what the file header says. */
export type AnalyzeParams = AnalyzeParamsOf<Registered>;
