import { ExplanationBuilder, type Decision } from '../explain/explanation';
import { invalidInput } from '../explain/policy-error';
import { TITLE_LEVELS, type PostCategory, type TitleLevel } from '../parameters/policy-version';

/** PROM-1 (with POST-2's refinement): the role ladder, lowest first. */
export const ROLE_LADDER = ['staff', 'specialist', 'supervisor', 'manager', 'head'] as const;
export type Role = (typeof ROLE_LADDER)[number];

/** POST-1/POST-2: the post category (pay matrix row) a role belongs to. */
export const ROLE_POST_CATEGORY: Readonly<Record<Role, PostCategory>> = {
  staff: 'staff',
  specialist: 'staff',
  supervisor: 'staff',
  manager: 'manager',
  head: 'head',
};

/** PROM-1: the next role up (工作人员→专员→督导→主管→负责人), or null at the top. */
export function nextRole(role: Role): Decision<{ next: Role | null; postCategory: PostCategory | null }> {
  const i = ROLE_LADDER.indexOf(role);
  if (i < 0) throw invalidInput('role', `must be one of ${ROLE_LADDER.join(', ')}`, 'PROM-1');
  const next = i + 1 < ROLE_LADDER.length ? ROLE_LADDER[i + 1]! : null;
  const ex = new ExplanationBuilder({ role });
  if (next === null) {
    ex.step('PROM-1', 'Head is the top of the internal role ladder; further paths are external', null).cite('PROM-2');
    return ex.decide({ next, postCategory: null });
  }
  ex.step('PROM-1', `${role} → ${next}; meeting the requirements brings the post and its pay`, next);
  ex.step('POST-2', `${next} sits in the ${ROLE_POST_CATEGORY[next]} post category`, ROLE_POST_CATEGORY[next]);
  return ex.decide({ next, postCategory: ROLE_POST_CATEGORY[next] });
}

/** PROM-1: the next professional title (junior → intermediate → senior), or null at the top. */
export function nextTitle(title: TitleLevel): Decision<{ next: TitleLevel | null }> {
  const i = TITLE_LEVELS.indexOf(title);
  if (i < 0) throw invalidInput('title', `must be one of ${TITLE_LEVELS.join(', ')}`, 'POST-3');
  const next = i + 1 < TITLE_LEVELS.length ? TITLE_LEVELS[i + 1]! : null;
  return new ExplanationBuilder({ title })
    .step('POST-3', 'Titles: junior, intermediate, senior community worker')
    .step('PROM-1', next === null ? 'Senior is the highest title' : `${title} → ${next}`, next)
    .decide({ next });
}
