import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createContractRegistry } from '../registry';
import { quotaReviewWorkflowId, WORKFORCE_QUOTAS_TOPIC } from './names';
import {
  floatingQuotaLentContract,
  quotaChangedContract,
  quotaReviewClosedContract,
  quotaReviewOpenedContract,
  workforceQuotaEventContracts,
  type FloatingQuotaMovedData,
  type QuotaChangedData,
} from './quota-events';

const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const validate = (schema: object, data: unknown) => ajv.compile(schema)(data);

const changed: QuotaChangedData = {
  unitCode: '310101002001',
  kind: 'area',
  districtCode: '310101',
  previousQuota: 9,
  quota: 10,
  reason: 'review-approved',
  reviewYear: 2027,
  effectiveFrom: '2027-02-01',
  policyVersion: '2027-proposal',
  rules: ['QUOTA-1', 'QUOTA-2', 'QUOTA-5'],
};
const lent: FloatingQuotaMovedData = {
  loanId: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10',
  streetCode: '310101002',
  areaCode: '310101002001',
  amount: 2,
  held: 19,
  lent: 2,
  available: 17,
  on: '2026-11-24',
};

describe('workforce quota event contracts (QUOTA-1..5)', () => {
  it('all live on cwp.workforce.quotas, with distinct v1 types', () => {
    expect(new Set(workforceQuotaEventContracts.map((c) => c.topic))).toEqual(new Set([WORKFORCE_QUOTAS_TOPIC]));
    expect(createContractRegistry(workforceQuotaEventContracts).all()).toHaveLength(5);
    expect(workforceQuotaEventContracts.every((c) => c.version === 1)).toBe(true);
  });

  it('accept well-formed data and refuse unknown fields (closed schemas: nothing personal can slip in)', () => {
    expect(validate(quotaChangedContract.schema, changed)).toBe(true);
    expect(validate(floatingQuotaLentContract.schema, lent)).toBe(true);
    expect(validate(quotaChangedContract.schema, { ...changed, name: '张三' })).toBe(false);
    expect(validate(floatingQuotaLentContract.schema, { ...lent, phone: '13812345678' })).toBe(false);
    expect(validate(quotaReviewOpenedContract.schema, { year: 2027, policyVersion: '2027-proposal', decisionDays: 30 })).toBe(true);
    expect(
      validate(quotaReviewClosedContract.schema, {
        year: 2027,
        proposals: 3,
        applied: 2,
        rejected: 1,
        districts: { approved: 1, rejected: 1, lapsedApproved: 0, noChanges: 14 },
      }),
    ).toBe(true);
  });

  it('refuse codes of the wrong kind and non-positive loans', () => {
    expect(validate(floatingQuotaLentContract.schema, { ...lent, streetCode: '310101' })).toBe(false);
    expect(validate(floatingQuotaLentContract.schema, { ...lent, amount: 0 })).toBe(false);
    expect(validate(quotaChangedContract.schema, { ...changed, rules: ['quota five'] })).toBe(false);
  });

  it('QUOTA-5: one review workflow per year (business key)', () => {
    expect(quotaReviewWorkflowId(2027)).toBe('quota-review:2027');
  });
});
