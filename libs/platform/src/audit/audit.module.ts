import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';

/** Mount in each service's root module to serve `GET /api/<service>/audit` (AuditTrail itself is global). */
@Module({ controllers: [AuditController], providers: [AuditQueryService] })
export class AuditModule {}
