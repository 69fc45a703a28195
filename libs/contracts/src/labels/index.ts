export * from './vocabulary-labels';
