// Test-only entry of the training app (`@cwp/training/testing`): the integration context and builders.
export * from './training-int-context';
export * from './builders';
