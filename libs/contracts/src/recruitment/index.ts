export * from './names';
export * from './vocabulary';
export * from './recruitment-events';
export * from './campaign-workflow';
