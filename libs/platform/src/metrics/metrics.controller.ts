import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ServiceMetrics } from './service-metrics';

/**
 * `GET /metrics` (Prometheus text), outside the global prefix and the auth guard like /health:
 * scrapers carry no operator token. It holds counts and latencies only, no personal data; keep
 * the port on the internal network (the Kubernetes Service, not the ingress).
 */
@ApiExcludeController()
@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get('metrics')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const text = await this.metrics.scrape();
    void reply.type(this.metrics.contentType);
    return text;
  }
}
