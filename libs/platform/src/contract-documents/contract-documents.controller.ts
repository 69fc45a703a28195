import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, Module, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EVENT_TYPE_PATTERN } from '@cwp/contracts';
import { Public } from '../auth/public.decorator';
import { DomainError } from '../errors';

/** libs/contracts/generated, written by `npm run contracts` from the event catalog. */
function generatedDir(): string {
  return path.join(path.dirname(require.resolve('@cwp/contracts/package.json')), 'generated');
}

/**
 * The integration contract, served by every service outside the API prefix and without a token
 * (it holds no data, only the shape of the events): the AsyncAPI document of every event of the
 * platform, and the JSON Schema of each event type's data at the path its `$id` names.
 */
@ApiExcludeController()
@Public()
@Controller()
export class ContractDocumentsController {
  private readonly cache = new Map<string, string>();

  @Get('asyncapi.json')
  @Header('Content-Type', 'application/json; charset=utf-8')
  asyncApi(): string {
    return this.read('asyncapi.json');
  }

  @Get('schemas/events/:file')
  @Header('Content-Type', 'application/schema+json; charset=utf-8')
  eventSchema(@Param('file') file: string): string {
    const type = file.endsWith('.json') ? file.slice(0, -'.json'.length) : '';
    if (!EVENT_TYPE_PATTERN.test(type)) throw DomainError.notFound('event schema', file);
    return this.read(path.join('schemas', `${type}.json`), file);
  }

  private read(relative: string, shownAs = relative): string {
    const cached = this.cache.get(relative);
    if (cached !== undefined) return cached;
    let text: string;
    try {
      text = readFileSync(path.join(generatedDir(), relative), 'utf8');
    } catch {
      throw DomainError.notFound('event schema', shownAs);
    }
    this.cache.set(relative, text);
    return text;
  }
}

@Module({ controllers: [ContractDocumentsController] })
export class ContractDocumentsModule {}
