import { defaultPolicyCatalog } from '@cwp/policy';
import type { RatingAggregateRow } from '../result.row';
import { scoreWorker } from './score-worker';

const policy = defaultPolicyCatalog().inForce('2026-12-31');
const row = (source: RatingAggregateRow['source'], value: number, raters = 1): RatingAggregateRow => ({
  workerId: 'w1',
  unitCode: '310101002001',
  entryRoute: 'recruited',
  source,
  raters,
  morality: value,
  ability: value,
  diligence: value,
  performance: value,
  integrity: value,
});

describe('scoreWorker (APPR-1..3)', () => {
  it('APPR-3 weighs the three sources with the version in force and maps the score to a grade (APPR-2)', () => {
    const scored = scoreWorker(policy, [row('management', 95), row('peers', 90, 4), row('residents', 80, 12)])!;
    const w = policy.appraisal.raterWeights;
    expect(scored.score).toBeCloseTo(95 * w.management + 90 * w.peers + 80 * w.residents, 2);
    expect(scored.explanation.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['APPR-1', 'APPR-2', 'APPR-3']));
    expect(scored.explanation.inputs).toMatchObject({ raters: { management: 1, peers: 4, residents: 12 } });
  });

  it('APPR-3 a source that did not rate is left out and the weights renormalised', () => {
    const scored = scoreWorker(policy, [row('management', 50), row('peers', 50)])!;
    expect(scored.score).toBe(50);
    expect(scored.grade).toBe('unqualified');
  });

  it('a worker nobody rated gets no result (a missing year)', () => {
    expect(scoreWorker(policy, [row(null, 0, 0)])).toBeNull();
  });
});
