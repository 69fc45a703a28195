import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
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
  async ready(@Res() res: Response): Promise<void> {
    const checks = await this.registry.runAll();
    const failing = checks.filter((c) => c.status === 'down').map((c) => c.name);
    res.status(failing.length ? 503 : 200).json({ status: failing.length ? 'unavailable' : 'ready', failing, checks });
  }
}
