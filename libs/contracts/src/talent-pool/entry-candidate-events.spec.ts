import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_TYPE_PATTERN, TOPIC_PATTERN } from '../cloudevent';
import { entryCandidateContract, type EntryCandidateData } from './entry-candidate-events';

const ajv = addFormats(new Ajv({ allErrors: true, strict: true }));
const validate = ajv.compile(entryCandidateContract.schema);

const active: EntryCandidateData = {
  entryId: '0b7d3a52-4c55-4b1e-9a43-6f3f3f1d2a10',
  holdingUnit: '310104003',
  status: 'active',
  source: 'student',
  education: 'bachelor',
  major: 'social-work',
  certificates: ['assistant-social-worker'],
  expiresOn: '2028-11-24',
  endedOn: null,
  personRef: 'a'.repeat(64),
  birthDate: '2001-05-17',
  gender: 'female',
  version: 1,
  updatedAt: '2026-11-24T08:00:00.123456Z',
};
const joined: EntryCandidateData = {
  ...active,
  status: 'joined',
  endedOn: '2027-03-01',
  personRef: null,
  birthDate: null,
  gender: null,
  version: 2,
};

describe('cwp.talentpool.entry.candidate.v1 (issue 10 invitations)', () => {
  it('is a well-formed type on its own compacted topic', () => {
    expect(entryCandidateContract).toMatchObject({ type: 'cwp.talentpool.entry.candidate.v1', topic: 'cwp.talent-pool.entry-candidates' });
    expect(entryCandidateContract.type).toMatch(EVENT_TYPE_PATTERN);
    expect(entryCandidateContract.topic).toMatch(TOPIC_PATTERN);
  });

  it('admits an active entry with its matching key and an ended one with them erased', () => {
    expect(validate(active) ? [] : validate.errors).toEqual([]);
    expect(validate(joined) ? [] : validate.errors).toEqual([]);
  });

  it('refuses a name, national ID or phone and any unknown field (closed schema)', () => {
    for (const leak of ['name', 'nationalId', 'nationalIdMasked', 'phone', 'anythingElse'])
      expect(validate({ ...active, [leak]: 'x' })).toBe(false);
  });

  it('takes personRef only as the keyed hash, never a raw national ID', () => {
    expect(validate({ ...active, personRef: '11010519491231002X' })).toBe(false);
    expect(validate({ ...active, birthDate: '2001-02-30' })).toBe(false);
  });
});
