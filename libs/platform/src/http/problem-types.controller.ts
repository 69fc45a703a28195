import { Controller, Get, Header, Module, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';
import { httpStatusOf } from '../errors/http-status-of';
import { registeredServiceErrorCodes, titleOfCode } from '../errors/service-error-codes';
import type { LocalizedTitle } from '../errors/error-titles';

export interface ProblemTypeDocument {
  code: string;
  status: number;
  title: LocalizedTitle;
  /** `platform` or the service that registered the code. */
  owner: string;
}

/**
 * `GET /problems/<code>`: what the `type` of a problem response resolves to, on every service,
 * outside the API prefix and without a token (it holds no data): the code, its status and its
 * titles in every language. Unknown codes answer 404.
 */
@ApiExcludeController()
@Public()
@Controller('problems')
export class ProblemTypesController {
  @Get()
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(): ProblemTypeDocument[] {
    return knownCodes().map(([code, owner]) => describe(code, owner));
  }

  @Get(':code')
  @Header('Content-Type', 'application/json; charset=utf-8')
  one(@Param('code') code: string): ProblemTypeDocument {
    const owner = new Map(knownCodes()).get(code);
    if (owner === undefined) throw DomainError.notFound('problem type', code.slice(0, 64));
    return describe(code, owner);
  }
}

function knownCodes(): Array<[string, string]> {
  return [
    ...Object.values(ErrorCode).map((code): [string, string] => [code, 'platform']),
    ...registeredServiceErrorCodes()
      .filter((r) => !(Object.values(ErrorCode) as string[]).includes(r.code))
      .map((r): [string, string] => [r.code, r.service]),
  ];
}

function describe(code: string, owner: string): ProblemTypeDocument {
  return { code, status: httpStatusOf(code), title: titleOfCode(code), owner };
}

@Module({ controllers: [ProblemTypesController] })
export class ProblemTypesModule {}
