import { PolicyError } from '../explain/policy-error';
import { shanghaiDate, type PolicyDate } from './calendar';
import { isCalendarDate } from './date-math';
import { parsePolicyVersion } from './parse-policy-version';
import type { PolicyVersion } from './policy-version';

/**
 * All parameter versions, ordered by effective date. `inForce(date)` answers which version governs
 * a decision taken on that date: the latest one whose effectiveFrom is on or before it.
 */
export class PolicyCatalog {
  readonly versions: readonly PolicyVersion[];

  constructor(versions: readonly PolicyVersion[]) {
    const sorted = [...versions].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.effectiveFrom === sorted[i - 1]!.effectiveFrom) {
        throw new PolicyError(
          'POLICY_PARAMETERS_INVALID',
          'effectiveFrom',
          `versions ${sorted[i - 1]!.id} and ${sorted[i]!.id} take effect on the same day ${sorted[i]!.effectiveFrom}`,
        );
      }
    }
    const ids = new Set<string>();
    for (const v of sorted) {
      if (ids.has(v.id)) throw new PolicyError('POLICY_PARAMETERS_INVALID', 'id', `version id ${v.id} appears twice`);
      ids.add(v.id);
    }
    this.versions = Object.freeze(sorted);
  }

  /** Validates every raw version (see parsePolicyVersion) and builds the catalog. */
  static fromRaw(raws: readonly unknown[]): PolicyCatalog {
    return new PolicyCatalog(raws.map(parsePolicyVersion));
  }

  /** @throws PolicyError POLICY_VERSION_NOT_FOUND when the date precedes every version. */
  inForce(date: PolicyDate): PolicyVersion {
    const day = shanghaiDate(date);
    if (!isCalendarDate(day))
      throw new PolicyError('POLICY_INPUT_INVALID', 'date', `date: ${JSON.stringify(day)} is not a calendar date YYYY-MM-DD`);
    let found: PolicyVersion | undefined;
    for (const v of this.versions) if (v.effectiveFrom <= day) found = v;
    if (!found) {
      throw new PolicyError(
        'POLICY_VERSION_NOT_FOUND',
        'date',
        `no policy version is in force on ${day}; the first takes effect on ${this.versions[0]?.effectiveFrom ?? '(none)'}`,
      );
    }
    return found;
  }

  byId(id: string): PolicyVersion {
    const v = this.versions.find((x) => x.id === id);
    if (!v) throw new PolicyError('POLICY_VERSION_NOT_FOUND', 'policyVersion', `no policy version with id ${id}`);
    return v;
  }

  /** A new catalog with one more version (e.g. a city operator's change), validated first. */
  with(raw: unknown): PolicyCatalog {
    return new PolicyCatalog([...this.versions, parsePolicyVersion(raw)]);
  }
}
