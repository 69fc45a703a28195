/**
 * The demo city's webhook subscription (issue 9 demo state; the bridge of issue 14): an "HR
 * system" of 黄浦区 subscribed to the worker and reserve-entry state events and the hires, whose
 * receiver is a local sink (`webhook-sink.cli.ts`). Until the sink runs, deliveries are retried
 * with backoff and, after the last try, dead-lettered: the demo shows both the deliveries and a
 * replay. Ids and codes only travel: the events carry no personal data.
 */
import { join } from 'node:path';

export const DEMO_WEBHOOK_NAME = 'demo-city HR system (黄浦区)';
export const DEMO_WEBHOOK_UNIT = '310101';
export const DEMO_WEBHOOK_EVENT_TYPES = [
  'cwp.workforce.worker.hired.v1',
  'cwp.workforce.worker.state.v1',
  'cwp.talentpool.entry.state.v1',
] as const;
/** The sink listens on the webhooks port + 100 (3107 on a stack without an offset). */
export const DEMO_SINK_PORT_OFFSET = 100;

/** Where the subscription's id and secret (shown once by the API) are kept for the sink. */
export function demoSinkFile(stateDir: string): string {
  return join(stateDir, 'demo', 'webhook-sink.json');
}

export function demoSubscription(sinkPort: number): { name: string; url: string; eventTypes: string[]; unitScope: string } {
  return {
    name: DEMO_WEBHOOK_NAME,
    url: `http://127.0.0.1:${sinkPort}/hooks/cwp`,
    eventTypes: [...DEMO_WEBHOOK_EVENT_TYPES],
    unitScope: DEMO_WEBHOOK_UNIT,
  };
}
