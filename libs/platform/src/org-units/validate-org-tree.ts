import { findOrgTreeProblems } from './org-tree-validator';

/**
 * Every problem with a tree as text lines (`<code>: <problem>`), empty when valid.
 * @deprecated use `findOrgTreeProblems` (structured problems) or `parseOrgTree` (throws
 * OrgTreeInvalidError) from org-tree-validator.ts; this wrapper stays until no caller is left.
 */
export function validateOrgTree(units: readonly unknown[]): string[] {
  return findOrgTreeProblems(units).map((p) => `${p.code}: ${p.problem}`);
}
