import { DomainError } from '@cwp/platform';
import type { PostCategory, PostRole, WorkerRole } from '@cwp/contracts';
import { ROLE_POST_CATEGORY } from '@cwp/policy';

/** POST-2: the refinements a role may carry. Specialists and supervisors carry their own name. */
const ROLE_POST_ROLES: Readonly<Record<WorkerRole, readonly PostRole[]>> = {
  staff: [],
  specialist: ['specialist'],
  supervisor: ['supervisor'],
  manager: ['business-manager', 'administrative-manager'],
  head: [],
};

export interface Post {
  postCategory: PostCategory;
  postRole: PostRole | null;
}

/**
 * The POST-1 category and POST-2 refinement that go with a PROM-1 role. A category or refinement
 * sent with the role must agree with it (400 naming the field); left out, they are derived
 * (a manager's business/administrative refinement stays open until set).
 */
export function postForRole(role: WorkerRole, postCategory?: PostCategory, postRole?: PostRole | null): Post {
  const category = ROLE_POST_CATEGORY[role];
  if (postCategory !== undefined && postCategory !== category) {
    throw DomainError.validation(
      'postCategory',
      `postCategory ${postCategory} does not fit role ${role}, which sits in the ${category} category (POST-1, POST-2)`,
    );
  }
  const allowed = ROLE_POST_ROLES[role];
  if (postRole !== undefined && postRole !== null && !allowed.includes(postRole)) {
    throw DomainError.validation(
      'postRole',
      `postRole ${postRole} does not fit role ${role} (POST-2)${allowed.length ? `: use ${allowed.join(' or ')}` : ''}`,
    );
  }
  const derived = role === 'specialist' || role === 'supervisor' ? role : null;
  return { postCategory: category, postRole: postRole ?? derived };
}
