import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { nationalIdCheckChar } from '@cwp/policy';
import { ValidationFailedError } from '../errors/validation-failed.error';
import { createValidationPipe } from '../http/validation';
import { IsCalendarDate } from './is-calendar-date';
import { IsNationalId } from './is-national-id';
import { IsPhone } from './is-phone';
import { stripWhitespace, trimString } from './transforms';

class PersonDto {
  @Transform(trimString) @IsNationalId() nationalId!: string;
  @Transform(stripWhitespace) @IsPhone() phone!: string;
  @IsOptional() @IsCalendarDate() joinedOn?: string;
}

const pipe = createValidationPipe();
const validId = (): string => '31010419950101123' + nationalIdCheckChar('31010419950101123');

async function problemsOf(value: object): Promise<Record<string, string>> {
  try {
    await pipe.transform(value, { type: 'body', metatype: PersonDto });
    return {};
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return Object.fromEntries(error.errors.map((e) => [e.field, e.problem]));
  }
}

describe('shared DTO validators', () => {
  it('accept a GB 11643 ID (trimmed), a mobile with spaces and a real date', async () => {
    const dto = (await pipe.transform(
      { nationalId: ` ${validId()} `, phone: '138 1234 5678', joinedOn: '2028-02-29' },
      { type: 'body', metatype: PersonDto },
    )) as PersonDto;
    expect(dto).toMatchObject({ nationalId: validId(), phone: '13812345678' });
  });

  it('IsNationalId names the wrong check character without echoing the number', async () => {
    const good = validId();
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const problems = await problemsOf({ nationalId: bad, phone: '13812345678' });
    expect(Object.keys(problems)).toEqual(['nationalId']);
    expect(problems.nationalId).toMatch(/check character/);
    expect(problems.nationalId).not.toContain(bad);
    // An 18-digit JSON number is beyond 2^53: refused at the edge before the string check (issue 8).
    expect((await problemsOf({ nationalId: 310104199501011234, phone: '13812345678' })).nationalId).toMatch(/must be a number between/);
  });

  it.each(['+8613812345678', '021-62345678', '02162345678'])('IsPhone accepts %s', async (phone) => {
    expect(await problemsOf({ nationalId: validId(), phone })).toEqual({});
  });

  it('IsPhone refuses other numbers with a message naming the field, and non-strings', async () => {
    expect((await problemsOf({ nationalId: validId(), phone: '12345678901' })).phone).toBe(
      'phone must be a mainland mobile number (11 digits, optional +86) or a fixed line with area code',
    );
    expect((await problemsOf({ nationalId: validId(), phone: 13812345678 })).phone).toMatch(/phone must be a string/);
  });

  it('IsCalendarDate refuses a day that does not exist or another format', async () => {
    for (const joinedOn of ['2026-02-30', '2026-2-1', '20260201']) {
      expect(await problemsOf({ nationalId: validId(), phone: '13812345678', joinedOn })).toEqual({
        joinedOn: 'joinedOn must be a calendar date YYYY-MM-DD between 1900-01-01 and 2199-12-31',
      });
    }
  });
});
