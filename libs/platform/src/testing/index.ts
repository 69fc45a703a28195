/**
 * Test-only helpers, exported as the `testing` namespace of @cwp/platform (application code
 * never calls them). Integration tests share one PostgreSQL with other engineers' tests, so every
 * test file works in its own throw-away schema.
 */
export * from './test-database';
export * from './eventually';
export * from './domain-error-of';
export * from './kafka-topics';
export * from './national-id';
export * from './integration-context';
export * from './stack-token';
export * from './bench-row';
export * from './csv-file';
