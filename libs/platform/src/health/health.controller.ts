import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ReadinessRegistry } from './readiness-registry';

/** Liveness and readiness for orchestrators; outside the global prefix and the auth guard. */
@ApiExcludeController()
@Public()
@Controller()
export class HealthController {
  constructor(private readonly registry: ReadinessRegistry) {}

  /** Liveness: the process answers. Checks nothing else, so a database outage never restarts it. */
  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: every registered dependency check passes; 503 naming the failing ones otherwise. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    const checks = await this.registry.runAll();
    const failing = checks.filter((c) => c.status === 'down').map((c) => c.name);
    void reply.status(failing.length ? 503 : 200);
    return { status: failing.length ? 'unavailable' : 'ready', failing, checks };
  }
}
