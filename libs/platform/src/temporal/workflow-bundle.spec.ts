import os from 'node:os';
import path from 'node:path';
import { workflowCodeOption } from './workflow-bundle';

describe('workflowCodeOption', () => {
  const existing = __filename;
  const source = { workflowsPath: 'workflows/src/index.ts', bundlePath: existing };

  it('uses the prebuilt bundle outside tests when it exists', () => {
    expect(workflowCodeOption(source, { NODE_ENV: 'production' })).toEqual({ workflowBundle: { codePath: existing } });
  });

  it('bundles from source under NODE_ENV=test', () => {
    expect(workflowCodeOption(source, { NODE_ENV: 'test' })).toEqual({ workflowsPath: path.resolve('workflows/src/index.ts') });
  });

  it('bundles from source when the bundle was not built', () => {
    const missing = { ...source, bundlePath: path.join(os.tmpdir(), 'no-such-bundle.js') };
    expect(workflowCodeOption(missing, {})).toEqual({ workflowsPath: path.resolve('workflows/src/index.ts') });
  });
});
