import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { flushBufferedLogs } from './platform-logger';

/**
 * Writes the buffered log lines when the app shuts down: Nest re-raises the stop signal after its
 * shutdown hooks, which ends the process without the `exit` event pino's own flush waits for.
 */
@Injectable()
export class LogFlushOnShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    flushBufferedLogs();
  }
}
