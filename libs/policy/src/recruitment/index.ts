export * from './combined-score';
export * from './eligibility';
export * from './rounds-and-publicity';
export * from './certificates';
export * from './reserve-cadre';
