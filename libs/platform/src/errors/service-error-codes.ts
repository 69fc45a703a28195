import { ErrorCode } from './error-code';
import { PLATFORM_ERROR_TITLES, titleFromCode, type LocalizedTitle } from './error-titles';

/**
 * What a client may do about an error, and so its HTTP status. A service maps each of its own
 * codes to one class; the platform owns the statuses (one table, below).
 */
export type ErrorStatusClass =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'too-large' | 'unprocessable' | 'unavailable' | 'internal';

export const STATUS_OF_CLASS: Readonly<Record<ErrorStatusClass, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unprocessable: 422,
  unavailable: 503,
  internal: 500,
};

/** A code a service registered (branded, so only `defineServiceErrorCodes` makes one). */
export type ServiceErrorCode<C extends string = string> = C & { readonly __serviceErrorCode: true };

/** Every code a DomainError may carry: the platform's or a registered service code. */
export type DomainErrorCode = ErrorCode | ServiceErrorCode;

/**
 * A service code's definition: its status class alone, or with its title in Chinese (and
 * optionally English; default: the code in words), which the error body's `title` shows by
 * `Accept-Language`.
 */
export type ServiceErrorDefinition = ErrorStatusClass | { readonly status: ErrorStatusClass; readonly zh: string; readonly en?: string };

interface Registration {
  service: string;
  statusClass: ErrorStatusClass;
  title?: LocalizedTitle;
}

const registry = new Map<string, Registration>();
const PLATFORM_CODES = new Set<string>(Object.values(ErrorCode));
const CODE_SHAPE = /^[A-Z][A-Z0-9_]*$/;

/**
 * Declares a service's own error codes, each with its status class, and registers them with the
 * platform (so the exception filter and activity failures know their status). Call it once, at
 * module level, in the service's `core/<service>-errors.ts`:
 *
 *   export const WorkforceError = defineServiceErrorCodes('workforce', {
 *     FLOATING_QUOTA_EXHAUSTED: { status: 'unprocessable', zh: '机动编制名额不足' },
 *   });
 *   throw new DomainError(WorkforceError.FLOATING_QUOTA_EXHAUSTED, '…', { details });
 *
 * A code is a stable UPPER_SNAKE string; it may not shadow a platform code, and two services may
 * not register one code with different classes (the same class again is allowed: re-imports).
 */
export function defineServiceErrorCodes<const T extends Record<string, ServiceErrorDefinition>>(
  service: string,
  codes: T,
): { readonly [K in keyof T & string]: ServiceErrorCode<K> } {
  const result: Record<string, string> = {};
  for (const [code, definition] of Object.entries(codes)) {
    const statusClass = typeof definition === 'string' ? definition : definition.status;
    if (!CODE_SHAPE.test(code)) throw new Error(`Error code "${code}" of ${service} must be UPPER_SNAKE_CASE`);
    if (!(statusClass in STATUS_OF_CLASS)) throw new Error(`Error code ${code} of ${service}: unknown status class "${statusClass}"`);
    if (PLATFORM_CODES.has(code) && !isDeprecatedPlatformCode(code))
      throw new Error(`Error code ${code} is a platform code; ${service} cannot redefine it`);
    const existing = registry.get(code);
    if (existing && existing.statusClass !== statusClass) {
      throw new Error(
        `Error code ${code} is already registered by ${existing.service} as "${existing.statusClass}"; ${service} asks "${statusClass}"`,
      );
    }
    const title = typeof definition === 'string' ? undefined : { en: definition.en ?? titleFromCode(code), 'zh-CN': definition.zh };
    registry.set(code, { service, statusClass, ...(title ? { title } : existing?.title ? { title: existing.title } : {}) });
    result[code] = code;
  }
  return Object.freeze(result) as { readonly [K in keyof T & string]: ServiceErrorCode<K> };
}

/** The status class of a registered service code, or undefined when no service registered it. */
export function statusClassOfServiceCode(code: string): ErrorStatusClass | undefined {
  return registry.get(code)?.statusClass;
}

/**
 * The title of any code in both languages: a platform code's from its table, a service code's as
 * registered (English from the code's words and the English title again for Chinese when the
 * service gave no Chinese title), an unknown code's as INTERNAL's.
 */
export function titleOfCode(code: string): LocalizedTitle {
  if (PLATFORM_CODES.has(code)) return PLATFORM_ERROR_TITLES[code as ErrorCode];
  const registration = registry.get(code);
  if (!registration) return PLATFORM_ERROR_TITLES[ErrorCode.INTERNAL];
  if (registration.title) return registration.title;
  const en = titleFromCode(code);
  return { en, 'zh-CN': en };
}

/** The codes registered so far, with their service and class (for docs and OpenAPI). */
export function registeredServiceErrorCodes(): Array<{ code: string } & Registration> {
  return [...registry].map(([code, registration]) => ({ code, ...registration }));
}

/**
 * The two workforce codes the platform enum still carries until the workforce service registers
 * them itself; registering them (as 'unprocessable', their status today) is allowed.
 */
function isDeprecatedPlatformCode(code: string): boolean {
  return code === ErrorCode.FLOATING_QUOTA_EXHAUSTED || code === ErrorCode.TITLE_STRUCTURE_EXCEEDED;
}
