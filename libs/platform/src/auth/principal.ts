import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import type { OrgUnitKind } from '../org-units/org-unit';
import type { OrgUnitDirectory } from '../org-units/org-unit-directory';

export const ROLES = ['city', 'district', 'street', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the verified JWT claims `sub`, `role`, `unit` (ORG-2). */
export interface Principal {
  readonly sub: string;
  readonly role: Role;
  /** Org unit code the operator acts for. */
  readonly unit: string;
}

/** The unit kind each role acts for; `system` (batch jobs, workflows) acts for the whole city. */
export const UNIT_KIND_OF_ROLE: Readonly<Record<Role, OrgUnitKind>> = {
  city: 'city',
  district: 'district',
  street: 'street',
  system: 'city',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Problems with a role/unit pair against the tree, empty when it suits (a street role needs a street code …). */
export function roleUnitProblems(role: Role, unit: string, directory: OrgUnitDirectory): string[] {
  const found = directory.get(unit);
  if (!found) return [`unit ${unit} is not in the org tree`];
  const expected = UNIT_KIND_OF_ROLE[role];
  return found.kind === expected ? [] : [`role ${role} needs a ${expected} unit, but ${unit} is a ${found.kind}`];
}

export function assertRoleSuitsUnit(role: Role, unit: string, directory: OrgUnitDirectory): void {
  const problems = roleUnitProblems(role, unit, directory);
  if (problems.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, problems.join('; '), { field: 'unit' });
}
