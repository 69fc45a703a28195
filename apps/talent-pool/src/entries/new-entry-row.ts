import { maskNationalId, maskPhone } from '@cwp/policy';
import type { PiiCipher, Principal } from '@cwp/platform';
import type { RegisterEntryDto } from './entry.dto';
import type { NewEntryRow } from './entry.row';
import type { ReservePlan } from './rules/reserve-plan';

/**
 * A new active entry row: personal data encrypted (national ID, phone) beside its display mask,
 * and the keyed `person_ref` the unique index and the worker.hired handler match on.
 * `registration.nationalId` must already be validated and normalized (checkNationalId).
 */
export function newEntryRow(
  id: string,
  registration: RegisterEntryDto,
  plan: ReservePlan,
  cipher: PiiCipher,
  createdBy: Principal,
): NewEntryRow {
  return {
    id,
    status: 'active',
    holdingUnit: registration.holdingUnit,
    source: registration.source,
    education: registration.education,
    major: registration.major ?? null,
    certificates: [...(registration.certificates ?? [])].sort(),
    name: registration.name,
    nationalIdEnc: cipher.encrypt(registration.nationalId, 'national-id'),
    nationalIdMasked: maskNationalId(registration.nationalId),
    phoneEnc: cipher.encrypt(registration.phone, 'phone'),
    phoneMasked: maskPhone(registration.phone),
    personRef: cipher.personRef(registration.nationalId),
    reserveMonths: plan.months,
    registeredOn: plan.registeredOn,
    expiresOn: plan.expiresOn,
    expiresAt: plan.expiresAt,
    reminderDays: plan.reminderDays,
    remindedFor: null,
    endedOn: null,
    joinRoute: null,
    joinedWorkerId: null,
    withdrawReason: null,
    policyVersion: plan.policyVersion,
    reserveExplanation: plan.explanation,
    workflowStartedAt: null,
    createdBy: createdBy.sub,
    version: 1,
  };
}
