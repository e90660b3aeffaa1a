/** Resistance: resistive Tc, Hc2(T), WHH and Maki–de Gennes Hc2(0), coherence length. */
export { ANALYZER, RESISTANCE, RESISTANCE_METRICS } from './resistance.technique';
export { analyzeResistance, transportChannels } from './analyze-resistance';
export type { ChannelSummary, ResistanceMetrics, ResistanceResult, TransportChannel } from './analyze-resistance';
export { analyzeTransition } from './transition';
export { fitMakiDeGennes } from './mdg-fit';
export type { Hc2Point, MdgFit } from './mdg-fit';
export { coherenceLengthNm, mdgHc2ZeroT, pairBreakingX, whhHc2ZeroT, PHI0_WB, WHH_COEFF } from './dirty-limit';
