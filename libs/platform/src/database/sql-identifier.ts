/**
 * Identifiers (schema, table and column names) cannot be bound as query parameters, so every one
 * that reaches SQL text goes through here: lower-case snake_case only, then double-quoted.
 */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(name: string, what = 'identifier'): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(`Invalid SQL ${what} "${name}": use lower-case letters, digits and _ (max 63)`);
  }
  return name;
}

export function quoteIdentifier(name: string, what?: string): string {
  return `"${assertIdentifier(name, what)}"`;
}
