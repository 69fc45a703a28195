import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-code';

export const IF_MATCH_FIELD_KEY = 'cwp:ifMatchField';
export const IF_MATCH_HEADER = 'If-Match';

/**
 * Marks a PATCH/PUT (or action) route whose body carries the optimistic-concurrency `version`: an
 * `If-Match: "<version>"` header (the `ETag` a GET answered) then stands for that field. The body's
 * `version` keeps working; a stale version is the service's 409 VERSION_CONFLICT either way (not
 * 412: clients match on the one code). Routes without it refuse If-Match (400) rather than ignore
 * a precondition the client relies on.
 */
export const IfMatchVersion = (field = 'version'): MethodDecorator =>
  applyDecorators(
    SetMetadata(IF_MATCH_FIELD_KEY, field),
    ApiHeader({
      name: IF_MATCH_HEADER,
      required: false,
      description: `The ETag of the version read ("3"); instead of, or equal to, the body's ${field}. Stale → 409 VERSION_CONFLICT`,
      schema: { type: 'string', pattern: '^"\\d{1,9}"$' },
    }),
  );

/** The ETag of a row version: a strong entity tag, `"3"`. */
export function etagOfVersion(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names: `"3"` → 3, `*` → undefined (any current version). Weak
 * tags (never equal under If-Match's strong comparison), lists and anything else → 400 naming the header.
 */
export function versionOfIfMatch(header: string): number | undefined {
  const value = header.trim();
  if (value === '*') return undefined;
  const match = /^"(\d{1,9})"$/.exec(value);
  if (!match) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, 'If-Match must be one strong entity tag "<version>" (the ETag read) or *', {
      field: IF_MATCH_HEADER,
    });
  }
  return Number(match[1]);
}

/** A response body that is one versioned resource: an object with an integer `version` ≥ 0. */
export function versionOfBody(body: unknown): number | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const version = (body as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : undefined;
}
