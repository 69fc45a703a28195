export * from './exit-causes';
