/** The technique contract: descriptor, parameter and metric specs, registry. */
export * from './metrics';
export * from './parameters';
export * from './registry';
export * from './technique';
export * from './describe';
