/**
 * Input checks every request passes before any DTO, service or SQL sees it (issue 8, defects 1, 2
 * and 5). Pure functions: the JSON body middleware and the validation pipe call them.
 *
 * - nesting depth is bounded on the raw bytes, before JSON.parse and before class-transformer
 *   (whose recursion overflowed the stack on 40,000 nested arrays);
 * - invalid UTF-8 is refused instead of being stored as U+FFFD;
 * - control characters (NUL and the other C0/C1 codes except tab, line feed, carriage return) and
 *   lone surrogates are refused: PostgreSQL rejects NUL (22021) and a lone surrogate is not text;
 * - the keys `__proto__`, `constructor` and `prototype` are refused like any unknown key: they
 *   reach an object's prototype when a library assigns them;
 * - integral numbers beyond 2^53 (a 20-digit literal parses to 1e20, which class-validator calls
 *   an integer and PostgreSQL refuses) are refused.
 */
import { isUtf8 } from 'node:buffer';
import type { FieldProblem } from '../errors/error-body';

/** Deepest object/array nesting a request body may have. DTOs nest two or three levels. */
export const MAX_JSON_DEPTH = 32;

// C0 controls except \t \n \r, DEL, C1 controls; and UTF-16 surrogates not in a valid pair.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest `{`/`[` nesting of a JSON text, strings skipped; stops counting past `limit`. */
export function jsonDepthExceeds(raw: Buffer | string, limit = MAX_JSON_DEPTH): boolean {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Problems of a raw JSON body that must be refused before it is parsed. */
export function rawBodyProblem(raw: Buffer): FieldProblem | undefined {
  if (!isUtf8(raw)) return { field: 'body', problem: 'body must be valid UTF-8' };
  if (jsonDepthExceeds(raw)) return { field: 'body', problem: `body must not nest deeper than ${MAX_JSON_DEPTH} levels` };
  return undefined;
}

/** What is wrong with one text value, or undefined. Never repeats the value. */
export function textProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text';
  return undefined;
}

/**
 * Every control character, lone surrogate and forbidden key in a parsed value, named by its
 * dotted path (`facts.appraisals.0.grade`). `prefix` names the root (empty for a body, the
 * parameter name for a path or query value). Depth is bounded by MAX_JSON_DEPTH + a margin.
 */
export function inputProblems(value: unknown, prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  walk(value, prefix, 0, problems);
  return problems;
}

function walk(value: unknown, path: string, depth: number, problems: FieldProblem[]): void {
  if (problems.length >= 20) return;
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) problems.push({ field: path || 'body', problem: `${path || 'body'} ${problem}` });
    return;
  }
  if (typeof value === 'number') {
    // 99999999999999999999 parses to 1e20: "an integer" to class-validator, out of range to PostgreSQL.
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
      problems.push({
        field: path || 'body',
        problem: `${path || 'body'} must be a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
      });
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_JSON_DEPTH + 4) {
    problems.push({ field: path || 'body', problem: `${path || 'body'} nests too deeply` });
    return;
  }
  const entries: Array<[string, unknown]> = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) {
      problems.push({ field: childPath, problem: `property ${key} should not exist` });
      continue;
    }
    const keyProblem = textProblem(key);
    if (keyProblem) {
      problems.push({ field: path || 'body', problem: `a property name ${keyProblem}` });
      continue;
    }
    walk(child, childPath, depth + 1, problems);
  }
}
