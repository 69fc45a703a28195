/**
 * Whether a thrown error means a backing server (PostgreSQL, Kafka, Temporal) could not be used
 * right now, rather than a fault in our code: such a request answers 503 DEPENDENCY_UNAVAILABLE
 * (retry later), not 500. Its transaction rolled back, so nothing was half stored (issue 8,
 * faults: a PostgreSQL connection killed mid-request).
 */
// SQLSTATE classes 08 (connection exception), 57P01..57P05 (admin shutdown, crash shutdown,
// cannot connect now, database dropped, idle session timeout), 53300 (too many connections),
// 40001/40P01 (serialization failure, deadlock: the transaction was aborted, a retry succeeds).
const SQLSTATE = /^(08\w{3}|57P0[1-5]|53300|40001|40P01)$/;
const NODE_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Query read timeout/i,
  /connection is closed/i,
];

// gRPC status codes (Temporal's client) of a server that is down, overloaded or out of time; a gRPC
// error carries `metadata` beside its numeric code (pg and Node codes are strings).
const GRPC_UNAVAILABLE = new Set([4 /* DEADLINE_EXCEEDED */, 8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */]);

export function isDependencyFailure(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const own = error as Error & { code?: unknown; driverError?: unknown; cause?: unknown; metadata?: unknown };
  if (typeof own.code === 'string' && (SQLSTATE.test(own.code) || NODE_NETWORK.has(own.code))) return true;
  if (typeof own.code === 'number' && own.metadata !== undefined && GRPC_UNAVAILABLE.has(own.code)) return true;
  // Temporal's client when an update call ran out of time (its worker is not running).
  if (error.name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
  if (MESSAGES.some((m) => m.test(error.message))) return true;
  // TypeORM's errors when the transaction's connection died under it (a query, or the COMMIT itself).
  if (error.name === 'QueryRunnerProviderAlreadyReleasedError' || error.name === 'QueryRunnerAlreadyReleasedError') return true;
  return isDependencyFailure(own.driverError, depth + 1) || isDependencyFailure(own.cause, depth + 1);
}
