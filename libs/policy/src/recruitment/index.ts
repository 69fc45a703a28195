export * from './combined-score';
export * from './eligibility';
