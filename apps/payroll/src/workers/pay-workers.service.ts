import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@cwp/platform';
import { WORKER_STATE_EVENT_TYPE } from '@cwp/contracts';
import { PAYROLL_SETTINGS, type PayrollSettings } from '../core';
import { PayWorkerAccess } from './pay-worker-access';
import { PayWorkerRepository } from './pay-worker.repository';
import { PayWorkerResponse, ReconciliationResponse } from './pay-worker.dto';
import { reconcileProjection } from './rules/reconcile';

@Injectable()
export class PayWorkersService {
  constructor(
    private readonly repository: PayWorkerRepository,
    private readonly access: PayWorkerAccess,
    @Inject(PAYROLL_SETTINGS) private readonly settings: PayrollSettings,
  ) {}

  async get(workerId: string, principal: Principal): Promise<PayWorkerResponse> {
    return PayWorkerResponse.toResponse(await this.access.visible(workerId, principal));
  }

  /** Projection vs events consumed, the worker-state bootstrap included (city operators: the controller's role check). */
  async reconciliation(): Promise<ReconciliationResponse> {
    const stateConsumer = this.settings.workerStateConsumer;
    const [consumed, state, counts, fields] = await Promise.all([
      this.repository.consumedByType(this.settings.workersConsumer),
      stateConsumer ? this.repository.consumedByType(stateConsumer) : Promise.resolve({} as Record<string, number>),
      this.repository.projectionCounts(),
      this.repository.compareWithStates(),
    ]);
    return ReconciliationResponse.toResponse(
      reconcileProjection({
        consumed,
        misses: counts.misses,
        workers: counts.workers,
        exited: counts.byStatus.exited ?? 0,
        state: { consumed: state[WORKER_STATE_EVENT_TYPE] ?? 0, inserted: counts.fromState },
        fields: fields.states > 0 ? fields : undefined,
      }),
    );
  }
}
