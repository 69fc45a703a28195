import { defaultPolicyCatalog } from '../parameters/shipped-versions';
import { trainingCompliance, type TrainingRecord } from './compliance';

const policy = defaultPolicyCatalog().byId('2016-current');
const allFour = {
  'study-visit': '2021-05-01',
  secondment: '2022-03-01',
  'research-topic': '2022-09-01',
  'innovation-project': '2023-01-15',
} as const;
const record = (over: Partial<TrainingRecord> = {}): TrainingRecord => ({
  year: 2026,
  serviceStart: '2020-09-01',
  hours: 96,
  offJobYears: [2025],
  fourOnes: allFour,
  ...over,
});

describe('trainingCompliance', () => {
  it('TRAIN-2/3/4 a worker with 96 hours, off-the-job training last year and all four ones is compliant', () => {
    const d = trainingCompliance(policy, record());
    expect(d.value).toMatchObject({ compliant: true, fourOnes: { status: 'complete' }, yearsOfService: 6, stage: 'maturing' });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['TRAIN-3', 'TRAIN-4', 'TRAIN-2']);
  });

  it('TRAIN-3 fewer than 80 hours a year is not compliant', () => {
    expect(trainingCompliance(policy, record({ hours: 79.5 })).value).toMatchObject({
      compliant: false,
      hours: { required: 80, met: false },
    });
  });

  it('TRAIN-3 a worker who started in October needs 80 × 3/12 = 20 hours that year', () => {
    const v = trainingCompliance(policy, record({ serviceStart: '2026-10-08', hours: 20, offJobYears: [], fourOnes: {} })).value;
    expect(v.hours).toEqual({ required: 20, done: 20, met: true });
    expect(v.offJob.due).toBe(false);
    expect(v.fourOnes.status).toBe('in-progress');
    expect(v.compliant).toBe(true);
  });

  it('TRAIN-4 no off-the-job training in the last two years is not compliant', () => {
    expect(trainingCompliance(policy, record({ offJobYears: [2022, 2024] })).value).toMatchObject({
      compliant: false,
      offJob: { due: true, met: false, window: [2025, 2026] },
    });
  });

  it('TRAIN-2 four ones missing after the first three years are overdue; a late one does not count', () => {
    const v = trainingCompliance(policy, record({ fourOnes: { ...allFour, 'innovation-project': '2024-02-01' } })).value;
    expect(v.fourOnes).toEqual({ dueBy: '2023-09-01', status: 'overdue', missing: ['innovation-project'] });
    expect(v.compliant).toBe(false);
  });

  it('TRAIN-2 a worker in year two with two of four done is in progress, and compliant', () => {
    const v = trainingCompliance(
      policy,
      record({ serviceStart: '2025-03-01', offJobYears: [], fourOnes: { 'study-visit': '2025-06-01', secondment: '2026-04-01' } }),
    ).value;
    expect(v.fourOnes).toEqual({ dueBy: '2028-03-01', status: 'in-progress', missing: ['research-topic', 'innovation-project'] });
    expect(v.stage).toBe('becoming-qualified');
    expect(v.compliant).toBe(true);
  });

  it('TRAIN-3 rejects a negative number of hours naming the field', () => {
    expect(() => trainingCompliance(policy, record({ hours: -1 }))).toThrow(/^hours: -1 is outside 0\.\.5000 \(TRAIN-3\)$/);
  });
});
