import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_CATALOG, eventSchemaId } from '@cwp/contracts';
import { DomainError } from '../errors';
import { ContractDocumentsController } from './contract-documents.controller';

const generated = path.resolve(__dirname, '../../../contracts/generated');

describe('ContractDocumentsController (every service serves the integration contract)', () => {
  const controller = new ContractDocumentsController();

  it('serves the AsyncAPI document written by `npm run contracts`', () => {
    const served = controller.asyncApi();
    expect(served).toBe(readFileSync(path.join(generated, 'asyncapi.json'), 'utf8'));
    expect((JSON.parse(served) as { asyncapi: string }).asyncapi).toBe('3.0.0');
  });

  it('serves each event schema at the path its $id names', () => {
    for (const contract of EVENT_CATALOG.flatMap((s) => s.produces)) {
      const file = path.basename(eventSchemaId(contract.type));
      const schema = JSON.parse(controller.eventSchema(file)) as { $id: string };
      expect(schema.$id).toBe(eventSchemaId(contract.type));
    }
  });

  it('answers 404 for an unknown type and never reads outside the folder', () => {
    for (const file of [
      'cwp.workforce.worker.promoted.v9.json',
      '..%2F..%2Fpackage.json',
      '../../package.json',
      'asyncapi.json',
      'cwp.workforce.worker.hired.v1',
    ]) {
      let error: unknown;
      try {
        controller.eventSchema(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('NOT_FOUND');
    }
  });
});
