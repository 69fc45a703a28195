import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Roles, UuidPipe, type Principal } from '@cwp/platform';
import { FloatingQuotaService } from './floating-quota.service';
import { LendFloatingQuotaDto, type FloatingLoanResponse, type UnitQuotaResponse } from './quota.dto';
import { FloatingLoanResponseDoc, FloatingLoansResponseDoc, UnitQuotaResponseDoc } from './quota-response.doc';
import { QuotasService } from './quotas.service';

/** Quotas of a unit (QUOTA-1..4) and a street's floating-quota loans (QUOTA-4), within jurisdiction. */
@ApiTags('quotas')
@Controller('units/:code')
@Roles('city', 'district', 'street')
export class QuotasController {
  constructor(
    private readonly quotas: QuotasService,
    private readonly floating: FloatingQuotaService,
  ) {}

  @Get('quota')
  @ApiOkResponse({ type: UnitQuotaResponseDoc })
  quota(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<UnitQuotaResponse> {
    return this.quotas.forUnit(code, principal);
  }

  @Get('floating-quota/loans')
  @ApiOkResponse({ type: FloatingLoansResponseDoc })
  loans(
    @Param('code') code: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ balance: FloatingLoanResponse['balance']; loans: FloatingLoanResponse[] }> {
    return this.floating.loans(code, principal);
  }

  @Post('floating-quota/loans')
  @ApiCreatedResponse({ type: FloatingLoanResponseDoc })
  lend(
    @Param('code') code: string,
    @Body() dto: LendFloatingQuotaDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FloatingLoanResponse> {
    return this.floating.lend(code, dto, principal);
  }

  @Post('floating-quota/loans/:id/return')
  @ApiOkResponse({ type: FloatingLoanResponseDoc })
  @HttpCode(200)
  giveBack(
    @Param('code') code: string,
    @Param('id', new UuidPipe({ invalid: 'invalid' })) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FloatingLoanResponse> {
    return this.floating.giveBack(code, id, principal);
  }
}
