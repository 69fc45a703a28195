import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { RankingExport } from './ranking-export.service';
import { CAMPAIGN_ID } from '../campaigns';
import { APPLICANT_ID } from '../applicants';
import {
  AssessmentDto,
  CampaignStateResponse,
  ClosePhaseDto,
  ObjectionDecisionDto,
  RankingExportQueryDto,
  ScoreDto,
  ScoreFileDto,
  ScoreFileResponse,
} from './selection.dto';
import { SelectionService } from './selection.service';

/** Operators' actions on a running campaign. Thin: one service call per handler. */
@ApiTags('recruitment selection (REC-1, REC-6, REC-7)')
@Controller()
export class SelectionController {
  constructor(
    private readonly selection: SelectionService,
    private readonly rankingExport: RankingExport,
  ) {}

  /** REC-6 ranking per post, CSV or XLSX with Chinese headers (a street: its own posts). */
  @Get('campaigns/:id/ranking')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({
    description: 'The ranking file: 岗位编号, 街道, 排名, 报名编号, 姓名, 实习评价, 笔试成绩, 面试成绩, 综合成绩, 状态, 考核',
    content: {
      'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, CRLF' } },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    },
  })
  ranking(
    @Param('id', CAMPAIGN_ID) id: string,
    @Query() query: RankingExportQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    return this.rankingExport.file(id, query.format ?? 'csv', principal);
  }

  @Get('campaigns/:id/state')
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: CampaignStateResponse })
  state(@Param('id', CAMPAIGN_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<CampaignStateResponse> {
    return this.selection.state(id, principal);
  }

  @Post('campaigns/:id/close-phase')
  @HttpCode(200)
  @Roles('city', 'district')
  @ApiOkResponse({ type: CampaignStateResponse })
  closePhase(
    @Param('id', CAMPAIGN_ID) id: string,
    @Body() dto: ClosePhaseDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignStateResponse> {
    return this.selection.closePhase(id, dto, principal);
  }

  @Post('campaigns/:id/cancel')
  @HttpCode(200)
  @Roles('city', 'district')
  @ApiOkResponse({ type: CampaignStateResponse })
  cancel(@Param('id', CAMPAIGN_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<CampaignStateResponse> {
    return this.selection.cancel(id, principal);
  }

  @Post('applicants/:id/assessment')
  @HttpCode(200)
  @Roles('city', 'district')
  @ApiOkResponse({ type: CampaignStateResponse })
  assess(
    @Param('id', APPLICANT_ID) id: string,
    @Body() dto: AssessmentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignStateResponse> {
    return this.selection.assess(id, dto, principal);
  }

  @Post('campaigns/:id/score-files')
  @HttpCode(200)
  @Roles('city', 'district')
  @ApiOkResponse({ type: ScoreFileResponse })
  uploadScores(
    @Param('id', CAMPAIGN_ID) id: string,
    @Body() dto: ScoreFileDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScoreFileResponse> {
    return this.selection.uploadScores(id, dto, principal);
  }

  @Post('applicants/:id/scores')
  @HttpCode(200)
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: CampaignStateResponse })
  score(
    @Param('id', APPLICANT_ID) id: string,
    @Body() dto: ScoreDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignStateResponse> {
    return this.selection.score(id, dto, principal);
  }

  @Post('applicants/:id/drop-out')
  @HttpCode(200)
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: CampaignStateResponse })
  dropOut(@Param('id', APPLICANT_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<CampaignStateResponse> {
    return this.selection.dropOut(id, principal);
  }

  @Post('applicants/:id/objection')
  @HttpCode(200)
  @Roles('city', 'district')
  @ApiOkResponse({ type: CampaignStateResponse })
  fileObjection(@Param('id', APPLICANT_ID) id: string, @CurrentPrincipal() principal: Principal): Promise<CampaignStateResponse> {
    return this.selection.fileObjection(id, principal);
  }

  @Post('applicants/:id/objection/decision')
  @HttpCode(200)
  @Roles('city', 'district')
  @ApiOkResponse({ type: CampaignStateResponse })
  decideObjection(
    @Param('id', APPLICANT_ID) id: string,
    @Body() dto: ObjectionDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CampaignStateResponse> {
    return this.selection.decideObjection(id, dto, principal);
  }
}
