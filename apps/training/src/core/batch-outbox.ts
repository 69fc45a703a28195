import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CloudEvent, EventContract } from '@cwp/contracts';
import { DomainError, ErrorCode, EventSchemaValidator, OUTBOX_NOTIFY_CHANNEL, findPersonalData } from '@cwp/platform';

export interface BatchEvent<T> {
  key: string;
  data: T;
}

/**
 * Appends many events of one contract to the outbox in ONE multi-row statement, in the caller's
 * transaction (a chunk of the compliance run: thousands of events, one round trip). Same checks as
 * OutboxWriter.append: schema (ajv) and the personal-data guard, per event, before anything is written.
 * kit: the platform has no batch append yet; this is payroll's, kept identical so one replacement serves both.
 */
export class BatchOutbox {
  private readonly validator = new EventSchemaValidator();
  readonly source: string;

  constructor(
    service: string,
    private readonly produces: readonly EventContract[],
  ) {
    this.source = `/cwp/${service}`;
  }

  async appendMany<T>(
    em: EntityManager,
    contract: EventContract<T>,
    events: ReadonlyArray<BatchEvent<T>>,
    time = new Date(),
  ): Promise<number> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('BatchOutbox.appendMany must run inside dataSource.transaction(em => ...)');
    if (!this.produces.some((c) => c.type === contract.type))
      throw new Error(`Event type ${contract.type} is not among the contracts this service produces`);
    if (events.length === 0) return 0;
    const at = time.toISOString();
    const ids: string[] = [];
    const keys: string[] = [];
    const envelopes: string[] = [];
    for (const e of events) {
      this.validator.validate(contract as EventContract, e.data);
      const finding = findPersonalData(e.data) ?? findPersonalData(e.key, 'subject');
      if (finding) {
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          `Event ${contract.type}: ${finding.path} looks like a ${finding.looksLike}; events never carry national ID or phone numbers`,
          { field: finding.path },
        );
      }
      const event: CloudEvent<T> = {
        id: randomUUID(),
        source: this.source,
        type: contract.type,
        specversion: '1.0',
        time: at,
        subject: e.key,
        datacontenttype: 'application/json',
        data: e.data,
      };
      ids.push(event.id);
      keys.push(e.key);
      envelopes.push(JSON.stringify(event));
    }
    await em.query(
      `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope)
       SELECT u.id, $1, u.key, $2, u.envelope::jsonb FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(id, key, envelope)`,
      [contract.topic, contract.type, ids, keys, envelopes],
    );
    await em.query('SELECT pg_notify($1, current_schema())', [OUTBOX_NOTIFY_CHANNEL]);
    return events.length;
  }
}
