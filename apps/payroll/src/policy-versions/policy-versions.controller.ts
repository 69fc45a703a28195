import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@cwp/platform';
import { PolicyVersionResponse, StorePolicyVersionDto } from './policy-version.dto';
import { PolicyVersionsService } from './policy-versions.service';

/** /api/payroll/policy-versions: the parameter versions in use (shipped + stored by the city). */
@ApiTags('policy-versions')
@Controller('policy-versions')
export class PolicyVersionsController {
  constructor(private readonly versions: PolicyVersionsService) {}

  @Post()
  @Roles('city')
  @ApiOperation({ summary: 'Store a new parameter version (validated by libs/policy; 400 names the out-of-bounds field and rule)' })
  @ApiCreatedResponse({ type: PolicyVersionResponse })
  store(@Body() dto: StorePolicyVersionDto, @CurrentPrincipal() principal: Principal): Promise<PolicyVersionResponse> {
    return this.versions.store(dto, principal);
  }

  @Get()
  @Roles('city', 'district', 'street')
  @ApiOkResponse({ type: [PolicyVersionResponse] })
  list(): Promise<PolicyVersionResponse[]> {
    return this.versions.list();
  }
}
