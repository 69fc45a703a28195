import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { safeErrorFields } from './typeorm-logger';

const logger = new Logger('Database');

/**
 * The pg Client of every service pool. pg-pool listens for a client's `error` only while it is
 * idle, and TypeORM adds no listener while it is checked out: a connection killed during a
 * transaction (pg_terminate_backend, a server restart, a network cut) emitted an unhandled
 * `error` event and crashed the process (issue 8, faults). Here every client always has a
 * listener: the error is logged (SQLSTATE only), the query in flight rejects (→ 503), and
 * pg-pool drops the dead client when it is released.
 */
export class ErrorSafePgClient extends Client {
  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    this.on('error', (error: Error) => logger.warn({ msg: 'database connection lost', ...safeErrorFields(error) }));
  }
}
