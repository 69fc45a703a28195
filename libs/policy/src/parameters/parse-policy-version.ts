import { PolicyError } from '../explain/policy-error';
import { isRuleId, type RuleId } from '../explain/rules';
import { FieldReader } from './field-reader';
import { parseAppraisal, parsePay } from './parse-pay-sections';
import { parsePool, parsePromotion, parseQuota, parseRecruitment, parseReserveCadre, parseTraining } from './parse-staffing-sections';
import type { PolicyVersion } from './policy-version';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * Validates an untrusted parameter version (a JSON file, an operator's request) and returns it
 * typed. Every bound POLICY.md sets is checked; all problems are reported at once, each naming the
 * field path and the rule, e.g. `pay.multiplier: 1.6 is outside 1..1.5 (PAY-3)`.
 * @throws PolicyError with code POLICY_PARAMETERS_INVALID
 */
export function parsePolicyVersion(raw: unknown): PolicyVersion {
  const r = new FieldReader();
  const o = r.object(raw, '(root)');
  r.onlyKeys(o, '', [
    '$schema',
    'id',
    'effectiveFrom',
    'note',
    'sets',
    'quota',
    'recruitment',
    'pool',
    'appraisal',
    'pay',
    'promotion',
    'training',
    'reserveCadre',
  ]);
  const id = r.string(o, 'id', '', /^[a-z0-9][a-z0-9-]{0,63}$/);
  const effectiveFrom = r.string(o, 'effectiveFrom', '', DATE);
  const note = r.string(o, 'note', '');
  const sets = r.array(o, 'sets', '').filter((s, i): s is RuleId => {
    if (typeof s === 'string' && isRuleId(s)) return true;
    r.problem(`sets[${i}]`, `${JSON.stringify(s)} is not a rule ID of POLICY.md`);
    return false;
  });
  const version: PolicyVersion = {
    id,
    effectiveFrom,
    note,
    sets,
    quota: parseQuota(r, r.child(o, 'quota', ''), 'quota'),
    recruitment: parseRecruitment(r, r.child(o, 'recruitment', ''), 'recruitment'),
    pool: parsePool(r, r.child(o, 'pool', ''), 'pool'),
    appraisal: parseAppraisal(r, r.child(o, 'appraisal', ''), 'appraisal'),
    pay: parsePay(r, r.child(o, 'pay', ''), 'pay'),
    promotion: parsePromotion(r, r.child(o, 'promotion', ''), 'promotion'),
    training: parseTraining(r, r.child(o, 'training', ''), 'training'),
    reserveCadre: parseReserveCadre(r, r.child(o, 'reserveCadre', ''), 'reserveCadre'),
  };
  if (r.issues.length > 0) {
    const head = r.issues.length === 1 ? r.issues[0]! : `${r.issues.length} problems: ${r.issues.join('; ')}`;
    throw new PolicyError('POLICY_PARAMETERS_INVALID', r.paths[0]!, `policy version ${id || '(no id)'}: ${head}`, undefined, r.issues);
  }
  return deepFreeze(version);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
