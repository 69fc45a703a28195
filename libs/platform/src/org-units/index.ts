export * from './org-unit';
export * from './validate-org-tree';
export * from './org-unit-directory';
