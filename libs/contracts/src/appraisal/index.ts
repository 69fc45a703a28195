export * from './result-published';
