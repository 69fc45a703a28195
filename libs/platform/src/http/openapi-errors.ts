/**
 * The OpenAPI document tells a right refusal from a wrong one (issue 8, defect 9): every operation
 * documents the platform's error statuses with the error body, request DTOs are closed objects
 * (`additionalProperties: false`, as the validation pipe enforces), and the class-validator
 * constraints of each DTO (pattern, enum, length, range, integer, uuid, date) are written into
 * its schema, so schema-based testing generates what the service accepts.
 */
import { getMetadataStorage } from 'class-validator';
import type { OpenAPIObject } from '@nestjs/swagger';
import { PHONE_PATTERN } from '../validation/is-phone';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

/** Statuses any operation may answer with the platform error body (see httpStatusOf). */
export const DOCUMENTED_ERROR_STATUSES: Readonly<Record<string, string>> = {
  400: 'VALIDATION_FAILED (errors name every field) or MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED: missing, expired or invalid bearer token',
  403: 'FORBIDDEN: the caller role may never call this operation',
  404: 'NOT_FOUND: missing, or outside the caller scope (the denial is audited)',
  409: 'CONFLICT, DUPLICATE, VERSION_CONFLICT or IDEMPOTENCY_IN_PROGRESS',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'A business rule refused it (details.rule names the POLICY.md rule) or IDEMPOTENCY_KEY_REUSED',
  503: 'DEPENDENCY_UNAVAILABLE: a backing server did not answer; retry later',
};

type Schema = Record<string, unknown>;
type Ctor = abstract new (...args: never[]) => unknown;

/** Mutates `document`: error responses on every operation, closed request objects, ErrorBody. */
export function documentErrorsAndClosedObjects(document: OpenAPIObject): OpenAPIObject {
  const schemas = ((document.components ??= {}).schemas ??= {}) as Record<string, Schema>;
  schemas.FieldProblem = {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'problem'],
    properties: { field: { type: 'string' }, problem: { type: 'string' } },
  };
  // RFC 9457 problem details with the platform's members (problem-details.ts).
  schemas.ErrorBody = {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'title', 'status', 'detail', 'instance', 'code', 'message', 'requestId'],
    properties: {
      type: { type: 'string', description: 'URI reference of the problem type: /problems/<code>, served by every service' },
      title: { type: 'string', description: "The code's title in the language chosen by Accept-Language (en, zh-CN)" },
      status: { type: 'integer', minimum: 400, maximum: 599 },
      detail: { type: 'string', description: 'What this occurrence says (ids, fields, figures)' },
      instance: { type: 'string', description: 'The request path' },
      code: { type: 'string', description: 'The stable error code clients match on: a platform code or one a service registered' },
      message: { type: 'string', description: 'Same as detail (kept for clients written before problem details)' },
      field: { type: 'string' },
      details: { type: 'object' },
      errors: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } },
      requestId: { type: 'string' },
    },
    example: {
      type: '/problems/VALIDATION_FAILED',
      title: '请求内容校验未通过',
      status: 400,
      detail: 'Invalid unitCode',
      instance: '/api/talent-pool/entries',
      code: 'VALIDATION_FAILED',
      message: 'Invalid unitCode',
      field: 'unitCode',
      errors: [{ field: 'unitCode', problem: 'must be a 9-digit street code' }],
      requestId: '6f1c2d3e-0000-4000-8000-000000000000',
    },
  };
  for (const schema of Object.values(schemas)) {
    if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  }
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem as Record<string, OperationLike>)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      if (MUTATING_METHODS.has(method)) documentIdempotencyKey(operation);
      const responses = (operation.responses ??= {});
      for (const [status, description] of Object.entries(DOCUMENTED_ERROR_STATUSES)) {
        responses[status] ??= { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
      }
    }
  }
  return document;
}

interface OperationLike {
  responses?: Record<string, unknown>;
  parameters?: Array<Record<string, unknown>>;
}

const MUTATING_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** The platform's idempotency interceptor serves every mutating route: say so on each. */
function documentIdempotencyKey(operation: OperationLike): void {
  const parameters = (operation.parameters ??= []);
  if (parameters.some((p) => p.in === 'header' && String(p.name).toLowerCase() === 'idempotency-key')) return;
  parameters.push({
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Makes a retry safe: the same key, caller and request replays the first answer (Idempotent-Replayed: true); ' +
      'the key with another request → 422 IDEMPOTENCY_KEY_REUSED; while the first runs → 409 IDEMPOTENCY_IN_PROGRESS',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$', example: 'hire-2026-0001' },
  });
}

/**
 * Copies each DTO's class-validator constraints into its swagger property metadata (call before
 * `SwaggerModule.createDocument`). Explicit `@ApiProperty` options win; a validated property
 * without `@ApiProperty` is added, so a closed object never hides a field the API accepts.
 */
export function documentValidationConstraints(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas?: Map<Ctor, ValidationMeta[]> };
  for (const [target, metas] of storage.validationMetadatas ?? []) {
    if (typeof target !== 'function' || !Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, target.prototype as object)) continue;
    const byProperty = new Map<string, ValidationMeta[]>();
    for (const meta of metas) byProperty.set(meta.propertyName, [...(byProperty.get(meta.propertyName) ?? []), meta]);
    for (const [property, propertyMetas] of byProperty) addConstraints(target, property, propertyMetas);
  }
}

interface ValidationMeta {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

function addConstraints(target: Ctor, property: string, metas: ValidationMeta[]): void {
  const proto = target.prototype as object;
  const existing = (Reflect.getMetadata(API_MODEL_PROPERTIES, proto, property) ?? undefined) as Schema | undefined;
  const derived: Schema = {};
  const items: Schema = {};
  let optional = false;
  for (const meta of metas) {
    if (meta.type === 'conditionalValidation') optional = true;
    const into = meta.each ? items : derived;
    const c = meta.constraints ?? [];
    switch (meta.name) {
      case 'matches':
        if (c[0] instanceof RegExp) into.pattern = c[0].source;
        break;
      case 'isIn':
        if (Array.isArray(c[0])) into.enum = c[0];
        break;
      case 'isLength':
        if (typeof c[0] === 'number') into.minLength = c[0];
        if (typeof c[1] === 'number') into.maxLength = c[1];
        break;
      case 'maxLength':
        into.maxLength = c[0];
        break;
      case 'min':
        into.minimum = c[0];
        break;
      case 'max':
        into.maximum = c[0];
        break;
      case 'isInt':
        into.type = 'integer';
        break;
      case 'isBoolean':
        into.type = 'boolean';
        break;
      case 'isString':
        into.type = 'string';
        break;
      case 'isUuid':
        into.format = 'uuid';
        break;
      case 'isCalendarDate':
        into.format = 'date';
        into.pattern = '^\\d{4}-\\d{2}-\\d{2}$';
        break;
      case 'isIso8601':
        into.format = 'date-time';
        break;
      case 'isNationalId':
        into.pattern = '^\\d{17}[\\dX]$';
        break;
      case 'isPhone':
        into.pattern = PHONE_PATTERN.source;
        break;
      case 'arrayMaxSize':
        derived.maxItems = c[0];
        break;
      default:
    }
  }
  if (Object.keys(items).length > 0) derived.items = items;
  if (!existing) {
    if (Object.keys(derived).length === 0) return;
    const names = (Reflect.getMetadata(API_MODEL_PROPERTIES_ARRAY, proto) ?? []) as string[];
    Reflect.defineMetadata(API_MODEL_PROPERTIES_ARRAY, [...names, `:${property}`], proto);
    const type = derived.type ?? Reflect.getMetadata('design:type', proto, property);
    Reflect.defineMetadata(API_MODEL_PROPERTIES, { required: !optional, ...derived, ...(type ? { type } : {}) }, proto, property);
    return;
  }
  const merged: Schema = { ...existing };
  for (const [key, value] of Object.entries(derived)) {
    if (key === 'items' && existing.isArray) continue;
    if (merged[key] === undefined) merged[key] = value;
  }
  // swagger infers `type: Number` from the design type; an integer constraint narrows it.
  if (derived.type === 'integer' && (existing.type === undefined || existing.type === Number)) merged.type = 'integer';
  if (existing.enum !== undefined) delete merged.pattern;
  Reflect.defineMetadata(API_MODEL_PROPERTIES, merged, proto, property);
}
