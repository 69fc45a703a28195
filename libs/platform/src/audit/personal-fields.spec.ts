import { diffFields, maskPersonal, personalFieldSet, pick } from './personal-fields';

describe('audit personal fields', () => {
  it('diffFields names the fields whose values changed', () => {
    expect(diffFields({ a: 1, b: { x: 1 }, c: 3 }, { a: 1, b: { x: 2 }, d: 4 })).toEqual(['b', 'c', 'd']);
    expect(diffFields(undefined, { a: 1 })).toEqual(['a']);
  });

  it('masks default and extra personal fields, nested too, keeping null as null', () => {
    const personal = personalFieldSet(['bankAccount']);
    expect(
      maskPersonal({ national_id: 'x', Phone: 'y', name: null, bankAccount: '6222', grade: 'A', contact: { mobile: '1' } }, personal),
    ).toEqual({
      national_id: '[personal]',
      Phone: '[personal]',
      name: null,
      bankAccount: '[personal]',
      grade: 'A',
      contact: { mobile: '[personal]' },
    });
  });

  it('pick keeps only the changed fields', () => {
    expect(pick({ a: 1, b: 2, c: 3 }, ['a', 'c', 'z'])).toEqual({ a: 1, c: 3 });
  });
});
