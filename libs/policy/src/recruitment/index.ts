export * from './combined-score';
export * from './eligibility';
export * from './rounds-and-publicity';
