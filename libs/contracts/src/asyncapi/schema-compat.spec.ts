import { breakingChanges } from './schema-compat';

const base = {
  type: 'object',
  additionalProperties: false,
  required: ['workerId', 'grade'],
  properties: {
    workerId: { type: 'string', format: 'uuid' },
    grade: { enum: ['excellent', 'qualified', 'basically-qualified', 'unqualified'] },
    note: { type: 'string', maxLength: 200 },
    rules: { type: 'array', items: { type: 'string', pattern: '^[A-Z]+-[0-9]+$' } },
  },
};

function changed(mutate: (schema: typeof base & Record<string, unknown>) => void): string[] {
  const after = JSON.parse(JSON.stringify(base)) as typeof base & Record<string, unknown>;
  mutate(after);
  return breakingChanges(base, after).map((c) => `${c.path}: ${c.change}`);
}

describe('breakingChanges (what a consumer written against the published schema cannot take)', () => {
  it('finds none when only annotations change or a property is added', () => {
    expect(
      changed((s) => {
        s.title = 'renamed';
        (s.properties as Record<string, unknown>).year = { type: 'integer' };
        s.required.push('year');
      }),
    ).toEqual([]);
  });

  it('a removed property breaks consumers', () => {
    expect(changed((s) => delete (s.properties as Partial<typeof base.properties>).note)).toEqual(['/properties/note: property removed']);
  });

  it('a required property made optional breaks consumers', () => {
    expect(changed((s) => (s.required = ['workerId']))).toEqual(['/properties/grade: required property made optional']);
  });

  it('a narrowed or widened type breaks consumers', () => {
    expect(changed((s) => ((s.properties.workerId as Record<string, unknown>).type = ['string', 'null']))).toEqual([
      '/properties/workerId: type changed from "string" to ["string","null"]',
    ]);
  });

  it('an enum value removed or added breaks consumers', () => {
    expect(changed((s) => s.properties.grade.enum.pop())).toHaveLength(1);
    expect(changed((s) => s.properties.grade.enum.push('outstanding'))).toHaveLength(1);
  });

  it('a changed bound, pattern or item schema breaks consumers', () => {
    expect(changed((s) => (s.properties.note.maxLength = 100))).toEqual(['/properties/note: maxLength changed from 200 to 100']);
    expect(changed((s) => (s.properties.rules.items.pattern = '^[A-Z]+$'))).toEqual([
      '/properties/rules/items: pattern changed from "^[A-Z]+-[0-9]+$" to "^[A-Z]+$"',
    ]);
  });

  it('opening a closed object breaks consumers', () => {
    expect(changed((s) => (s.additionalProperties = true))).toEqual(['/: additionalProperties changed from false to true']);
  });
});
