import { Logger } from '@nestjs/common';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import { temporalMetricsBuffer } from '../metrics/temporal-sdk-metrics';

let installed = false;

/**
 * Routes the Temporal SDK's own log (worker state changes, activity failures) through our logger
 * instead of its default console output. The Runtime can be installed once per process, before
 * the first worker; if something else installed it already, its logger stays.
 */
export function installTemporalRuntimeLogging(level: LogLevel = 'WARN'): void {
  if (installed) return;
  installed = true;
  const logger = new Logger('temporal-sdk');
  try {
    Runtime.install({
      // SDK worker metrics into our /metrics (metrics/temporal-sdk-metrics.ts), not a second port.
      telemetryOptions: { metrics: { metricPrefix: 'temporal_', buffer: temporalMetricsBuffer() } },
      logger: new DefaultLogger(level, (entry) => {
        const { sdkComponent, taskQueue } = (entry.meta ?? {}) as { sdkComponent?: string; taskQueue?: string };
        const text = [entry.message, sdkComponent && `component=${sdkComponent}`, taskQueue && `taskQueue=${taskQueue}`]
          .filter(Boolean)
          .join(' ');
        if (entry.level === 'ERROR') logger.error(text);
        else if (entry.level === 'WARN') logger.warn(text);
        else if (entry.level === 'INFO') logger.log(text);
        else logger.debug(text);
      }),
    });
  } catch (error) {
    logger.warn(`Temporal Runtime already installed; SDK logs keep its logger (${String(error)})`);
  }
}
