import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  complianceClearedContract,
  complianceShortfallContract,
  type ComplianceClearedData,
  type ComplianceShortfallData,
  type TrainingComplianceOutcome,
} from '@cwp/contracts';
import { gapFillingNeeds, wholeYearsBetween, type EducationLevel, type PolicyCatalog } from '@cwp/policy';
import { CODE_LENGTH, DomainError, Jurisdiction, OutboxWriter, POLICY_CATALOG, ServiceClock, decide, type Principal } from '@cwp/platform';
import { TRAINING_SETTINGS, type TrainingSettings } from '../core';
import { LibraryRepository, ownersAbove } from '../library';
import { TraineeAccess } from '../roster';
import { ComplianceRepository } from './compliance.repository';
import type { ComplianceResultRow } from './compliance.row';
import { toComplianceResponse, type ComplianceResponse, type RecommendationsResponse, type UnitReportResponse } from './compliance.dto';
import { skillLevelOf } from './rules/skill-level';
import { explainVerdict, transitionOf, verdictOf } from './rules/verdict';

/** The yearly compliance run (TRAIN-2/3/4), its report, and gap-filling recommendations (TRAIN-6). */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ComplianceRepository,
    private readonly library: LibraryRepository,
    private readonly trainees: TraineeAccess,
    private readonly jurisdiction: Jurisdiction,
    private readonly outbox: OutboxWriter,
    private readonly clock: ServiceClock,
    @Inject(POLICY_CATALOG) private readonly catalog: PolicyCatalog,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  /**
   * Judges every worker in service at the end of `year`, chunk by chunk (keyset over the roster):
   * per chunk one read statement, the policy's verdict per worker in process, one upsert and one
   * batch append of the shortfall / cleared events, in one transaction; then `heartbeat(lastId)`,
   * so a retried activity resumes after the last committed chunk (`resumeAfter`).
   */
  async run(
    year: number,
    resumeAfter = '',
    heartbeat: (lastWorkerId: string) => void = () => undefined,
  ): Promise<TrainingComplianceOutcome> {
    const policy = decide(() => this.catalog.inForce(`${year}-12-31`), { dateField: 'year' });
    const outcome: TrainingComplianceOutcome = { year, workers: 0, shortfalls: 0, cleared: 0 };
    let after = resumeAfter;
    for (;;) {
      const last = await this.dataSource.transaction(async (em) => {
        const rows = await this.repository.chunk(em, year, after, this.settings.complianceChunk, policy.training.offJobEveryYears);
        if (rows.length === 0) return null;
        const verdicts = rows.map((r) => verdictOf(policy, year, r));
        await this.repository.upsert(em, verdicts);
        const shortfalls: { key: string; data: ComplianceShortfallData }[] = [];
        const cleared: { key: string; data: ComplianceClearedData }[] = [];
        verdicts.forEach((v, i) => {
          const t = transitionOf(rows[i]!.wasCompliant, v.compliant);
          if (t === 'shortfall') shortfalls.push({ key: v.workerId, data: shortfallOf(v) });
          if (t === 'cleared') cleared.push({ key: v.workerId, data: clearedOf(v) });
        });
        await this.outbox.appendMany(em, complianceShortfallContract, shortfalls);
        await this.outbox.appendMany(em, complianceClearedContract, cleared);
        outcome.workers += rows.length;
        outcome.shortfalls += shortfalls.length;
        outcome.cleared += cleared.length;
        return rows[rows.length - 1]!.workerId;
      });
      if (last === null) return outcome;
      after = last;
      heartbeat(last);
    }
  }

  async workerResult(workerId: string, year: number, principal: Principal): Promise<ComplianceResponse> {
    await this.trainees.visible(workerId, principal, 'read-compliance');
    const row = await this.repository.find(year, workerId);
    if (!row) throw DomainError.notFound(`Compliance result of ${year}`, workerId);
    return toComplianceResponse(
      row,
      explainVerdict(
        decide(() => this.catalog.byId(row.policyVersion)),
        row,
      ),
    );
  }

  /** The per-unit report one level down from `unitCode` (the city by district, a district by street …). */
  async report(unitCode: string, year: number, principal: Principal): Promise<UnitReportResponse> {
    await this.jurisdiction.assertUnitAccessible(principal, unitCode, 'unitCode', 'report');
    const childLength = nextLevel(unitCode.length);
    const units = await this.repository.report(year, unitCode, childLength);
    const sum = (k: 'workers' | 'compliant' | 'hoursShort' | 'offJobMissing' | 'fourOnesOverdue') => units.reduce((s, u) => s + u[k], 0);
    return {
      unitCode,
      year,
      total: {
        workers: sum('workers'),
        compliant: sum('compliant'),
        hoursShort: sum('hoursShort'),
        offJobMissing: sum('offJobMissing'),
        fourOnesOverdue: sum('fourOnesOverdue'),
      },
      units,
    };
  }

  /** TRAIN-6: gap-filling courses from the library for this worker (step by years, modules not yet done, shortfalls). */
  async recommendations(workerId: string, principal: Principal): Promise<RecommendationsResponse> {
    const worker = await this.trainees.visible(workerId, principal, 'read-recommendations');
    const today = this.clock.today();
    const year = Number(today.slice(0, 4));
    const policy = decide(() => this.catalog.inForce(today));
    const last = (await this.repository.find(year, workerId)) ?? (await this.repository.find(year - 1, workerId));
    const yearsOfService = Math.max(0, wholeYearsBetween(worker.hiredOn, today));
    const modulesDone = await this.repository.modulesDone(workerId);
    const skillLevel = skillLevelOf(await this.repository.certificateKinds(workerId));
    const needs = decide(() =>
      gapFillingNeeds(policy, {
        yearsOfService,
        modulesDone,
        skillLevel,
        education: (worker.education as EducationLevel | null) ?? null,
        ...(last
          ? {
              hoursShort: Math.max(0, Math.round((last.requiredHours - last.hours) * 10) / 10),
              offJobMissing: last.offJobDue && !last.offJobMet,
            }
          : {}),
      }),
    );
    const modules = needs.value.theory ? [...needs.value.modules, 'general'] : needs.value.modules;
    const rows = await this.library.recommend({
      owners: ownersAbove({ role: 'street', unit: worker.unitCode.slice(0, 9), sub: 'worker' }),
      step: needs.value.step,
      modules,
      years: yearsOfService,
      preferDelivery: needs.value.offJob ? 'offline' : needs.value.online ? 'online' : null,
      limit: 10,
    });
    return {
      workerId,
      needs: needs.value,
      explanation: needs.explanation,
      courses: rows.map((r) => ({ id: r.id, title: r.title, module: r.module, step: r.step, delivery: r.delivery, hours: r.hours })),
    };
  }
}

function nextLevel(length: number): number {
  const levels = [CODE_LENGTH.city, CODE_LENGTH.district, CODE_LENGTH.street, CODE_LENGTH.area] as number[];
  return levels.find((l) => l > length) ?? length;
}

const shortfallOf = (v: ComplianceResultRow): ComplianceShortfallData => ({
  workerId: v.workerId,
  unitCode: v.unitCode,
  year: v.year,
  hours: v.hours,
  requiredHours: v.requiredHours,
  offJobMet: v.offJobMet,
  rules: v.failedRules,
  policyVersion: v.policyVersion,
});

const clearedOf = (v: ComplianceResultRow): ComplianceClearedData => ({
  workerId: v.workerId,
  unitCode: v.unitCode,
  year: v.year,
  hours: v.hours,
  requiredHours: v.requiredHours,
  policyVersion: v.policyVersion,
});
