export * from './org-unit';
export * from './org-tree-validator';
export * from './validate-org-tree';
export * from './org-unit-directory';
