import type { OpenAPIObject } from '@nestjs/swagger';
import { openApiGaps } from './openapi-completeness';
import { documentErrorsAndClosedObjects } from './openapi-errors';

const document = (paths: Record<string, unknown>): OpenAPIObject =>
  ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths, components: { schemas: {} } }) as unknown as OpenAPIObject;

describe('OpenAPI completeness (issue 14)', () => {
  it('names an operation without a success schema, without problem responses, a mutation without Idempotency-Key', () => {
    const gaps = openApiGaps(
      document({
        '/x': {
          get: { responses: { 200: { description: 'ok' } } },
          post: {
            responses: { 201: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/X' } } } } },
          },
        },
      }),
    );
    expect(gaps).toContain('GET /x: no success response schema');
    expect(gaps).toContain('GET /x: no 404 problem response');
    expect(gaps).toContain('POST /x: no Idempotency-Key header');
    expect(gaps).not.toContain('POST /x: no success response schema');
  });

  it('the platform swagger setup documents every error status and Idempotency-Key itself; an empty object is no schema', () => {
    const complete = documentErrorsAndClosedObjects(
      document({
        '/x': {
          post: {
            responses: { 201: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/X' } } } } },
          },
          delete: { responses: { 204: { description: 'gone' } } },
          get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } } } },
        },
      }),
    );
    expect(openApiGaps(complete)).toEqual(['GET /x: no success response schema']);
  });
});
