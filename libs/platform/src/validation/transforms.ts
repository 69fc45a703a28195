/** class-transformer `@Transform` helpers for request DTOs; non-strings pass through to the validators. */
export const trimString = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

export const stripWhitespace = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.replace(/\s/g, '') : value);
