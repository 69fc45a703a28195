/**
 * The recruitment service's features on REAL servers, built with the platform testing kit from
 * the feature modules themselves: a throw-away schema in TEST_DATABASE_URL, the platform HTTP
 * wiring listening on an ephemeral port, the Temporal dev server with a worker of the campaign
 * workflow on a unique task queue (phases last `phaseSeconds` unless closed), and an inbox that
 * subscribes to Kafka only when a spec starts it.
 */
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  AuditModule,
  InboxConsumer,
  KafkaJsSubscriber,
  ServiceClock,
  createKafka,
  kafkaBrokersFrom,
  testing,
  type Principal,
} from '@cwp/platform';
import { recruitmentEventContracts, recruitmentCampaignWorkflowId, type CloudEvent, type EntryCandidateData } from '@cwp/contracts';
import { ApplicantsModule, applicantsMigrations } from '../applicants';
import { CampaignsModule, campaignsMigrations } from '../campaigns';
import { RECRUITMENT_SETTINGS, type RecruitmentSettings } from '../core';
import {
  CancellationSteps,
  RECRUITMENT_FILE_BODY_ROUTES,
  SelectionModule,
  SelectionSteps,
  createCampaignActivities,
  selectionMigrations,
} from '../selection';
import { ReserveModule, TalentPoolCandidateHandler, reserveMigrations } from '../reserve';
import { StaffingModule, WorkforceStaffingHandler, staffingMigrations } from '../staffing';
import { staffingEvent } from './builders';

export const principalOf = (role: Principal['role'], unit: string): Principal => ({ sub: `${role}-${unit}`, role, unit });

export interface HttpResult {
  status: number;
  body: any;
}

export interface RecruitmentIntContext {
  ds: testing.TestDataSource;
  settings: RecruitmentSettings;
  client: Client;
  call(method: string, url: string, opts?: { principal?: Principal; body?: unknown; ip?: string }): Promise<HttpResult>;
  /** A raw GET (downloads: CSV, XLSX). */
  fetch(url: string, principal: Principal): Promise<Response>;
  /** Records a unit's staffing as the workforce topic would (through the handler, in a transaction). */
  staffing(unitCode: string, quota: number, headcount: number): Promise<void>;
  /** Records a talent-pool candidate event as the pool's topic would (through the handler, in a transaction). */
  candidate(event: CloudEvent<EntryCandidateData>): Promise<void>;
  get<T>(type: new (...args: any[]) => T): T;
  close(): Promise<void>;
}

export async function createRecruitmentIntContext(
  schemaPrefix: string,
  opts: { phaseSeconds?: number; publicRatePerMinute?: number } = {},
): Promise<RecruitmentIntContext> {
  Logger.overrideLogger(process.env.REC_TEST_LOGS ? ['log', 'warn', 'error'] : ['error']);
  const settings: RecruitmentSettings = {
    taskQueue: `rec-it-${randomUUID()}`,
    staffingConsumer: `rec-it-staffing-${randomUUID()}`,
    reserveConsumer: `rec-it-reserve-${randomUUID()}`,
    publicRatePerMinute: opts.publicRatePerMinute ?? 1000,
    assessmentDays: 14,
    phaseSeconds: opts.phaseSeconds ?? 3600,
    stepChunk: 1000,
    searchAttributes: true,
  };
  const context = await testing.createIntegrationContext({
    service: 'recruitment',
    schemaPrefix,
    imports: [AuditModule, StaffingModule, ReserveModule, CampaignsModule, ApplicantsModule, SelectionModule],
    migrations: [...staffingMigrations, ...campaignsMigrations, ...applicantsMigrations, ...selectionMigrations, ...reserveMigrations],
    produces: recruitmentEventContracts,
    listen: true,
    fileBodyRoutes: RECRUITMENT_FILE_BODY_ROUTES,
    temporal: {
      taskQueue: settings.taskQueue,
      workflowStart: { sweepSeconds: 0 },
      runWorker: true,
      workflows: { workflowsPath: require.resolve('@cwp/recruitment-workflows') },
      activities: (ref: ModuleRef) => ({
        ...createCampaignActivities(ref.get(SelectionSteps, { strict: false }), ref.get(CancellationSteps, { strict: false })),
      }),
    },
    providers: [
      ServiceClock,
      { provide: RECRUITMENT_SETTINGS, useValue: settings },
      {
        provide: InboxConsumer,
        inject: [DataSource],
        // kafkajs connects on the first subscribe: a spec that never starts the inbox never talks to Kafka.
        useFactory: (ds: DataSource) =>
          new InboxConsumer(ds, new KafkaJsSubscriber(createKafka({ clientId: settings.staffingConsumer, brokers: kafkaBrokersFrom() }))),
      },
    ],
  });
  const client = context.get(Client);
  return {
    ds: context.ds,
    settings,
    client,
    async fetch(url, principal) {
      return fetch(`${context.baseUrl}/api/recruitment${url}`, { headers: { authorization: `Bearer ${await context.token(principal)}` } });
    },
    async call(method, url, { principal, body, ip } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (principal) headers.authorization = `Bearer ${await context.token(principal)}`;
      if (ip) headers['x-forwarded-for'] = ip;
      const res = await fetch(`${context.baseUrl}/api/recruitment${url}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    async staffing(unitCode, quota, headcount) {
      const handler = context.get(WorkforceStaffingHandler);
      await context.ds.transaction((em) => handler.handle(em, staffingEvent(unitCode, quota, headcount)));
    },
    async candidate(event) {
      const handler = context.get(TalentPoolCandidateHandler);
      await context.ds.transaction((em) => handler.handle(em, event));
    },
    get: (type) => context.get(type),
    async close() {
      const ids = (await context.ds.query('SELECT id FROM campaigns')) as Array<{ id: string }>;
      for (const { id } of ids)
        await client.workflow
          .getHandle(recruitmentCampaignWorkflowId(id))
          .terminate('integration test finished')
          .catch(() => undefined);
      await context.get(InboxConsumer).stop();
      await context.close();
    },
  };
}
