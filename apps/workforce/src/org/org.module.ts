import { Module } from '@nestjs/common';
import { OrgUnitRepository } from './org-unit.repository';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';

/** The org tree as reference data (ORG-2, ORG-4): /units. */
@Module({
  controllers: [OrgUnitsController],
  providers: [OrgUnitRepository, OrgUnitsService],
  exports: [OrgUnitRepository, OrgUnitsService],
})
export class OrgModule {}
