import { createValidationPipe, ValidationFailedError } from '@cwp/platform';
import { ExitDto, HireWorkerDto, ListWorkersQueryDto, PromotionDto, TransferDto, UpdateWorkerDto, toWorkerResponse } from './worker.dto';
import type { WorkerRow } from './worker.row';

const pipe = createValidationPipe();

async function fieldsRefused(metatype: new () => object, value: unknown, type: 'body' | 'query' = 'body'): Promise<string[]> {
  try {
    await pipe.transform(value, { type, metatype });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).errors.map((e) => e.field);
  }
  return [];
}

const hire = {
  unitCode: '310101002001',
  name: ' 李四 ',
  birthDate: '1990-05-17',
  education: 'bachelor',
  entryRoute: 'recruited',
  role: 'staff',
  postLevel: 3,
};

describe('roster DTO validation at the edge', () => {
  it('REC-4 education takes the policy codes shared with the talent pool; the old high-school and doctor are refused', async () => {
    for (const education of ['below-junior-college', 'junior-college', 'bachelor', 'master', 'doctorate'])
      expect(await fieldsRefused(HireWorkerDto, { ...hire, education })).toEqual([]);
    for (const education of ['high-school', 'doctor', 'secondary'])
      expect(await fieldsRefused(HireWorkerDto, { ...hire, education })).toEqual(['education']);
  });

  it('accepts a valid hire and trims the name', async () => {
    expect(await fieldsRefused(HireWorkerDto, hire)).toEqual([]);
    const dto = (await pipe.transform(hire, { type: 'body', metatype: HireWorkerDto })) as HireWorkerDto;
    expect(dto.name).toBe('李四');
  });

  it.each([
    ['unitCode', { unitCode: '310101' }],
    ['unitCode', { unitCode: '320101002' }],
    ['postLevel', { postLevel: 0 }],
    ['postLevel', { postLevel: 19 }],
    ['postLevel', { postLevel: '3' }],
    ['education', { education: 'phd' }],
    ['entryRoute', { entryRoute: 'appointed' }],
    ['role', { role: 'director' }],
    ['title', { title: 'expert' }],
    ['birthDate', { birthDate: '1990-02-30' }],
    ['nationalId', { nationalId: '110105194912310021' }],
    ['talentPoolEntryId', { talentPoolEntryId: 'entry-1' }],
    ['major', { major: 'Social Work; DROP' }],
    ['salary', { salary: 100 }],
  ])('POST-1/ORG-3 vocabularies: a bad %s is refused naming it', async (field, override) => {
    expect(await fieldsRefused(HireWorkerDto, { ...hire, ...override })).toContain(field);
  });

  it('the national ID message never repeats the number', async () => {
    try {
      await pipe.transform({ ...hire, nationalId: '110105194912310021' }, { type: 'body', metatype: HireWorkerDto });
    } catch (error) {
      expect(JSON.stringify((error as ValidationFailedError).errors)).not.toContain('110105194912310021');
    }
  });

  it('PATCH needs the version read; null clears a title, an unknown title is refused', async () => {
    expect(await fieldsRefused(UpdateWorkerDto, { postLevel: 4 })).toContain('version');
    expect(await fieldsRefused(UpdateWorkerDto, { version: 2, title: null })).toEqual([]);
    expect(await fieldsRefused(UpdateWorkerDto, { version: 2, title: 'guru' })).toContain('title');
  });

  it('EXIT-1..3 the exit cause is a closed set; facts are validated field by field', async () => {
    expect(await fieldsRefused(ExitDto, { cause: 'resigned', effectiveOn: '2026-01-01' })).toContain('cause');
    expect(await fieldsRefused(ExitDto, { cause: 'law' })).toContain('effectiveOn');
    expect(
      await fieldsRefused(ExitDto, {
        cause: 'unqualified-two-years',
        effectiveOn: '2026-01-01',
        facts: { appraisals: [{ year: 2025, grade: 'bad' }] },
      }),
    ).toContain('facts.appraisals.0.grade');
    expect(await fieldsRefused(ExitDto, { cause: 'law', effectiveOn: '2026-01-01', facts: { statutoryCause: 'x'.repeat(201) } })).toContain(
      'facts.statutoryCause',
    );
    expect(await fieldsRefused(ExitDto, { cause: 'law', effectiveOn: '2026-01-01', facts: { seriousBreach: 'yes' } })).toContain(
      'facts.seriousBreach',
    );
  });

  it('transfer needs a street or area code; promotions take ladder codes', async () => {
    expect(await fieldsRefused(TransferDto, { toUnit: '310101' })).toContain('toUnit');
    expect(await fieldsRefused(PromotionDto, { toTitle: 'senior' })).toEqual([]);
    expect(await fieldsRefused(PromotionDto, { toRole: 'boss' })).toContain('toRole');
  });

  it('list query: numbers from the query string, whitelisted sort and order, bounded page size, defaults', async () => {
    const dto = (await pipe.transform(
      { page: '2', pageSize: '50', sort: 'hiredOn', order: 'desc', ageBand: '30-39' },
      { type: 'query', metatype: ListWorkersQueryDto },
    )) as ListWorkersQueryDto;
    expect(dto).toMatchObject({ page: 2, pageSize: 50, sort: 'hiredOn', order: 'desc', ageBand: '30-39' });
    expect((await pipe.transform({}, { type: 'query', metatype: ListWorkersQueryDto })) as ListWorkersQueryDto).toMatchObject({
      page: 1,
      pageSize: 20,
    });
    expect(await fieldsRefused(ListWorkersQueryDto, { sort: 'national_id_enc' }, 'query')).toContain('sort');
    expect(await fieldsRefused(ListWorkersQueryDto, { pageSize: '201' }, 'query')).toContain('pageSize');
    expect(await fieldsRefused(ListWorkersQueryDto, { title: 'none', status: 'retired' }, 'query')).toEqual(['status']);
  });
});

describe('response mapping', () => {
  const row: WorkerRow = {
    id: 'w1',
    unitCode: '310101002001',
    status: 'on-duty',
    entryRoute: 'recruited',
    postCategory: 'staff',
    postLevel: 3,
    postRole: null,
    title: 'junior',
    role: 'staff',
    name: '李四',
    gender: null,
    birthDate: '1990-05-17',
    education: 'bachelor',
    major: null,
    hiredOn: '2020-03-01',
    exitedOn: null,
    exitCause: null,
    exitExplanation: null,
    nationalIdEnc: 'v1.secret',
    nationalIdMasked: '3101**********1234',
    personRef: 'a'.repeat(64),
    talentPoolEntryId: null,
    campaignId: null,
    createdBy: 'x',
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
  };

  it('never carries the ciphertext or the person reference; age and band as of today', () => {
    const response = toWorkerResponse(row, '2026-11-24');
    expect(JSON.stringify(response)).not.toMatch(/v1\.secret|aaaaaaaa/);
    expect(response).toMatchObject({ age: 36, ageBand: '30-39', nationalIdMasked: '3101**********1234' });
  });

  it("an exited worker's age stops at the exit date", () => {
    expect(toWorkerResponse({ ...row, status: 'exited', exitedOn: '2019-12-31', exitCause: 'law' }, '2026-11-24').age).toBe(29);
  });
});
