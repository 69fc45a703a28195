import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A service's answer: the status and the parsed JSON body (undefined when empty). */
export interface ApiAnswer {
  status: number;
  body: any;
}

/**
 * One JSON call to a running service, as a client would make it: bearer token, JSON body, and an
 * Idempotency-Key on writes (the platform answers a replay with the first answer).
 */
export async function callApi(
  baseUrl: string,
  method: string,
  path: string,
  token: string | undefined,
  body?: unknown,
): Promise<ApiAnswer> {
  const headers: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
  if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'idempotency-key': randomBytes(8).toString('hex') });
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Reads again until `done` holds: each poll is a real read, so a test waits on its condition, never on a fixed sleep. */
export async function pollUntil<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await read();
    if (done(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms; last: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** The stack an end-to-end spec drives; a clear message when it is not up. */
export function requireE2eStack(): { databaseUrl: string } {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl || !process.env.TEMPORAL_ADDRESS || !process.env.KAFKA_BROKERS) {
    throw new Error('E2E_DATABASE_URL, TEMPORAL_ADDRESS and KAFKA_BROKERS must be set (run `bash infra/local/stack.sh up`)');
  }
  return { databaseUrl };
}

/** Keeps the services' JSON logs of a run under `.state/logs` for a failed run (personal data is redacted by the platform logger). */
export function saveServiceLogs(files: Record<string, { output(): string } | undefined>): void {
  const logs = path.join(process.env.CWP_STATE_DIR ?? path.resolve(__dirname, '../../../.state'), 'logs');
  mkdirSync(logs, { recursive: true });
  for (const [name, service] of Object.entries(files)) if (service) writeFileSync(path.join(logs, name), service.output());
}
