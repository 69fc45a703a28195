import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkerExitedData } from '@cwp/contracts';

/** What another feature does when a worker leaves: inside the inbox transaction, then after its commit (workflows only there). */
export interface WorkerExitEffect {
  inTransaction(em: EntityManager, data: WorkerExitedData): Promise<void>;
  afterCommit(data: WorkerExitedData): Promise<void>;
}

/**
 * The roster owns the workforce exit event (one inbox consumer); features that hold a worker's
 * state elsewhere (reserve cadres, REC-8) register here, so they end it at once, in the same
 * transaction as the roster row, without the roster importing them.
 */
@Injectable()
export class WorkerExitEffects {
  private readonly effects: WorkerExitEffect[] = [];

  register(effect: WorkerExitEffect): void {
    this.effects.push(effect);
  }

  async inTransaction(em: EntityManager, data: WorkerExitedData): Promise<void> {
    for (const e of this.effects) await e.inTransaction(em, data);
  }

  async afterCommit(data: WorkerExitedData): Promise<void> {
    for (const e of this.effects) await e.afterCommit(data);
  }
}
