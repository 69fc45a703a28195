import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_CATALOG } from '../catalog';
import { eventSchemaId } from '../cloudevent';
import { exampleDataOf, exportedSchemaOf } from './asyncapi-document';
import { ASYNCAPI_FILE, breaksAgainstCommitted, contractDocuments, GENERATED_DIR } from './contract-documents';

const contracts = EVENT_CATALOG.flatMap((s) => s.produces);

describe('the integration contract documents (libs/contracts/generated)', () => {
  it('are what the event catalog produces now: a changed contract fails here until `npm run contracts` writes them', () => {
    const stale: string[] = [];
    for (const [file, text] of contractDocuments()) {
      let committed = '';
      try {
        committed = readFileSync(path.join(GENERATED_DIR, file), 'utf8');
      } catch {
        committed = '(missing)';
      }
      if (committed !== text) stale.push(file);
    }
    expect(stale).toEqual([]);
  });

  it('change no published event type in a way that breaks its consumers (a breaking change needs a new version)', () => {
    expect(breaksAgainstCommitted()).toEqual([]);
  });

  it('hold an AsyncAPI 3.0 document the AsyncAPI parser accepts without errors', async () => {
    const { document, diagnostics } = await new Parser().parse(readFileSync(ASYNCAPI_FILE, 'utf8'));
    const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('/')}: ${d.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    const documented = new Set(
      document
        ?.allMessages()
        .all()
        .map((m) => m.name()),
    );
    for (const contract of contracts) expect(documented).toContain(contract.type);
    const topics = new Set(
      document
        ?.allChannels()
        .all()
        .map((c) => c.address()),
    );
    expect([...topics].sort()).toEqual([...new Set(contracts.map((c) => c.topic))].sort());
  });

  it('export every schema closed and with an $id that every service resolves (/schemas/events/<type>.json)', () => {
    for (const contract of contracts) {
      const schema = exportedSchemaOf(contract);
      expect(schema.$id).toBe(eventSchemaId(contract.type));
      expect(schema.additionalProperties).toBe(false);
    }
  });

  it('give every message an example that its schema accepts', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const contract of contracts) {
      const validate = ajv.compile(exportedSchemaOf(contract));
      const example = exampleDataOf(contract);
      expect({ type: contract.type, valid: validate(example), errors: validate.errors ?? null }).toEqual({
        type: contract.type,
        valid: true,
        errors: null,
      });
    }
  });
});
