/**
 * What a complete OpenAPI operation documents (issue 14): a success response with its schema, every
 * platform error status with the problem-details body, and the Idempotency-Key header where the
 * route takes one (every POST, PUT, PATCH, DELETE: the idempotency interceptor is global). Pure:
 * the contract test runs it over every service's generated document.
 */
import { DOCUMENTED_ERROR_STATUSES } from './openapi-errors';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

interface Operation {
  parameters?: Array<{ name?: string; in?: string; $ref?: string }>;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> } | undefined>;
}

/** `METHOD /path: what is missing`, one line per gap; empty when every operation is complete. */
export function openApiGaps(document: { paths?: object }): string[] {
  const gaps: string[] = [];
  for (const [route, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      const name = `${method.toUpperCase()} ${route}`;
      const responses = operation.responses ?? {};
      const successes = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      const documented = successes.some(([status, response]) => status === '204' || hasSchema(response?.content));
      if (!documented) gaps.push(`${name}: no success response schema`);
      for (const status of Object.keys(DOCUMENTED_ERROR_STATUSES)) {
        if (!responses[status]?.content?.[PROBLEM_CONTENT_TYPE]?.schema) gaps.push(`${name}: no ${status} problem response`);
      }
      if (
        MUTATING.has(method) &&
        !(operation.parameters ?? []).some((p) => p.in === 'header' && p.name?.toLowerCase() === 'idempotency-key')
      ) {
        gaps.push(`${name}: no Idempotency-Key header`);
      }
    }
  }
  return gaps;
}

function hasSchema(content: Record<string, { schema?: unknown }> | undefined): boolean {
  return Object.values(content ?? {}).some((media) => {
    const schema = media?.schema as Record<string, unknown> | undefined;
    // `{}` (or a bare object without properties) says nothing about the body.
    return (
      schema !== undefined &&
      Object.keys(schema).length > 0 &&
      !(schema.type === 'object' && !schema.properties && !schema.additionalProperties)
    );
  });
}
