import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { NoSystemRead } from '../auth/system-access';
import { AuditPageDto, AuditQueryDto } from './audit-query.dto';
import { AuditQueryService } from './audit-query.service';

/**
 * `GET /api/<service>/audit`: city operators only. Other roles get 403 FORBIDDEN (the endpoint is
 * documented in /docs, so hiding it gains nothing; 404 is kept for records outside a scope).
 */
@ApiTags('audit')
@NoSystemRead() // operations data, not the records an HR system reads
@Roles('city')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Get()
  @ApiOperation({ summary: "Search this service's audit trail (changes and denied attempts)" })
  @ApiOkResponse({ type: AuditPageDto })
  find(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.find(query);
  }
}
