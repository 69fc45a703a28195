import { Module } from '@nestjs/common';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';

/** The org tree as reference data (ORG-2, ORG-4): /units. */
@Module({ controllers: [OrgUnitsController], providers: [OrgUnitsService], exports: [OrgUnitsService] })
export class OrgModule {}
