import { Module } from '@nestjs/common';
import { PolicyCatalogSource } from './policy-catalog.source';
import { PolicyVersionRepository } from './policy-version.repository';
import { PolicyVersionsController } from './policy-versions.controller';
import { PolicyVersionsService } from './policy-versions.service';

/** Policy parameter versions (PAY-1..8 parameters among them) and the catalog payroll decides with. */
@Module({
  controllers: [PolicyVersionsController],
  providers: [PolicyVersionRepository, PolicyCatalogSource, PolicyVersionsService],
  exports: [PolicyCatalogSource],
})
export class PolicyVersionsModule {}
