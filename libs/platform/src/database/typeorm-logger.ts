import { Logger as NestLogger, type LoggerService } from '@nestjs/common';
import type { Logger, LoggerOptions, LogLevel } from 'typeorm';

type Sink = Pick<LoggerService, 'log' | 'warn' | 'error'> & { debug?: LoggerService['debug'] };

/** What a PostgreSQL error may tell without echoing a value (`detail` and `message` can hold data). */
const SAFE_ERROR_FIELDS = ['code', 'constraint', 'table', 'column', 'schema', 'routine'] as const;

/**
 * TypeORM logger of the platform DataSource. Query **parameters are never written**: they hold
 * national IDs, phone numbers and names (TypeORM's own loggers print them with every failing
 * query). A failing query is logged with its SQL text (placeholders, not values) and the error's
 * code and constraint/table/column, not its message or detail, which can quote the value.
 * `levels` is the DataSource `logging` option (`['error', 'warn', 'migration']` by default).
 */
export class PlatformTypeOrmLogger implements Logger {
  constructor(
    private readonly levels: LoggerOptions = ['error', 'warn', 'migration'],
    private readonly sink: Sink = new NestLogger('TypeORM'),
  ) {}

  // `_parameters` is in every signature TypeORM calls and deliberately never read.
  logQuery(query: string, _parameters?: unknown): void {
    if (this.enabled('query')) (this.sink.debug ?? this.sink.log).call(this.sink, { msg: 'query', query });
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    if (this.enabled('error')) this.sink.error({ msg: 'query failed', query, ...safeErrorFields(error) });
  }

  logQuerySlow(time: number, query: string, _parameters?: unknown): void {
    if (this.enabled('warn')) this.sink.warn({ msg: 'slow query', durationMs: time, query });
  }

  logSchemaBuild(message: string): void {
    if (this.enabled('schema')) this.sink.log({ msg: 'schema', detail: message });
  }

  logMigration(message: string): void {
    if (this.enabled('migration')) this.sink.log({ msg: 'migration', detail: message });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (!this.enabled(level)) return;
    if (level === 'warn') this.sink.warn({ msg: 'typeorm', detail: String(message) });
    else this.sink.log({ msg: 'typeorm', detail: String(message) });
  }

  private enabled(level: LogLevel): boolean {
    return this.levels === true || this.levels === 'all' || (Array.isArray(this.levels) && this.levels.includes(level));
  }
}

/** The identifying fields of a driver error, never its message or detail. */
export function safeErrorFields(error: string | Error): Record<string, string> {
  if (typeof error === 'string') return { error: 'query error' };
  const fields: Record<string, string> = { error: error.name };
  const raw = error as unknown as Record<string, unknown>;
  const driver = (raw.driverError ?? raw) as Record<string, unknown>;
  for (const key of SAFE_ERROR_FIELDS) {
    const value = driver[key];
    if (typeof value === 'string' && value) fields[key] = value;
  }
  return fields;
}
