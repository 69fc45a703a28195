import { createValidationPipe, ValidationFailedError } from '@cwp/platform';
import { ReportQueryDto } from './report.dto';

const pipe = createValidationPipe();

async function fieldsRefused(value: object): Promise<string[]> {
  try {
    await pipe.transform(value, { type: 'query', metatype: ReportQueryDto });
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return error.errors.map((e) => e.field);
  }
}

describe('QUOTA-6 report query', () => {
  it('takes calendar days for from and to, and refuses days that do not exist or other formats', async () => {
    expect(await fieldsRefused({ from: '2025-07-01', to: '2028-02-29' })).toEqual([]);
    expect(await fieldsRefused({})).toEqual([]);
    expect(await fieldsRefused({ from: '2026-02-30', to: '2026-6-30' })).toEqual(['from', 'to']);
  });
});
