/**
 * MPMS virtual instrument: a physical model of ZFC/FC χ(T) through the superconducting transition
 * of a heterogeneous ribbon (mpms-model) and writers of MultiVu `.dat` files (mpms-writers).
 */
export * from './mpms-columns';
export * from './mpms-model';
export * from './mpms-writers';
