export * from './cross-technique';
export * from './piece-runs';
