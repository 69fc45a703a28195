/**
 * Issue 10, the third way in, on the real PostgreSQL, Kafka and Temporal dev server: the talent
 * pool's candidate events (`cwp.talentpool.entry.candidate.v1`) reach recruitment over Kafka
 * through the inbox into its projection of reserve entries (newest version wins, a replay changes
 * nothing); an operator invites an entry into a campaign and the application is made from the
 * projection with REC-4/REC-5 eligibility as for any applicant. Unknown or out-of-scope entries are
 * 404, ended ones 409, both naming `talentPoolEntryId`; an operator entry naming an entry must be
 * that entry's person.
 */
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { entryCandidateContract, type CloudEvent, type EntryCandidateData } from '@cwp/contracts';
import {
  InboxConsumer,
  KafkaJsPublisher,
  PiiCipher,
  ServiceClock,
  createKafka,
  ensureTopics,
  kafkaBrokersFrom,
  testing,
} from '@cwp/platform';
import { createRecruitmentIntContext, newApplication, newOpening, principalOf, type RecruitmentIntContext } from '../testing';

jest.setTimeout(120_000);

const district = principalOf('district', '310101');
const street = principalOf('street', '310101002');

let ctx: RecruitmentIntContext;
let kafka: Kafka;
let publisher: KafkaJsPublisher;
let today: string;
let campaignId: string;
let postId: string;
let cipher: PiiCipher;

/** A candidate event as the pool publishes it: an active student by default. */
function candidate(over: Partial<EntryCandidateData> = {}): CloudEvent<EntryCandidateData> {
  const data: EntryCandidateData = {
    entryId: randomUUID(),
    holdingUnit: '310101002',
    status: 'active',
    source: 'student',
    education: 'bachelor',
    major: 'social-work',
    certificates: [],
    expiresOn: '2099-01-01',
    endedOn: null,
    personRef: cipher.personRef(testing.newNationalId({ birthDate: '20010517' })),
    birthDate: '2001-05-17',
    gender: 'female',
    version: 1,
    updatedAt: new Date().toISOString(),
    ...over,
  };
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: '/cwp/talent-pool',
    type: entryCandidateContract.type,
    subject: data.entryId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
  };
}

/** Publishes on the pool's topic and waits until the projection holds the last event's version of each entry. */
async function publish(...events: Array<CloudEvent<EntryCandidateData>>): Promise<void> {
  await publisher.publish(
    entryCandidateContract.topic,
    events.map((e) => ({ key: e.data.entryId, value: JSON.stringify(e) })),
  );
  const last = new Map(events.map((e) => [e.data.entryId, e.id]));
  await testing.eventually(
    async () => {
      const [row] = (await ctx.ds.query('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1)', [[...last.values()]])) as Array<{
        n: number;
      }>;
      return row!.n === last.size ? true : undefined;
    },
    60_000,
    'the candidate events through the inbox',
  );
}

const invite = (body: Record<string, unknown>, principal = district) =>
  ctx.call('POST', `/campaigns/${campaignId}/invitations`, { principal, body: { postId, name: '受邀人', ...body } });

beforeAll(async () => {
  ctx = await createRecruitmentIntContext('rec_invite_it');
  cipher = ctx.get(PiiCipher);
  today = ctx.get(ServiceClock).today();
  await ctx.staffing('310101002', 16, 11);
  const opened = await ctx.call('POST', '/campaigns', {
    principal: district,
    body: newOpening(today, [{ streetCode: '310101002', count: 2 }]),
  });
  expect(opened.status).toBe(201);
  campaignId = opened.body.id;
  postId = opened.body.posts[0].postId;
  kafka = createKafka({ clientId: testing.uniqueName('rec-invite-it'), brokers: kafkaBrokersFrom() });
  await ensureTopics(kafka, [entryCandidateContract.topic]);
  publisher = new KafkaJsPublisher(kafka);
  // The candidate handler registered with the inbox at the module's init; now the inbox subscribes.
  await ctx.get(InboxConsumer).start();
}, 120_000);

afterAll(async () => {
  await publisher?.disconnect();
  await ctx?.close();
});

const count = async (sql: string, params: unknown[] = []): Promise<number> =>
  Number(((await ctx.ds.query(sql, params)) as Array<{ n: number }>)[0]!.n);

describe('the reserve projection from the talent pool’s candidate topic', () => {
  it('keeps each entry’s newest version: a replayed older event changes nothing, and an ended entry holds no person', async () => {
    const active = candidate();
    const joined = candidate({
      ...active.data,
      status: 'joined',
      endedOn: today,
      personRef: null,
      birthDate: null,
      gender: null,
      version: 2,
    });
    await publish(active, joined, { ...active, id: randomUUID() });
    const rows = (await ctx.ds.query('SELECT status, person_ref, birth_date, version FROM reserve_entries WHERE entry_id = $1', [
      active.data.entryId,
    ])) as Array<Record<string, unknown>>;
    expect(rows).toEqual([{ status: 'joined', person_ref: null, birth_date: null, version: 2 }]);
  });
});

describe('POST /campaigns/:id/invitations (issue 10)', () => {
  it('REC-4 an invited student becomes an eligible applicant from the projection: channel talent-pool, no national ID, the event and audit written', async () => {
    const entry = candidate();
    await publish(entry);
    const res = await invite({ talentPoolEntryId: entry.data.entryId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'talent-pool',
      talentPoolEntryId: entry.data.entryId,
      name: '受邀人',
      nationalIdMasked: null,
      education: 'bachelor',
      major: 'social-work',
      freshGraduate: true,
      status: 'registered',
      eligibility: { value: { eligible: true, hardFailures: [] } },
    });
    expect(res.body.eligibility.explanation.inputs).toMatchObject({ age: expect.any(Number), freshGraduate: true });
    const [stored] = (await ctx.ds.query(
      'SELECT person_ref, national_id_enc, to_char(birth_date, $2) AS birth FROM applicants WHERE id = $1',
      [res.body.id, 'YYYY-MM-DD'],
    )) as Array<Record<string, unknown>>;
    expect(stored).toEqual({ person_ref: entry.data.personRef, national_id_enc: null, birth: '2001-05-17' });
    expect(
      await count(`SELECT count(*) AS n FROM outbox WHERE message_key = $1 AND envelope->'data'->>'channel' = 'talent-pool'`, [
        res.body.id,
      ]),
    ).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'apply'`, [res.body.id])).toBe(1);

    // One application per person per campaign: inviting the entry again is 409 on talentPoolEntryId.
    expect(await invite({ talentPoolEntryId: entry.data.entryId })).toMatchObject({
      status: 409,
      body: { code: 'DUPLICATE', field: 'talentPoolEntryId' },
    });
  });

  it('REC-4 applicants from society need the junior certificate: the pool’s assistant title is it; without it 422 naming certificates', async () => {
    const without = candidate({ source: 'homemaker', major: null, certificates: [] });
    const holding = candidate({ source: 'social-worker', major: null, certificates: ['assistant-social-worker'] });
    await publish(without, holding);
    expect(await invite({ talentPoolEntryId: without.data.entryId })).toMatchObject({
      status: 422,
      body: { code: 'NOT_ELIGIBLE', field: 'certificates', details: { rule: 'REC-4' } },
    });
    const ok = await invite({ talentPoolEntryId: holding.data.entryId }, street);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ freshGraduate: false, certificates: ['junior-social-worker'] });
  });

  it('an unknown, malformed or out-of-scope entry is 404 alike naming talentPoolEntryId (the denial audited); nothing stored', async () => {
    const foreign = candidate({ holdingUnit: '310104003' });
    await publish(foreign);
    const before = await count('SELECT count(*) AS n FROM applicants');
    const denied = await count("SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied'");
    for (const talentPoolEntryId of [randomUUID(), foreign.data.entryId]) {
      expect(await invite({ talentPoolEntryId })).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND', field: 'talentPoolEntryId', message: `Talent-pool entry ${talentPoolEntryId} not found` },
      });
    }
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE outcome = 'denied'")).toBe(denied + 1);
    const malformed = await invite({ talentPoolEntryId: 'not-an-id' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('talentPoolEntryId');
    expect(await invite({ talentPoolEntryId: randomUUID(), name: '' })).toMatchObject({ status: 400 });
    expect(await count('SELECT count(*) AS n FROM applicants')).toBe(before);
  });

  it('POOL-2/POOL-3 a joined entry, or an active one whose period is over, is 409 RESERVE_ENTRY_ENDED naming talentPoolEntryId', async () => {
    const joined = candidate({ status: 'joined', endedOn: today, personRef: null, birthDate: null, gender: null });
    const lapsed = candidate({ expiresOn: today });
    await publish(joined, lapsed);
    expect(await invite({ talentPoolEntryId: joined.data.entryId })).toMatchObject({
      status: 409,
      body: { code: 'RESERVE_ENTRY_ENDED', field: 'talentPoolEntryId', details: { status: 'joined', endedOn: today } },
    });
    expect(await invite({ talentPoolEntryId: lapsed.data.entryId })).toMatchObject({
      status: 409,
      body: { code: 'RESERVE_ENTRY_ENDED', field: 'talentPoolEntryId', details: { status: 'expired', expiresOn: today } },
    });
  });

  it('an operator entry naming an entry must be that entry’s person (personRef): another person is 400 on nationalId', async () => {
    const nationalId = testing.newNationalId({ birthDate: '19990101' });
    const entry = candidate({ personRef: cipher.personRef(nationalId), birthDate: '1999-01-01' });
    await publish(entry);
    const other = await ctx.call('POST', `/campaigns/${campaignId}/applicants`, {
      principal: district,
      body: newApplication(postId, { talentPoolEntryId: entry.data.entryId }),
    });
    expect(other).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'nationalId' } });
    const same = await ctx.call('POST', `/campaigns/${campaignId}/applicants`, {
      principal: district,
      body: newApplication(postId, { nationalId, talentPoolEntryId: entry.data.entryId }),
    });
    expect(same.status).toBe(201);
    expect(same.body).toMatchObject({
      channel: 'talent-pool',
      talentPoolEntryId: entry.data.entryId,
      nationalIdMasked: expect.stringContaining('*'),
    });
  });
});
