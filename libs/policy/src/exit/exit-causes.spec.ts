import { assessExitCauses, EXIT_CAUSES } from './exit-causes';

describe('assessExitCauses', () => {
  it('EXIT-3 the causes are a closed set of five', () => {
    expect(EXIT_CAUSES).toHaveLength(5);
  });

  it('EXIT-3 cause 1: unqualified in two consecutive years', () => {
    const d = assessExitCauses({
      entryRoute: 'recruited',
      appraisals: [
        { year: 2025, grade: 'unqualified' },
        { year: 2024, grade: 'unqualified' },
      ],
    });
    expect(d.value).toEqual({ causes: ['unqualified-two-years'], route: 'contract-termination' });
    expect(d.explanation.rules.map((r) => r.id)).toEqual(['ORG-3', 'APPR-5', 'EXIT-3']);
  });

  it('EXIT-3 cause 1 needs consecutive years: 2022 and 2024 unqualified is not it', () => {
    const d = assessExitCauses({
      entryRoute: 'recruited',
      appraisals: [
        { year: 2022, grade: 'unqualified' },
        { year: 2023, grade: 'qualified' },
        { year: 2024, grade: 'unqualified' },
      ],
    });
    expect(d.value).toEqual({ causes: [], route: 'none' });
  });

  it('EXIT-3 causes 2–5 need every element of the cause', () => {
    expect(assessExitCauses({ entryRoute: 'recruited', seriousBreach: true }).value.causes).toEqual(['serious-breach']);
    expect(assessExitCauses({ entryRoute: 'recruited', dutyFailure: true }).value.causes).toEqual([]);
    expect(assessExitCauses({ entryRoute: 'recruited', dutyFailure: true, correctedAfterEducation: true }).value.causes).toEqual([]);
    expect(assessExitCauses({ entryRoute: 'recruited', dutyFailure: true, correctedAfterEducation: false }).value.causes).toEqual([
      'uncorrected-duty-failure',
    ]);
    expect(assessExitCauses({ entryRoute: 'recruited', seriousDereliction: true }).value.causes).toEqual([]);
    expect(assessExitCauses({ entryRoute: 'recruited', seriousDereliction: true, majorHarm: true }).value.causes).toEqual([
      'serious-dereliction',
    ]);
    expect(assessExitCauses({ entryRoute: 'recruited', unableToDoJob: true }).value.causes).toEqual([]);
    expect(assessExitCauses({ entryRoute: 'recruited', unableToDoJob: true, afterTrainingOrPostChange: true }).value.causes).toEqual([
      'unable-after-training',
    ]);
  });

  it("EXIT-3 reports several causes at once, in the rule's order", () => {
    const v = assessExitCauses({
      entryRoute: 'recruited',
      unableToDoJob: true,
      afterTrainingOrPostChange: true,
      seriousBreach: true,
    }).value;
    expect(v.causes).toEqual(['serious-breach', 'unable-after-training']);
  });

  it('EXIT-2 an elected worker is not subject to the five causes; leaves only by law', () => {
    expect(assessExitCauses({ entryRoute: 'elected', seriousBreach: true }).value).toEqual({ causes: [], route: 'none' });
    expect(assessExitCauses({ entryRoute: 'elected', statutoryCause: 'Labour Contract Law art. 39' }).value.route).toBe('exit-by-law');
    const twice = assessExitCauses({
      entryRoute: 'elected',
      appraisals: [
        { year: 2024, grade: 'unqualified' },
        { year: 2025, grade: 'unqualified' },
      ],
    });
    expect(twice.value.route).toBe('organisational-adjustment');
  });

  it('APPR-5 rejects the same year appraised twice', () => {
    expect(() =>
      assessExitCauses({
        entryRoute: 'recruited',
        appraisals: [
          { year: 2024, grade: 'qualified' },
          { year: 2024, grade: 'unqualified' },
        ],
      }),
    ).toThrow(/^appraisals\[1\]\.year/);
  });
});
