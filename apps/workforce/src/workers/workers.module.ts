import { Module } from '@nestjs/common';
import { PiiCipher, PlatformConfig, ServiceClock, loadPiiKeys } from '@cwp/platform';
import { PromotionsService } from './promotions.service';
import { TitleStructureGuard } from './title-structure.guard';
import { WorkerAccess } from './worker-access';
import { WorkerChanges } from './worker-changes';
import { WorkerLifecycleService } from './worker-lifecycle.service';
import { WorkerRepository } from './worker.repository';
import { workersConfig } from './workers.config';
import { WorkersController } from './workers.controller';
import { WorkersService } from './workers.service';

/**
 * The roster (ORG-3, POST-1..3, PROM-1, PROM-3, EXIT-1..3). Needs, from the root module: the
 * platform's DataSource, HTTP wiring (Jurisdiction, AuditTrail, OrgUnitDirectory), OutboxWriter
 * producing `workforceWorkerEventContracts`, and POLICY_CATALOG (WorkforceCoreModule).
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
    { provide: PiiCipher, inject: [PlatformConfig], useFactory: (platform: PlatformConfig) => new PiiCipher(loadPiiKeys(workersConfig.get(), platform.stateDir)) },
  ],
  exports: [WorkersService, WorkerRepository, WorkerLifecycleService],
})
export class WorkersModule {}
