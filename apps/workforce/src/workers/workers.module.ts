import { Module } from '@nestjs/common';
import { ServiceClock } from '@cwp/platform';
import { PromotionsService } from './promotions.service';
import { TitleStructureGuard } from './title-structure.guard';
import { WorkerAccess } from './worker-access';
import { WorkerChanges } from './worker-changes';
import { WorkerLifecycleService } from './worker-lifecycle.service';
import { WorkerRepository } from './worker.repository';
import { WorkersController } from './workers.controller';
import { WorkersService } from './workers.service';

/**
 * The roster (ORG-3, POST-1..3, PROM-1, PROM-3, EXIT-1..3). Needs, from the root module: the
 * platform's DataSource, HTTP wiring (Jurisdiction, AuditTrail, OrgUnitDirectory), OutboxWriter
 * producing `workforceWorkerEventContracts`, POLICY_CATALOG and PiiCipher (WorkforceCoreModule:
 * PlatformPolicyModule, PlatformPiiModule).
 */
@Module({
  controllers: [WorkersController],
  providers: [
    WorkerRepository,
    WorkerAccess,
    WorkerChanges,
    TitleStructureGuard,
    WorkersService,
    WorkerLifecycleService,
    PromotionsService,
    ServiceClock,
  ],
  exports: [WorkersService, WorkerRepository, WorkerLifecycleService],
})
export class WorkersModule {}
