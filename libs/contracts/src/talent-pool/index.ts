export * from './vocabulary';
export * from './names';
export * from './entry-events';
export * from './entry-workflow';
export * from './entry-state-events';
export * from './entry-candidate-events';
