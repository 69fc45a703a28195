import { Module } from '@nestjs/common';
import { OrgModule } from '../org';
import { FloatingQuotaService } from './floating-quota.service';
import { QuotaRepository } from './quota.repository';
import { QuotasController } from './quotas.controller';
import { QuotasService } from './quotas.service';

/** Staffing quotas (QUOTA-1..4) and floating-quota loans (QUOTA-4). */
@Module({
  imports: [OrgModule],
  controllers: [QuotasController],
  providers: [QuotaRepository, QuotasService, FloatingQuotaService],
  exports: [QuotaRepository, QuotasService, FloatingQuotaService],
})
export class QuotasModule {}
