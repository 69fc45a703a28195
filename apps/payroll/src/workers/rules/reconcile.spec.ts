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
});
