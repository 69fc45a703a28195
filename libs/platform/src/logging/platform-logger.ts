import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestContext } from './request-context';
import { activeTraceIds } from '../tracing/tracing';
import { redact, redactString } from './redact';

/** Bytes of log lines gathered before one write to stdout, and the most time a line waits for it. */
const LOG_BUFFER_BYTES = 8 * 1024; // below sonic-boom's maxWrite (16 kB)
const LOG_FLUSH_MS = 250;
const buffered = new Set<ReturnType<typeof pino.destination>>();

/**
 * stdout written in blocks of LOG_BUFFER_BYTES, flushed every LOG_FLUSH_MS, at shutdown
 * (flushBufferedLogs, from PlatformHttpModule) and on exit (pino's exit hook): an access-log line
 * per request written on its own was ~5 % of a GET's CPU (issue 15 profile). A process killed
 * with SIGKILL loses at most the last quarter second of lines.
 */
function bufferedStdout(): DestinationStream {
  const destination = pino.destination({ sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS });
  buffered.add(destination);
  return destination;
}

/** Writes every buffered log line now (the last step of a graceful shutdown, before the signal is re-raised). */
export function flushBufferedLogs(): void {
  for (const destination of buffered) {
    try {
      destination.flushSync();
    } catch {
      // already closed: nothing left to write
    }
  }
}

export interface PlatformLoggerOptions {
  serviceName: string;
  level?: string;
  /** Where lines go; stdout by default (tests pass a memory stream). */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs (pino) behind Nest's LoggerService. Every line carries the service name,
 * and, inside a request, its request id and principal (AsyncLocalStorage). Messages and objects
 * pass through `redact` first: no national ID or phone number is ever written.
 */
export class PlatformLogger implements LoggerService {
  readonly pino: Logger;

  constructor(options: PlatformLoggerOptions) {
    this.pino = pino(
      {
        level: options.level ?? 'info',
        base: { service: options.serviceName },
        timestamp: pino.stdTimeFunctions.isoTime,
        messageKey: 'msg',
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => {
          const ctx = currentRequestContext();
          // The active span's ids (HTTP request, Kafka message, activity): logs and traces join up.
          const ids = activeTraceIds();
          return {
            ...(ctx ? { requestId: ctx.requestId, ...(ctx.subject ? { sub: ctx.subject, role: ctx.role, unit: ctx.unit } : {}) } : {}),
            ...ids,
          };
        },
      },
      options.destination ?? bufferedStdout(),
    );
  }

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  /** Flushes buffered lines (call before exit). */
  flush(): void {
    this.pino.flush();
  }

  // Nest calls log(message, context) and error(message, stack, context); the last string
  // argument is the context (class name). Objects are merged into the line after redaction.
  private write(level: pino.Level, message: unknown, optional: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const args = [...optional];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const extra of args) {
      if (typeof extra === 'string') fields.stack = redactString(extra);
      else if (extra instanceof Error) fields.err = redact(extra);
      else if (extra && typeof extra === 'object') Object.assign(fields, redact(extra));
    }
    if (message instanceof Error) {
      const err = redact(message) as { message?: string };
      this.pino[level]({ ...fields, err }, err.message);
    } else if (message && typeof message === 'object') {
      const { msg, message: m, ...rest } = redact(message) as Record<string, unknown>;
      this.pino[level]({ ...fields, ...rest }, typeof (msg ?? m) === 'string' ? ((msg ?? m) as string) : undefined);
    } else {
      this.pino[level](fields, redactString(String(message)));
    }
  }
}
