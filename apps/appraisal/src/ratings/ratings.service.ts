import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail, DomainError, type Principal } from '@cwp/platform';
import { AppraisalErrors } from '../core';
import { RESIDENT_KEY } from '../core';
import { CycleRepository, type CycleRow } from '../cycles';
import { RecordRepository } from '../records';
import { CycleAccessForRatings } from './rating-access';
import { RatingRepository } from './rating.repository';
import type { RatingCountRow } from './rating.row';
import type { OperatorRatingsDto, ResidentRatingDto } from './rating.dto';
import { residentRaterKey } from './rules/resident-rater-key';

/**
 * Ratings (APPR-1, APPR-3) while a cycle's window is open: the higher management unit and peers
 * through operators, residents through their own anonymous endpoint.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RatingRepository,
    private readonly cycles: CycleRepository,
    private readonly records: RecordRepository,
    private readonly access: CycleAccessForRatings,
    private readonly audit: AuditTrail,
    @Inject(RESIDENT_KEY) private readonly residentKey: Buffer,
  ) {}

  async rateAsOperator(cycleId: string, dto: OperatorRatingsDto, principal: Principal): Promise<{ recorded: number }> {
    const cycle = await this.access.visible(cycleId, principal, 'rate');
    openForRating(cycle);
    if (new Set(dto.ratings.map((r) => r.workerId)).size !== dto.ratings.length)
      throw DomainError.validation('ratings', 'each worker may appear once per request');
    let raterKey = principal.sub;
    let peerUnit: string | undefined;
    if (dto.source === 'peers') {
      const peer = await this.records.find(dto.raterWorkerId!);
      if (!peer || peer.status !== 'active' || !peer.unitCode.startsWith(cycle.unitCode))
        throw DomainError.notFound('worker', dto.raterWorkerId!);
      await this.access.within(principal, peer.unitCode, dto.raterWorkerId!);
      raterKey = `peer:${peer.workerId}`;
      peerUnit = peer.unitCode;
    }
    for (const [i, r] of dto.ratings.entries()) {
      const worker = await this.records.find(r.workerId);
      if (!worker || worker.status !== 'active' || !worker.unitCode.startsWith(cycle.unitCode))
        throw DomainError.notFound('worker', r.workerId);
      await this.access.within(principal, worker.unitCode, r.workerId);
      // APPR-3: management rates from above the worker's unit; peers are colleagues of the same unit.
      if (dto.source === 'management' && worker.unitCode === principal.unit) {
        throw DomainError.validation(
          `ratings[${i}].workerId`,
          'management ratings come from the unit above the worker (APPR-3), not from its own unit',
        );
      }
      if (dto.source === 'peers' && (worker.unitCode !== peerUnit || worker.workerId === dto.raterWorkerId)) {
        throw DomainError.validation(`ratings[${i}].workerId`, 'a peer rates colleagues of the same unit, never themself (APPR-3)');
      }
    }
    return this.dataSource.transaction(async (em) => {
      const inserted = await this.repository.insert(
        em,
        dto.ratings.map((r) => ({ cycleId, workerId: r.workerId, year: cycle.year, source: dto.source, raterKey, scores: r.scores })),
      );
      const dup = dto.ratings.findIndex((r) => !inserted.includes(r.workerId));
      if (dup >= 0) throw AppraisalErrors.alreadyRated(`ratings[${dup}].workerId`);
      await this.audit.record(
        em,
        {
          action: 'rate',
          entity: 'appraisal_cycle',
          entityId: cycleId,
          before: {},
          after: { source: dto.source, ratings: inserted.length },
        },
        principal,
      );
      return { recorded: inserted.length };
    });
  }

  /** APPR-3 residents: anonymous, one rating per resident per worker per year (keyed hash). */
  async rateAsResident(dto: ResidentRatingDto): Promise<{ recorded: true }> {
    const worker = await this.records.find(dto.workerId);
    const cycle = worker && worker.status === 'active' ? await this.cycles.covering(worker.unitCode, dto.year) : undefined;
    // Unknown worker, no cycle, or not open: all the same 404 to an anonymous caller.
    if (!worker || !cycle || cycle.phase !== 'rating') throw DomainError.notFound('rating_window', `${dto.workerId}/${dto.year}`);
    const raterKey = residentRaterKey(this.residentKey, dto.year, dto.workerId, dto.residentId);
    await this.dataSource.transaction(async (em) => {
      const inserted = await this.repository.insert(em, [
        { cycleId: cycle.id, workerId: worker.workerId, year: dto.year, source: 'residents', raterKey, scores: dto.scores },
      ]);
      if (inserted.length === 0) throw AppraisalErrors.alreadyRated('residentId');
    });
    return { recorded: true };
  }

  async counts(cycleId: string, principal: Principal): Promise<RatingCountRow[]> {
    const cycle = await this.access.visible(cycleId, principal, 'rating-counts');
    const scope =
      principal.role === 'city' || principal.role === 'system'
        ? cycle.unitCode
        : principal.unit.startsWith(cycle.unitCode)
          ? principal.unit
          : cycle.unitCode;
    return this.repository.counts(cycleId, scope);
  }
}

function openForRating(cycle: CycleRow): void {
  if (cycle.phase !== 'rating') throw AppraisalErrors.cyclePhase(cycle.id, cycle.phase, 'rating');
}
