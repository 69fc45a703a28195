import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  incentiveSelectedContract,
  resultChangedContract,
  resultPublishedContract,
  type AppraisalGrade,
  type IncentiveLevel,
} from '@cwp/contracts';
import { AuditTrail, DomainError, OutboxWriter, ServiceClock, type Principal } from '@cwp/platform';
import { ExplanationBuilder, type PolicyCatalog } from '@cwp/policy';
import { APPRAISAL_SETTINGS, POLICY_CATALOG, type AppraisalSettingsValue } from '../core';
import { AppraisalError, AppraisalErrors } from '../core';
import { RESULT_ENTITY, ResultAccess } from './result-access';
import { resultAuditView, resultEventData } from './result-event-data';
import { ResultRepository } from './result.repository';
import type { RatingAggregateRow, ResultRow } from './result.row';
import { checkDistribution, type DistributionCheck } from './rules/distribution';
import { scoreWorker, type ScoredWorker } from './rules/score-worker';
import { GradeSignals } from './workflow/grade-signals';

type GradeCounts = Record<AppraisalGrade, number>;
const noGrades = (): GradeCounts => ({ excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0 });
interface UnitDistribution {
  unitCode: string;
  total: number;
  byGrade: GradeCounts;
}
/** Published grades under a unit, by the units one level below. */
export interface DistributionReport extends UnitDistribution {
  year: number;
  units: UnitDistribution[];
}

/** What the close and the publication need to know of a cycle. */
export interface CycleFacts {
  id: string;
  unitCode: string;
  year: number;
  policyVersion: string;
  excellentShareLimit: number;
}

const CLOSE_CHUNK = 2_000;

/**
 * Yearly results (APPR-1..3, APPR-6): the set-based close, calibration, publication, appeals,
 * reads and the top ten. Commands commit row + audit + outbox; record workflows hear of grades
 * after the commit.
 */
@Injectable()
export class ResultsService {
  private readonly logger = new Logger('ResultsService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ResultRepository,
    private readonly access: ResultAccess,
    private readonly gradeSignals: GradeSignals,
    private readonly audit: AuditTrail,
    private readonly outbox: OutboxWriter,
    private readonly clock: ServiceClock,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
    @Inject(APPRAISAL_SETTINGS) private readonly settings: AppraisalSettingsValue,
  ) {}

  /**
   * APPR-1..3 close, set-based: chunks of workers in id order, each one SQL aggregate of the
   * ratings per worker and source, scores and grades computed with @cwp/policy, one unnest
   * upsert per chunk. `resumeAfter`/`progress` let a retried activity continue from its heartbeat.
   */
  async close(
    cycle: CycleFacts,
    resumeAfter = '',
    progress: (lastWorkerId: string) => void = () => undefined,
  ): Promise<{ results: number; checks: DistributionCheck[] }> {
    const policy = this.catalog.byId(cycle.policyVersion);
    let after = resumeAfter;
    let results = 0;
    for (;;) {
      const rows = await this.repository.aggregateChunk(cycle.id, cycle.unitCode, after, CLOSE_CHUNK);
      if (rows.length === 0) break;
      const scored = groupByWorker(rows)
        .map((group) => scoreWorker(policy, group))
        .filter((s): s is ScoredWorker => s !== null);
      results += await this.dataSource.transaction((em) => this.repository.upsertDrafts(em, cycle.id, cycle.year, policy.id, scored));
      after = rows[rows.length - 1]!.workerId;
      progress(after);
    }
    return { results, checks: await this.distribution(cycle) };
  }

  async distribution(cycle: CycleFacts): Promise<DistributionCheck[]> {
    return checkDistribution(await this.repository.distributionByStreet(cycle.id), cycle.excellentShareLimit).checks;
  }

  /** APPR-2: refuses while a unit is still over the calibration limit. */
  async assertCalibrated(cycle: CycleFacts): Promise<void> {
    const over = (await this.distribution(cycle)).filter((c) => c.over).map((c) => c.unitCode);
    if (over.length > 0) throw AppraisalErrors.calibrationRequired(over);
  }

  /** APPR-2: an operator moves a draft grade with a reason; the move is audited and explained. */
  async calibrate(workerId: string, year: number, grade: AppraisalGrade, reason: string, principal: Principal): Promise<ResultRow> {
    const row = await this.access.visible(workerId, year, principal, 'calibrate');
    if (row.status !== 'draft')
      throw new DomainError(
        AppraisalError.RESULT_PUBLISHED,
        `The ${year} result of ${workerId} is published; a published grade changes only on appeal`,
      );
    if (row.grade === grade) throw DomainError.validation('grade', `The grade is already ${grade}`);
    const move = { from: row.grade, to: grade, reason, by: principal.sub, at: new Date().toISOString() };
    const explanation = new ExplanationBuilder(row.explanation.inputs, row.policyVersion)
      .absorb(row.explanation)
      .step('APPR-2', `Calibrated from ${row.grade} to ${grade} by ${principal.role} ${principal.unit}: ${reason}`, grade)
      .build();
    return this.dataSource.transaction(async (em) => {
      const after = await this.repository.calibrate(em, row, grade, move, explanation);
      if (!after) throw staleResult(row);
      await this.audit.record(
        em,
        {
          action: 'calibrate',
          entity: RESULT_ENTITY,
          entityId: `${workerId}/${year}`,
          before: resultAuditView(row),
          after: { ...resultAuditView(after), reason },
        },
        principal,
      );
      return after;
    });
  }

  /**
   * Publishes a cycle's drafts in chunks (rows + `result.published` events commit together), then
   * tells each worker's record its grade, set-based and chunked (GradeSignals); what an outage
   * leaves unsignalled the grade sweep re-sends. `progress` is the activity's heartbeat.
   */
  async publish(cycleId: string, progress: () => void = () => undefined): Promise<number> {
    let published = 0;
    for (;;) {
      const rows = await this.dataSource.transaction(async (em) => {
        const chunk = await this.repository.publishChunk(em, cycleId, this.settings.publishChunk);
        await this.outbox.appendMany(
          em,
          resultPublishedContract,
          chunk.map((r) => ({ key: r.workerId, data: resultEventData.published(r) })),
        );
        return chunk;
      });
      if (rows.length === 0) break;
      published += rows.length;
      progress();
    }
    const signals = await this.gradeSignals.deliverPending(cycleId, progress);
    this.logger.log({ msg: 'results published', cycleId, published, ...signals });
    return published;
  }

  // ---- appeals ----------------------------------------------------------------------------

  async fileAppeal(workerId: string, year: number, reason: string, principal: Principal): Promise<ResultRow> {
    const row = await this.access.visible(workerId, year, principal, 'appeal');
    if (row.status !== 'published')
      throw new DomainError(AppraisalError.RESULT_NOT_PUBLISHED, `The ${year} result of ${workerId} is not published yet`);
    if (row.appealStatus !== null)
      throw new DomainError(AppraisalError.ALREADY_APPEALED, `The ${year} result was already appealed (${row.appealStatus})`);
    const until = new Date(row.publishedAt!.getTime() + this.settings.timings.appealDays * 86_400_000);
    if (Date.now() > until.getTime()) throw AppraisalErrors.appealWindowClosed(until.toISOString().slice(0, 10));
    return this.dataSource.transaction(async (em) => {
      const after = await this.repository.fileAppeal(em, row, reason);
      if (!after) throw staleResult(row);
      await this.audit.record(
        em,
        {
          action: 'appeal',
          entity: RESULT_ENTITY,
          entityId: `${workerId}/${year}`,
          before: resultAuditView(row),
          after: resultAuditView(after),
        },
        principal,
      );
      return after;
    });
  }

  /**
   * An upheld appeal changes the grade, re-explains it and tells the performance record, which
   * cancels any consequence the old grade had started (APPR-5); a rejected one changes nothing.
   */
  async decideAppeal(
    workerId: string,
    year: number,
    outcome: 'upheld' | 'rejected',
    grade: AppraisalGrade | undefined,
    reason: string,
    principal: Principal,
  ): Promise<ResultRow> {
    const row = await this.access.visible(workerId, year, principal, 'decide-appeal');
    if (row.appealStatus !== 'filed') throw new DomainError(AppraisalError.NO_PENDING_APPEAL, `No appeal of the ${year} result is pending`);
    if (outcome === 'upheld' && (grade === undefined || grade === row.grade))
      throw DomainError.validation('grade', 'An upheld appeal names the new grade, different from the current one');
    const to = outcome === 'upheld' ? grade! : row.grade;
    const decision = { outcome, from: row.grade, to, reason, by: principal.sub, at: new Date().toISOString() };
    const explanation = new ExplanationBuilder(row.explanation.inputs, row.policyVersion)
      .absorb(row.explanation)
      .step(
        'APPR-2',
        outcome === 'upheld'
          ? `Appeal upheld: grade changed from ${row.grade} to ${to} (${reason})`
          : `Appeal rejected: grade ${row.grade} stands (${reason})`,
        to,
      )
      .build();
    const after = await this.dataSource.transaction(async (em) => {
      const changed = await this.repository.decideAppeal(em, row, to, decision, explanation);
      if (!changed) throw staleResult(row);
      await this.audit.record(
        em,
        {
          action: `appeal-${outcome}`,
          entity: RESULT_ENTITY,
          entityId: `${workerId}/${year}`,
          before: resultAuditView(row),
          after: { ...resultAuditView(changed), reason },
        },
        principal,
      );
      if (outcome === 'upheld')
        await this.outbox.append(em, { contract: resultChangedContract, key: workerId, data: resultEventData.changed(row, changed) });
      return changed;
    });
    if (outcome === 'upheld')
      await this.gradeSignals.deliver([
        {
          workerId,
          year,
          unitCode: after.unitCode,
          entryRoute: after.entryRoute,
          grade: after.grade,
          appealUpheld: true,
          version: after.version,
        },
      ]);
    return after;
  }

  // ---- reads --------------------------------------------------------------------------------

  async ofWorker(workerId: string, year: number, principal: Principal): Promise<ResultRow> {
    return this.access.visible(workerId, year, principal, 'read');
  }

  async ofUnit(unitCode: string, year: number, after: string, limit: number, principal: Principal): Promise<ResultRow[]> {
    await this.access.unit(principal, unitCode, 'unit');
    return this.repository.ofUnit(unitCode, year, after, limit);
  }

  /** Distribution of grades under a district (by street) or the city (by district). */
  async report(unitCode: string, year: number, principal: Principal): Promise<DistributionReport> {
    await this.access.unit(principal, unitCode, 'unit');
    const groupLength = unitCode.length === 2 ? 6 : unitCode.length === 6 ? 9 : 12;
    const rows = await this.repository.report(unitCode, year, groupLength, true);
    const units = new Map<string, UnitDistribution>();
    const byGrade = noGrades();
    let total = 0;
    for (const r of rows) {
      const u = units.get(r.unitCode) ?? { unitCode: r.unitCode, total: 0, byGrade: noGrades() };
      u.byGrade[r.grade] = r.count;
      u.total += r.count;
      units.set(r.unitCode, u);
      byGrade[r.grade] += r.count;
      total += r.count;
    }
    return { unitCode, year, total, byGrade, units: [...units.values()] };
  }

  // ---- APPR-6 -----------------------------------------------------------------------------

  /** APPR-6: the top ten outstanding workers of a district or the city, only among those graded excellent. */
  async selectTopTen(
    level: IncentiveLevel,
    unitCode: string,
    year: number,
    principal: Principal,
  ): Promise<{ selected: { workerId: string; score: number; rank: number }[]; explanation: object }> {
    await this.access.unit(principal, unitCode, 'unitCode');
    if ((level === 'city') !== (unitCode === '31'))
      throw DomainError.validation(
        'unitCode',
        level === 'city' ? 'The city top ten is selected for unit 31' : 'A district top ten is selected for a district (6 digits)',
      );
    const top = await this.repository.topExcellent(unitCode, year, 10);
    const selected = top.map((t, i) => ({ workerId: t.workerId, score: t.score, rank: i + 1 }));
    const explanation = new ExplanationBuilder({ level, unitCode, year })
      .step(
        'APPR-6',
        `Top ten outstanding community workers (${level}): the best scores among workers graded excellent in ${year}; ${selected.length} selected`,
        selected.length,
      )
      .build();
    await this.dataSource.transaction(async (em) => {
      const inserted = await this.repository.insertSelection(em, { level, unitCode, year, selected, explanation, by: principal.sub });
      if (!inserted)
        throw new DomainError(AppraisalError.ALREADY_SELECTED, `The ${level} top ten of ${unitCode} for ${year} was already selected`);
      await this.audit.record(
        em,
        {
          action: 'select',
          entity: 'appraisal_incentive',
          entityId: `${level}:${unitCode}:${year}`,
          before: {},
          after: { count: selected.length },
        },
        principal,
      );
      await this.outbox.append(em, {
        contract: incentiveSelectedContract,
        key: `${level}:${unitCode}:${year}`,
        data: { level, unitCode, year, selected },
      });
    });
    this.logger.log({ msg: 'top ten selected', level, unitCode, year, count: selected.length });
    return { selected, explanation };
  }

  today(): string {
    return this.clock.today();
  }
}

/** The row changed between the read and the guarded update (its version moved): 409 VERSION_CONFLICT. */
function staleResult(row: ResultRow): DomainError {
  return DomainError.versionConflict('The result changed meanwhile; reload and retry', {
    table: 'results',
    id: `${row.workerId}/${row.year}`,
    expectedVersion: row.version,
  });
}

function groupByWorker(rows: readonly RatingAggregateRow[]): RatingAggregateRow[][] {
  const groups: RatingAggregateRow[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.workerId === row.workerId) last.push(row);
    else groups.push([row]);
  }
  return groups;
}
