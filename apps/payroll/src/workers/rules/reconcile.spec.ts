import { WORKER_EVENT_TYPES as T, WORKER_STATE_EVENT_TYPE } from '@cwp/contracts';
import { reconcileProjection } from './reconcile';

describe('reconcileProjection (projection vs events consumed)', () => {
  it('is consistent when every applied hire is a row and every applied exit an exited row', () => {
    const report = reconcileProjection({
      consumed: { [T.hired]: 3, [T.changed]: 2, [T.exited]: 1 },
      misses: { [T.changed]: 1 },
      workers: 3,
      exited: 1,
    });
    expect(report).toMatchObject({
      consistent: true,
      applied: { hired: 3, changed: 1, exited: 1 },
      projection: { active: 2 },
      discrepancies: [],
    });
  });

  it('names a row that no consumed event explains', () => {
    const report = reconcileProjection({ consumed: { [T.hired]: 2 }, misses: {}, workers: 3, exited: 0 });
    expect(report.consistent).toBe(false);
    expect(report.discrepancies).toEqual(['2 hired events applied but 3 workers in the projection']);
  });

  it('a duplicate hire recorded as a miss does not count as a row', () => {
    const report = reconcileProjection({ consumed: { [T.hired]: 2 }, misses: { [T.hired]: 1 }, workers: 1, exited: 0 });
    expect(report.consistent).toBe(true);
  });

  it('bootstrap: a worker first seen on the worker-state topic accounts for its row; a stale state event applies nothing', () => {
    const report = reconcileProjection({
      consumed: { [T.hired]: 2, [T.exited]: 1 },
      misses: { [T.hired]: 1, [WORKER_STATE_EVENT_TYPE]: 1 },
      workers: 4,
      exited: 2,
      state: { consumed: 4, inserted: 3 },
    });
    expect(report).toMatchObject({ consistent: true, bootstrap: { consumed: 4, applied: 3, stale: 1, inserted: 3 } });
    const lost = reconcileProjection({ consumed: {}, misses: {}, workers: 1, exited: 0, state: { consumed: 2, inserted: 2 } });
    expect(lost.discrepancies).toEqual(['0 hired events applied and 2 workers bootstrapped from state but 1 workers in the projection']);
  });

  it('field by field: a row behind its state, a missing worker and a differing level each name the workers to look at', () => {
    const same = { states: 5, compared: 5, missing: 0, behind: 0, differing: { unitCode: 0, postLevel: 0 }, sample: [] };
    const base = { consumed: { [T.hired]: 5 }, misses: {}, workers: 5, exited: 0 };
    expect(reconcileProjection({ ...base, fields: same })).toMatchObject({ consistent: true, fields: same, discrepancies: [] });
    const off = {
      states: 6,
      compared: 4,
      missing: 1,
      behind: 1,
      differing: { unitCode: 0, postLevel: 2 },
      sample: ['w2', 'w5', 'w6', 'w9'],
    };
    const report = reconcileProjection({ ...base, fields: off });
    expect(report.consistent).toBe(false);
    expect(report.discrepancies).toEqual([
      '1 workers on the worker-state topic are missing from the projection (e.g. w2, w5, w6, w9)',
      '1 projected workers are older than their state on the worker-state topic (e.g. w2, w5, w6, w9)',
      'postLevel differs from the worker-state topic for 2 workers at the same version (e.g. w2, w5, w6, w9)',
    ]);
    expect(reconcileProjection(base).fields).toBeNull();
  });
});
