import type { InboxObserver } from '../inbox/inbox-consumer';
import type { ServiceMetrics } from './service-metrics';

/** Inbox counters: outcomes per consumer, duplicates skipped, handler failures, dead letters. */
export function inboxObserverFor(metrics: ServiceMetrics): InboxObserver {
  return {
    outcome: (consumer, outcome) => {
      metrics.inboxMessages.inc({ consumer, outcome });
      if (outcome === 'duplicate') metrics.inboxDuplicates.inc({ consumer });
    },
    handlerFailed: (consumer, topic) => metrics.inboxHandlerFailures.inc({ consumer, topic }),
    deadLettered: (consumer, topic) => metrics.deadLetters.inc({ consumer, topic }),
  };
}
