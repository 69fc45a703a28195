/**
 * The candidate topic of issue 10 on the real PostgreSQL: an active entry's latest state goes
 * through the outbox as `cwp.talentpool.entry.candidate.v1` keyed by entry id, with the person's
 * keyed personRef and the birth date and sex of the national ID (never the name, ID or phone);
 * once the entry ends, its terminal state with those erased. Kafka only makes the topic compacted.
 */
import type { Kafka } from 'kafkajs';
import { entryCandidateContract, type EntryCandidateData } from '@cwp/contracts';
import { createKafka, kafkaBrokersFrom, OutboxWriter, StateTopicSweep, testing } from '@cwp/platform';
import { entryCandidatePublication } from './entry-candidate-topic';
import type { EntryRow } from './entry.row';
import { createEntriesIntContext, streetPrincipal, type EntriesIntContext } from './testing/entries-int-context';
import { newRegistration } from './testing/entry.builders';

jest.setTimeout(90_000);

let ctx: EntriesIntContext;
let kafka: Kafka;
let sweeper: StateTopicSweep<EntryRow, EntryCandidateData>;
const street = streetPrincipal('310104003');

beforeAll(async () => {
  ctx = await createEntriesIntContext('tp_candidate_it');
  kafka = createKafka({ clientId: testing.uniqueName('tp-entry-candidate-it'), brokers: kafkaBrokersFrom() });
  sweeper = new StateTopicSweep(
    ctx.ds,
    new OutboxWriter('talent-pool', [entryCandidateContract]),
    kafka,
    entryCandidatePublication(ctx.cipher),
  );
});
afterAll(async () => {
  await ctx?.close();
});

/** The candidate events of an entry in the outbox, oldest first (after sweeping until there are `count`). */
async function candidates(id: string, count: number): Promise<Array<{ envelope: { data: EntryCandidateData }; raw: string }>> {
  return testing.eventually(async () => {
    await sweeper.sweep();
    const rows = (await ctx.ds.query(
      `SELECT envelope, envelope::text AS raw FROM outbox WHERE event_type = $1 AND message_key = $2 ORDER BY seq`,
      [entryCandidateContract.type, id],
    )) as Array<{ envelope: { data: EntryCandidateData }; raw: string }>;
    return rows.length >= count ? rows : undefined;
  });
}

describe('cwp.talent-pool.entry-candidates (issue 10)', () => {
  it('an active entry carries its personRef and REC-4 birth facts; its withdrawal carries them erased; never name, ID or phone', async () => {
    const registration = newRegistration({ nationalId: testing.newNationalId({ birthDate: '20010517' }) });
    const entry = await ctx.entries.register(registration, street);
    const [active] = await candidates(entry.id, 1);
    expect(active!.envelope.data).toEqual({
      entryId: entry.id,
      holdingUnit: '310104003',
      status: 'active',
      source: 'student',
      education: 'bachelor',
      major: 'social-work',
      certificates: [],
      expiresOn: entry.expiresOn,
      endedOn: null,
      personRef: ctx.cipher.personRef(registration.nationalId),
      birthDate: '2001-05-17',
      gender: Number(registration.nationalId[16]) % 2 === 1 ? 'male' : 'female',
      version: 1,
      updatedAt: expect.any(String),
    });

    await ctx.endings.withdraw(entry.id, { reason: 'candidate-request' }, street);
    const rows = await candidates(entry.id, 2);
    expect(rows[1]!.envelope.data).toMatchObject({ status: 'withdrawn', personRef: null, birthDate: null, gender: null, version: 2 });
    const text = rows.map((r) => r.raw).join('\n');
    for (const personal of [registration.name, registration.nationalId, registration.phone!]) expect(text).not.toContain(personal);
  });
});
