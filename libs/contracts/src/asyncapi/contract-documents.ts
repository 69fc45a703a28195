import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_CATALOG, type ServiceEvents } from '../catalog';
import type { JsonSchema } from '../cloudevent';
import { buildAsyncApiDocument, exportedSchemaOf } from './asyncapi-document';
import { breakingChanges, type BreakingChange } from './schema-compat';

/** libs/contracts/generated: the committed documents (served by every service, read by HR systems). */
export const GENERATED_DIR = path.resolve(__dirname, '..', '..', 'generated');
export const ASYNCAPI_FILE = path.join(GENERATED_DIR, 'asyncapi.json');
export const SCHEMAS_DIR = path.join(GENERATED_DIR, 'schemas');

/** Every file the documents consist of, path relative to GENERATED_DIR → its JSON text. */
export function contractDocuments(catalog: readonly ServiceEvents[] = EVENT_CATALOG): Map<string, string> {
  const version = (JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
  const files = new Map<string, string>();
  files.set('asyncapi.json', toJson(buildAsyncApiDocument(catalog, { version })));
  for (const { produces } of catalog) {
    for (const contract of produces) files.set(path.join('schemas', `${contract.type}.json`), toJson(exportedSchemaOf(contract)));
  }
  return files;
}

export interface SchemaBreak {
  type: string;
  changes: BreakingChange[];
}

/**
 * Breaking changes of the current contracts against the committed schemas (the published
 * baseline). A breaking change needs a new event type version (`…v2`), which is a new file: the
 * old type's file stays as it was for as long as the old type is produced.
 */
export function breaksAgainstCommitted(catalog: readonly ServiceEvents[] = EVENT_CATALOG): SchemaBreak[] {
  const breaks: SchemaBreak[] = [];
  for (const { produces } of catalog) {
    for (const contract of produces) {
      const file = path.join(SCHEMAS_DIR, `${contract.type}.json`);
      if (!existsSync(file)) continue;
      const committed = JSON.parse(readFileSync(file, 'utf8')) as JsonSchema;
      const changes = breakingChanges(committed, exportedSchemaOf(contract));
      if (changes.length) breaks.push({ type: contract.type, changes });
    }
  }
  return breaks;
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
