export * from './names';
export * from './vocabulary';
export * from './appraisal-events';
export * from './record-workflow';
export * from './cycle-workflow';
