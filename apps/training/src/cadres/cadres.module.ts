import { Module } from '@nestjs/common';
import { RosterModule } from '../roster';
import { CadreRepository } from './cadre.repository';
import { CadresController } from './cadres.controller';
import { CadresService } from './cadres.service';
import { CadreWorkflow } from './workflow/cadre-workflow';

/**
 * Reserve cadres (REC-8): nomination, confirmation, development plan, yearly review. Here and not
 * in the talent pool: see the service README. Needs from the root module what RosterModule needs.
 */
@Module({
  imports: [RosterModule],
  controllers: [CadresController],
  providers: [CadreRepository, CadresService, CadreWorkflow],
  exports: [CadresService],
})
export class CadresModule {}
