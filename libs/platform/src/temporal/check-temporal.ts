import type { Connection } from '@temporalio/client';

/** How long one probe may take: a down or hung frontend must answer "down" fast. */
export const TEMPORAL_PROBE_TIMEOUT_MS = 1_500;

/**
 * Readiness: the frontend answers a cheap RPC (no namespace scan), within a deadline (without
 * one the SDK's retry interceptor keeps an unanswered call going for tens of seconds).
 */
export async function checkTemporal(connection: Connection, timeoutMs = TEMPORAL_PROBE_TIMEOUT_MS): Promise<void> {
  await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
}

/**
 * gRPC channel arguments of the service's Temporal connection: after an outage the channel
 * reconnects within a second of the server's return. grpc-js's default reconnect backoff grows
 * to 120 s, which is why /ready reported Temporal down ~50 s after it was back (issue 8, defect 7).
 */
export const TEMPORAL_CHANNEL_ARGS = {
  'grpc.initial_reconnect_backoff_ms': 250,
  'grpc.max_reconnect_backoff_ms': 1_000,
} as const;
