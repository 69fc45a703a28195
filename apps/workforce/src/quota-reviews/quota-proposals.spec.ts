import { defaultPolicyCatalog } from '@cwp/policy';
import { initialAreaQuota } from '../quotas';
import { proposeForAreas, proposeForCentres, proposeForFloating } from './quota-proposals';

const policy = defaultPolicyCatalog().inForce('2026-07-01');

describe('review proposals (QUOTA-5)', () => {
  it('proposes only areas whose quota would change, with the proposed range', () => {
    const steady = initialAreaQuota(policy, 1200).value.value;
    const rows = proposeForAreas(policy, [
      { code: '310101002001', households: 1200, current: steady },
      { code: '310101002002', households: 2600, current: 9 },
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unitCode: '310101002002', kind: 'area', currentQuota: 9, proposedQuota: 10, households: 2600 });
    expect(rows[0]!.proposedMin).toBeLessThanOrEqual(rows[0]!.proposedQuota);
  });

  it('QUOTA-3: proposes centres whose quota differs from the parameter', () => {
    const rows = proposeForCentres(policy, [
      { code: '310101002', current: 80 },
      { code: '310101013', current: 76 },
    ]);
    expect(rows.map((r) => [r.unitCode, r.proposedQuota])).toEqual([['310101013', 80]]);
  });
});

describe('floating quota proposals (QUOTA-4, QUOTA-5)', () => {
  it('re-proposes a street pool that no longer matches its areas, never below what is lent', () => {
    const rows = proposeForFloating(policy, 5, [
      { code: '310101002', current: 10, lent: 0, areaSum: 200, areas: 20 },
      { code: '310101013', current: 10, lent: 0, areaSum: 220, areas: 20 },
      { code: '310101015', current: 12, lent: 12, areaSum: 200, areas: 20 },
    ]);
    expect(rows.map((r) => [r.unitCode, r.proposedQuota])).toEqual([['310101013', 11]]);
    expect(rows[0]!.explanation.rules.map((r) => r.id)).toEqual(['QUOTA-4']);
  });
});
