import { Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { flushTracing } from './tracing';

@Injectable()
class TracingFlush implements OnApplicationShutdown {
  /** Spans still batched go out before the process ends (the exporter sends every second otherwise). */
  async onApplicationShutdown(): Promise<void> {
    await flushTracing().catch(() => undefined);
  }
}

/** Imported by PlatformHttpModule; tracing itself is installed by bootstrapService (initTracing). */
@Global()
@Module({ providers: [TracingFlush] })
export class PlatformTracingModule {}
