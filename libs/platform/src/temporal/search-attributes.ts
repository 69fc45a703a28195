import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/**
 * Search attributes the stack registers (infra/local/stack.sh does it for the dev server;
 * `ensureSearchAttributes` does it elsewhere). Workflow packages cannot import @cwp/platform: they
 * declare the same keys with `defineSearchAttributeKey` from @temporalio/workflow and these names.
 */
export const CWP_SEARCH_ATTRIBUTES = {
  /** Org unit code of the entity (prefix-hierarchical: query a subtree with STARTS_WITH). */
  unitCode: defineSearchAttributeKey('CwpUnitCode', SearchAttributeType.KEYWORD),
  /** The business id the workflow is about (entry id, worker id). */
  entityId: defineSearchAttributeKey('CwpEntityId', SearchAttributeType.KEYWORD),
  /** When the thing the workflow waits for expires (reserve entry end, publicity end). */
  expiresAt: defineSearchAttributeKey('CwpExpiresAt', SearchAttributeType.DATETIME),
} as const;

const IndexedValueType = temporal.api.enums.v1.IndexedValueType;

const INDEXED_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  [SearchAttributeType.TEXT]: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  [SearchAttributeType.INT]: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  [SearchAttributeType.DOUBLE]: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  [SearchAttributeType.BOOL]: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** Adds the missing CWP search attributes to the namespace; existing ones are left alone. */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const known = new Set([...Object.keys(existing.customAttributes ?? {}), ...Object.keys(existing.systemAttributes ?? {})]);
  const missing = Object.values(CWP_SEARCH_ATTRIBUTES).filter((key) => !known.has(key.name));
  if (missing.length === 0) return [];
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((key) => [key.name, INDEXED_TYPES[key.type]!])),
  });
  return missing.map((key) => key.name);
}
