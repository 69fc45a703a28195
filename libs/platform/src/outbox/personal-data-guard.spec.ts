import { findPersonalData } from './personal-data-guard';

describe('findPersonalData (no national ID or phone number in an event)', () => {
  it.each([
    ['an 18-digit national ID', { notes: 'applicant 11010519491231002X called' }, 'data.notes', 'national ID number'],
    ['a 15-digit old national ID', { ref: '110105491231002' }, 'data.ref', 'national ID number'],
    ['a mobile number', { contact: ['ok', '13812345678'] }, 'data.contact[1]', 'phone number'],
    ['a spaced +86 mobile', { text: 'call +86 138 1234 5678' }, 'data.text', 'phone number'],
    ['a mobile as a number', { n: 13912345678 }, 'data.n', 'phone number'],
    ['a Shanghai fixed line', { office: '021-62345678' }, 'data.office', 'phone number'],
    ['the shortest fixed line (11 characters)', { office: '021-1234567' }, 'data.office', 'phone number'],
    ['a phone field name', { person: { phone: 'x' } }, 'data.person.phone', 'personal-data field name'],
    ['an idCard field name', { idCard: 'masked' }, 'data.idCard', 'personal-data field name'],
  ])('finds %s', (_name, data, path, looksLike) => {
    expect(findPersonalData(data)).toEqual({ path, looksLike });
  });

  it.each([
    ['uuids', { id: '3f1c9e2a-1380-4d2b-9c11-138123456789', other: '01890a5d-ac96-774b-bcce-b302099a8057' }],
    ['org unit codes of every level', { city: '31', district: '310101', street: '310101001', area: '310101001001' }],
    ['timestamps and money in fen', { at: '2026-11-24T00:06:35.123Z', payFen: 1234567, year: 2026 }],
    ['hex digests', { hash: 'a13812345678b' }],
    ['a false phone flag', { phone: false }],
  ])('lets %s through', (_name, data) => {
    expect(findPersonalData(data)).toBeUndefined();
  });
});
