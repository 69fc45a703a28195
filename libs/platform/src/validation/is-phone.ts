import { IsString, Matches, type ValidationOptions } from 'class-validator';

/** Mainland mobile (optionally +86) or a fixed line with area code. */
export const PHONE_PATTERN = /^(?:(?:\+86)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** A string matching PHONE_PATTERN (strip spaces first with `@Transform(stripWhitespace)`). */
export function IsPhone(options?: ValidationOptions): PropertyDecorator {
  const message = '$property must be a mainland mobile number (11 digits, optional +86) or a fixed line with area code';
  return (target, property) => {
    // Registered in the order `@IsString() @Matches(…)` would register them (bottom first).
    Matches(PHONE_PATTERN, { message, ...options })(target, property);
    IsString(options)(target, property);
  };
}
