import type { OutgoingMessage } from './kafka.types';

/**
 * The broker refuses a record batch over its `message.max.bytes` (1 MB by default, per partition):
 * 5,000 outbox events of ~600 B sent as one request failed with MESSAGE_TOO_LARGE (issue 15). The
 * publisher therefore sends a long batch as consecutive requests of at most this many bytes, which
 * leaves room for the record and batch headers under the broker's default.
 */
export const DEFAULT_MAX_REQUEST_BYTES = 900_000;

/** A record's framing beyond key, value and headers (lengths, offsets, timestamps, attributes). */
const RECORD_OVERHEAD_BYTES = 32;

/** The bytes a message takes in a record batch, over-estimated rather than under. */
export function messageBytes(message: OutgoingMessage): number {
  let bytes = RECORD_OVERHEAD_BYTES + Buffer.byteLength(message.key) + Buffer.byteLength(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) bytes += 8 + Buffer.byteLength(name) + Buffer.byteLength(value);
  return bytes;
}

/**
 * Splits `messages` into consecutive runs (order kept) of at most `maxBytes` each. A message
 * larger than `maxBytes` travels alone, so the broker names it in its refusal rather than the
 * batch around it.
 */
export function splitUnderBytes(messages: readonly OutgoingMessage[], maxBytes = DEFAULT_MAX_REQUEST_BYTES): OutgoingMessage[][] {
  const runs: OutgoingMessage[][] = [];
  let run: OutgoingMessage[] = [];
  let runBytes = 0;
  for (const message of messages) {
    const bytes = messageBytes(message);
    if (run.length > 0 && runBytes + bytes > maxBytes) {
      runs.push(run);
      run = [];
      runBytes = 0;
    }
    run.push(message);
    runBytes += bytes;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
