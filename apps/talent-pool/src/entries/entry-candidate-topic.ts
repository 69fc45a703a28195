import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { entryCandidateContract, type EntryCandidateData } from '@cwp/contracts';
import { KAFKA_CLIENT, OutboxWriter, PiiCipher, StateTopicSweep, type StatePublication } from '@cwp/platform';
import { entryStateConfig } from './entry-state-topic';
import { ENTRY_COLUMNS, type EntryRow } from './entry.row';
import { birthFacts } from './rules/birth-facts';

/**
 * Each entry as a recruitment candidate on `cwp.talent-pool.entry-candidates`, keyed by entry id
 * (issue 10: invitations reach recruitment by event). While the entry is active: its personRef
 * and the birth date and sex its national ID states (decrypted here, never published); once it
 * ended, the pool erased them and the event carries nulls. Never the name, ID or phone.
 */
export function entryCandidatePublication(cipher: PiiCipher): StatePublication<EntryRow, EntryCandidateData> {
  return {
    name: 'entry-candidate',
    contract: entryCandidateContract,
    table: 'entries',
    alias: 'e',
    columns: ENTRY_COLUMNS,
    toEvent: (row) => {
      const person =
        row.status === 'active' && row.nationalIdEnc ? birthFacts(cipher.decrypt(row.nationalIdEnc, 'national-id')) : undefined;
      return {
        key: row.id,
        data: {
          entryId: row.id,
          holdingUnit: row.holdingUnit,
          status: row.status,
          source: row.source,
          education: row.education,
          major: row.major,
          certificates: row.certificates,
          expiresOn: row.expiresOn,
          endedOn: row.endedOn,
          personRef: person ? row.personRef : null,
          birthDate: person?.birthDate ?? null,
          gender: person?.gender ?? null,
          version: row.version,
          updatedAt: row.keysetPosition,
        },
      };
    },
  };
}

/**
 * Keeps the candidate topic current on the entry-state topic's period
 * (TALENT_POOL_ENTRY_STATE_SWEEP_SECONDS): its first run publishes every entry (a consumer that
 * starts later reads the topic from the beginning), then every change, an ending included.
 */
@Injectable()
export class EntryCandidateTopic implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly sweeper: StateTopicSweep<EntryRow, EntryCandidateData>;

  constructor(dataSource: DataSource, outbox: OutboxWriter, @Inject(KAFKA_CLIENT) kafka: Kafka, cipher: PiiCipher) {
    this.sweeper = new StateTopicSweep(dataSource, outbox, kafka, entryCandidatePublication(cipher));
  }

  onApplicationBootstrap(): void {
    this.sweeper.start(entryStateConfig.get().TALENT_POOL_ENTRY_STATE_SWEEP_SECONDS);
  }

  onApplicationShutdown(): void {
    this.sweeper.stop();
  }
}
