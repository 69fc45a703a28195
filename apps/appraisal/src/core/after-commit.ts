import { Logger } from '@nestjs/common';

const logger = new Logger('AfterCommit');

/**
 * kit: the commit-then-start step of the platform WorkflowStarter (shape-kit branch). A workflow
 * is started (or signalled) only after its row committed; a failure is logged and left to the
 * reconciler (rows keep `workflow_started_at` null), never turned into a failed request.
 */
export async function afterCommit(what: string, ids: Record<string, unknown>, step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    logger.warn({ msg: `${what} failed after commit; the reconciler retries`, ...ids, error: String(error) });
    return false;
  }
}
