import type { FieldProblem } from '../errors/error-body';

// @nestjs/swagger's property metadata key: the OpenAPI document is the contract for nullability.
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type Ctor = new (...args: never[]) => unknown;
interface ApiPropertyMeta {
  nullable?: boolean;
  type?: unknown;
}

/**
 * Every `null` in a request body whose DTO property is not documented `nullable: true` (issue 8,
 * defect 3). class-validator's `@IsOptional()` lets null through as if the field were absent, so
 * an optional-but-not-nullable field reached a NOT NULL column (23502, a 500) or a version check
 * (`"version": null` answered 409). Here a field is nullable only if its OpenAPI says so; nested
 * DTOs (a class in the swagger `type` or the design type) are followed, arrays element by element.
 */
export function nullFieldProblems(value: unknown, metatype: Ctor | undefined, prefix = '', depth = 0): FieldProblem[] {
  if (!metatype || value === null || typeof value !== 'object' || Array.isArray(value) || depth > 8) return [];
  // A body typed as a plain object or primitive has no DTO to say what is nullable.
  if ([Object, Array, String, Number, Boolean].includes(metatype as never)) return [];
  const problems: FieldProblem[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const field = prefix ? `${prefix}.${key}` : key;
    const meta = Reflect.getMetadata(API_MODEL_PROPERTIES, metatype.prototype as object, key) as ApiPropertyMeta | undefined;
    if (child === null) {
      if (meta?.nullable !== true) problems.push({ field, problem: `${field} must not be null` });
      continue;
    }
    const nested = nestedTypeOf(metatype, key, meta);
    if (!nested) continue;
    const items = Array.isArray(child) ? child.map((item, i) => [`${field}.${i}`, item] as const) : [[field, child] as const];
    for (const [path, item] of items) {
      if (item === null && Array.isArray(child)) problems.push({ field: path, problem: `${path} must not be null` });
      else problems.push(...nullFieldProblems(item, nested, path, depth + 1));
    }
  }
  return problems;
}

function nestedTypeOf(metatype: Ctor, key: string, meta: ApiPropertyMeta | undefined): Ctor | undefined {
  const candidates = [
    meta?.type,
    Array.isArray(meta?.type) ? meta?.type[0] : undefined,
    Reflect.getMetadata('design:type', metatype.prototype as object, key),
  ];
  return candidates.find((c): c is Ctor => isDtoClass(c));
}

function isDtoClass(candidate: unknown): boolean {
  if (typeof candidate !== 'function') return false;
  if ([String, Number, Boolean, Object, Array, Date].includes(candidate as never)) return false;
  // A class with at least one documented property (a DTO), not a lazy type thunk `() => X`.
  return Reflect.getMetadata('swagger/apiModelPropertiesArray', (candidate as Ctor).prototype as object) !== undefined;
}
