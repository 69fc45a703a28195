import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { checkTitlePromotion } from './title-structure';

const policy = defaultPolicyCatalog().byId('2016-current');

describe('checkTitlePromotion', () => {
  it('PROM-3 allows a promotion that keeps the unit near 4:4:2', () => {
    // 20 workers: 9:7:4 → promoting junior→intermediate gives 8:8:4 = exactly 4:4:2.
    const d = checkTitlePromotion(policy, { junior: 9, intermediate: 7, senior: 4 }, 'junior', 'intermediate');
    expect(d.value.allowed).toBe(true);
    expect(d.value.sharesAfter).toEqual({ junior: 0.4, intermediate: 0.4, senior: 0.2 });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['PROM-1', 'PROM-3']);
  });

  it('PROM-3 refuses a promotion that overfills the senior title beyond 20% + 5 points', () => {
    // 20 workers, 5 senior (25%): a sixth would make 30% > 25%.
    expect(checkTitlePromotion(policy, { junior: 8, intermediate: 7, senior: 5 }, 'intermediate', 'senior').value).toMatchObject({
      allowed: false,
      ceilingShare: 0.25,
    });
    // Exactly at the tolerance (5 of 20 = 25%) is allowed.
    expect(checkTitlePromotion(policy, { junior: 8, intermediate: 8, senior: 4 }, 'intermediate', 'senior').value.allowed).toBe(true);
  });

  it('PROM-1 a promotion climbs one title; PROM-3 needs someone to promote', () => {
    expect(() => checkTitlePromotion(policy, { junior: 5, intermediate: 5, senior: 0 }, 'junior', 'senior')).toThrow(/^to: .*\(PROM-1\)$/);
    expect(() => checkTitlePromotion(policy, { junior: 0, intermediate: 5, senior: 0 }, 'junior', 'intermediate')).toThrow(
      /^counts\.junior: /,
    );
  });
});
