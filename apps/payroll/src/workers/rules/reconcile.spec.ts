import { WORKER_EVENT_TYPES as T } from '@cwp/contracts';
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
});
