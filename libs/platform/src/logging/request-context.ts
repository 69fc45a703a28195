import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line of a request carries. The principal is set by the auth guard. */
export interface RequestContext {
  requestId: string;
  subject?: string;
  role?: string;
  unit?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
