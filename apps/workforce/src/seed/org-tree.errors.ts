import type { OrgTreeProblem } from './org-tree.types';

/** Thrown by validateOrgTree with every problem found; the message lists them, one per line. */
export class OrgTreeInvalidError extends Error {
  readonly code = 'ORG_TREE_INVALID';

  constructor(readonly problems: readonly OrgTreeProblem[]) {
    const shown = problems.slice(0, 50).map((p) => `  ${p.code}: ${p.problem}`);
    const more = problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [];
    super([`org tree is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`, ...shown, ...more].join('\n'));
    this.name = 'OrgTreeInvalidError';
  }
}
