import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { EventContract } from '@cwp/contracts';
import { DomainError } from '../errors';

/**
 * Validates event `data` against its contract's JSON Schema. Compiled validators are cached per
 * contract type. Failures become a VALIDATION_FAILED DomainError naming the field (`data.entryId`),
 * never echoing the value.
 */
export class EventSchemaValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv({ allErrors: false, strict: false });
    addFormats(this.ajv);
  }

  validate(contract: EventContract, data: unknown): void {
    let validate = this.compiled.get(contract.type);
    if (!validate) {
      validate = this.ajv.compile(contract.schema as object);
      this.compiled.set(contract.type, validate);
    }
    if (validate(data)) return;
    const error = validate.errors?.[0];
    const field = error ? fieldOf(error) : 'data';
    throw DomainError.validation(field, `Event ${contract.type}: ${field} ${error?.message ?? 'is invalid'}`);
  }
}

function fieldOf(error: ErrorObject): string {
  const pointer = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (params.missingProperty) pointer.push(params.missingProperty);
  if (params.additionalProperty) pointer.push(params.additionalProperty);
  return ['data', ...pointer]
    .map((s, i) => (i > 0 && /^\d+$/.test(s) ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
}
