// `npm run contracts`: writes libs/contracts/generated (AsyncAPI document + one JSON Schema per
// event type) from the event catalog. Refuses a breaking change to a published event type: that
// needs a new type version (see schema-compat.ts for what breaks a consumer).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { breaksAgainstCommitted, contractDocuments, GENERATED_DIR, SCHEMAS_DIR } from './contract-documents';

const breaks = breaksAgainstCommitted();
if (breaks.length) {
  for (const { type, changes } of breaks) {
    for (const change of changes) console.error(`${type}: ${change.path}: ${change.change}`);
  }
  console.error('Breaking changes to published event types: publish them as a new version (…v<n+1>) instead. Nothing written.');
  process.exit(1);
}
const files = contractDocuments();
mkdirSync(SCHEMAS_DIR, { recursive: true });
const current = new Set([...files.keys()].filter((f) => f.startsWith('schemas')).map((f) => path.basename(f)));
for (const stale of readdirSync(SCHEMAS_DIR).filter((f) => !current.has(f))) rmSync(path.join(SCHEMAS_DIR, stale));
for (const [file, text] of files) writeFileSync(path.join(GENERATED_DIR, file), text);
console.log(`contracts: wrote ${files.size} files to ${path.relative(process.cwd(), GENERATED_DIR)}`);
