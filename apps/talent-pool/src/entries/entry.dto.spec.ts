import type { ArgumentMetadata } from '@nestjs/common';
import { createValidationPipe, ValidationFailedError } from '@cwp/platform';
import { maskNationalId } from '@cwp/policy';
import { JoinEntryDto, ListEntriesQueryDto, RegisterEntryDto, toEntryResponse } from './entry.dto';
import { newEntry, newNationalId, newRegistration } from './testing/entry.builders';

const pipe = createValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });

async function problemsOf(
  value: unknown,
  metatype: ArgumentMetadata['metatype'] = RegisterEntryDto,
  type: ArgumentMetadata['type'] = 'body',
): Promise<Record<string, string>> {
  try {
    await pipe.transform(value, { type, metatype });
    return {};
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return Object.fromEntries(error.errors.map((e) => [e.field, e.problem]));
  }
}

describe('RegisterEntryDto', () => {
  it('accepts a complete registration and trims the name and ID', async () => {
    const id = newNationalId();
    const dto = (await pipe.transform(
      { ...newRegistration(), name: '  王五 ', nationalId: ` ${id} ` },
      body(RegisterEntryDto),
    )) as RegisterEntryDto;
    expect(dto).toBeInstanceOf(RegisterEntryDto);
    expect(dto.name).toBe('王五');
    expect(dto.nationalId).toBe(id);
  });

  it('names nationalId when the GB 11643 check character is wrong, without echoing the number', async () => {
    const good = newNationalId();
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const problems = await problemsOf({ ...newRegistration(), nationalId: bad });
    expect(Object.keys(problems)).toEqual(['nationalId']);
    expect(problems.nationalId).toMatch(/check character/);
    expect(problems.nationalId).not.toContain(bad);
  });

  it.each([
    ['a short number', '3101041995'],
    ['a birth date that does not exist', '310104199502301234'],
    ['a number', 310104199501011234],
  ])('refuses %s as nationalId', async (_what, nationalId) => {
    expect(Object.keys(await problemsOf({ ...newRegistration(), nationalId }))).toEqual(['nationalId']);
  });

  it('validates phone, source, education, major, certificates, holdingUnit and the period', async () => {
    const problems = await problemsOf({
      ...newRegistration(),
      phone: '12345',
      source: 'retiree',
      education: 'kindergarten',
      major: 'astrology',
      certificates: ['driver', 'driver'],
      holdingUnit: '310104003001',
      reservePeriodMonths: 12.5,
    });
    expect(Object.keys(problems).sort()).toEqual([
      'certificates',
      'education',
      'holdingUnit',
      'major',
      'phone',
      'reservePeriodMonths',
      'source',
    ]);
  });

  it('REC-4 education takes the policy codes shared with the workforce (below-junior-college … doctorate)', async () => {
    for (const education of ['below-junior-college', 'junior-college', 'bachelor', 'master', 'doctorate']) {
      expect(await problemsOf({ ...newRegistration(), education })).toEqual({});
    }
    for (const education of ['secondary', 'high-school', 'doctor']) {
      expect(Object.keys(await problemsOf({ ...newRegistration(), education }))).toEqual(['education']);
    }
  });

  it('refuses unknown fields (a client cannot set status or personRef)', async () => {
    const problems = await problemsOf({ ...newRegistration(), status: 'joined', personRef: 'x' });
    expect(Object.keys(problems).sort()).toEqual(['personRef', 'status']);
  });

  it('accepts +86 mobiles and fixed lines, strips spaces', async () => {
    for (const phone of ['+8613812345678', '021-62345678', '138 1234 5678']) {
      expect(await problemsOf({ ...newRegistration(), phone })).toEqual({});
    }
  });
});

describe('JoinEntryDto and ListEntriesQueryDto', () => {
  it('joinedOn must be a real calendar date', async () => {
    expect(Object.keys(await problemsOf({ joinedOn: '2026-02-30' }, JoinEntryDto))).toEqual(['joinedOn']);
    expect(await problemsOf({ joinedOn: '2026-02-28', workerId: 'w-1' }, JoinEntryDto)).toEqual({});
  });

  it('converts page numbers from the query string and bounds pageSize', async () => {
    const query = (await pipe.transform(
      { page: '2', pageSize: '50', status: 'active' },
      { type: 'query', metatype: ListEntriesQueryDto },
    )) as ListEntriesQueryDto;
    expect(query).toMatchObject({ page: 2, pageSize: 50, status: 'active' });
    expect(Object.keys(await problemsOf({ pageSize: '101' }, ListEntriesQueryDto, 'query'))).toEqual(['pageSize']);
    const defaults = (await pipe.transform({}, { type: 'query', metatype: ListEntriesQueryDto })) as ListEntriesQueryDto;
    expect(defaults).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('ORG-2 a unit filter must be an org unit code (city, district, street or area), else 400 naming unit', async () => {
    for (const unit of ['31', '310104', '310104003', '310104003001'])
      expect(await problemsOf({ unit }, ListEntriesQueryDto, 'query')).toEqual({});
    for (const unit of ['3', '3101049', '31010400', '32010400', '310104003001x', ' 310104']) {
      expect(Object.keys(await problemsOf({ unit }, ListEntriesQueryDto, 'query'))).toEqual(['unit']);
    }
  });
});

describe('toEntryResponse (masking)', () => {
  const id = '31010419900307123X';
  const row = newEntry({
    nationalIdEnc: 'v1.aaaa.bbbb.cccc',
    nationalIdMasked: maskNationalId(id),
    phoneEnc: 'v1.dddd.eeee.ffff',
    phoneMasked: '138****5678',
    personRef: 'f'.repeat(64),
    reserveMonths: 24,
    reminderDays: 30,
  });

  it('shows the national ID and phone masked, never the ciphertext or person_ref', () => {
    const response = toEntryResponse(row);
    const text = JSON.stringify(response);
    expect(response.nationalIdMasked).toBe('3101**********123X');
    expect(response.phoneMasked).toBe('138****5678');
    expect(text).not.toContain(id);
    expect(text).not.toContain('v1.aaaa');
    expect(text).not.toContain('ffff');
    expect(Object.keys(response)).not.toEqual(expect.arrayContaining(['personRef', 'nationalIdEnc', 'phoneEnc']));
    expect(response.workflowId).toBe(`talent-pool-entry:${row.id}`);
    expect(response.reservePeriod).toMatchObject({ months: 24, reminderDays: 30 });
  });
});
