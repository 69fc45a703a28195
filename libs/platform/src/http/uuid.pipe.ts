import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID (any version): ids of our rows, checked before they reach SQL. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export interface UuidPipeOptions {
  /**
   * What a malformed id answers. 'not-found' (default): 404, as for any id that names no record
   * (no row can have it, and a 404 tells no more than that). 'invalid': 400 VALIDATION_FAILED
   * naming the parameter, for ids the client must have taken from a list it was given.
   */
  invalid?: 'not-found' | 'invalid';
  /** The record named in the 404 message, e.g. 'Worker' (default 'Record'). */
  entity?: string;
}

/**
 * Path parameter pipe for row ids: `@Param('id', new UuidPipe({ entity: 'Worker' })) id: string`.
 * Replaces Nest's ParseUUIDPipe (a bare 400 in Nest's words) and the UUID regexes beside it:
 * one check, our error codes, the parameter named.
 */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  constructor(private readonly options: UuidPipeOptions = {}) {}

  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (isUuid(value)) return value;
    const field = metadata.data ?? 'id';
    if (this.options.invalid === 'invalid') throw DomainError.validation(field, `${field} must be a UUID`);
    throw DomainError.notFound(this.options.entity ?? 'Record', printable(value));
  }
}

/** The refused value as safe text for a message: no control characters, bounded length. */
function printable(value: unknown): string {
  return String(value)
    .replace(/[\u0000-\u001f\u007f]/g, '?')
    .slice(0, 64);
}
