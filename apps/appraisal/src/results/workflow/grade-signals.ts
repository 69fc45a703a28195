import { Injectable } from '@nestjs/common';
import { TemporalReachability } from '@cwp/platform';
import { RecordWorkflows, type GradeDelivery } from '../../records';
import { ResultRepository } from '../result.repository';
import type { UnsignalledResult } from '../result.row';

/** Unsignalled results read and marked per statement (a city publication is ~57k: ~115 chunks). */
const SIGNAL_CHUNK = 500;
/** Signal-with-start calls in flight at once: bounded so a publication never floods the frontend. */
const SIGNAL_PARALLELISM = 16;

export interface GradeDeliveryOutcome {
  signalled: number;
  /** Left unsignalled by this pass (an outage, a refused call): the grade sweep re-sends them. */
  undelivered: number;
}

/**
 * Tells each worker's performance record (APPR-5) the published grade it has not heard:
 * keyset-streamed chunks of `signalled_at IS NULL` results, signal-with-start in bounded parallel
 * batches, the chunk's deliveries marked in one statement. Used by publication (inside its
 * heartbeating activity), by an upheld appeal, and by the grade sweep. Re-sending is harmless:
 * the record ignores a grade it already has for that year.
 */
@Injectable()
export class GradeSignals {
  constructor(
    private readonly repository: ResultRepository,
    private readonly records: RecordWorkflows,
    private readonly reachability: TemporalReachability,
  ) {}

  /** Every unsignalled published grade of a cycle (`null`: of every cycle), chunk by chunk; `progress` after each. */
  async deliverPending(cycleId: string | null, progress: () => void = () => undefined): Promise<GradeDeliveryOutcome> {
    const outcome: GradeDeliveryOutcome = { signalled: 0, undelivered: 0 };
    let after = { workerId: '', year: 0 };
    while (this.reachability.reachable) {
      const chunk = await this.repository.unsignalledChunk(cycleId, after, SIGNAL_CHUNK);
      if (chunk.length === 0) break;
      add(outcome, await this.deliver(chunk));
      progress();
      after = chunk[chunk.length - 1]!;
    }
    return outcome;
  }

  /** Delivers these grades and marks the delivered ones (one statement). */
  async deliver(results: readonly UnsignalledResult[]): Promise<GradeDeliveryOutcome> {
    const delivered = await this.records.gradeMany(results.map(toDelivery), SIGNAL_PARALLELISM);
    const signalled = await this.repository.markSignalled(results.filter((_, i) => delivered[i]));
    return { signalled, undelivered: results.length - signalled };
  }
}

function toDelivery(r: UnsignalledResult): GradeDelivery {
  return {
    row: { workerId: r.workerId, unitCode: r.unitCode, entryRoute: r.entryRoute },
    signal: { year: r.year, grade: r.grade, reason: r.appealUpheld ? 'appeal-upheld' : 'published' },
  };
}

function add(total: GradeDeliveryOutcome, part: GradeDeliveryOutcome): void {
  total.signalled += part.signalled;
  total.undelivered += part.undelivered;
}
