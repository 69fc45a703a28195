import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_TYPE_PATTERN, TOPIC_PATTERN } from '../cloudevent';
import { appraisalResultPublishedContract, type AppraisalResultPublishedData } from './result-published';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
const sample: AppraisalResultPublishedData = { workerId: 'w-1', unitCode: '310101002001', year: 2026, grade: 'excellent', publishedOn: '2027-01-20', rules: ['APPR-2'] };

describe('cwp.appraisal.result.published.v1', () => {
  it('follows the naming rules and validates a well-formed sample', () => {
    expect(appraisalResultPublishedContract.type).toMatch(EVENT_TYPE_PATTERN);
    expect(appraisalResultPublishedContract.topic).toMatch(TOPIC_PATTERN);
    expect(ajv.compile(appraisalResultPublishedContract.schema)(sample)).toBe(true);
  });

  it('APPR-2: refuses an unknown grade and personal data (closed schema)', () => {
    const validate = ajv.compile(appraisalResultPublishedContract.schema);
    expect(validate({ ...sample, grade: 'good' })).toBe(false);
    for (const extra of [{ name: '张三' }, { nationalId: '11010519491231002X' }, { phone: '13812345678' }]) expect(validate({ ...sample, ...extra })).toBe(false);
  });
});
