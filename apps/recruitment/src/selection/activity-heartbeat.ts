import { Context } from '@temporalio/activity';

/** Heartbeats when running as an activity (a direct call from a spec has no context). */
export function heartbeat(details: unknown): void {
  try {
    Context.current().heartbeat(details);
  } catch {
    // Not inside an activity.
  }
}
