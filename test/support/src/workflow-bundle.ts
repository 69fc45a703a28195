// One way for every workflow spec to bundle workflow code from its TypeScript sources: our
// workspace packages resolve to their `src/index.ts`, as jest maps them, so no build is needed.
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const repoRoot = path.resolve(__dirname, '../../..');

/** The packages workflow code may import (STYLE.md), aliased to their sources. */
const SOURCE_ALIASES: Record<string, string> = {
  '@cwp/contracts$': path.join(repoRoot, 'libs/contracts/src/index.ts'),
  '@cwp/policy$': path.join(repoRoot, 'libs/policy/src/index.ts'),
};

/** Bundles `workflowsPath` (absolute, or relative to the repository root) once per spec file. */
export function bundleWorkflowsFromSources(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: path.resolve(repoRoot, workflowsPath),
    logger: new DefaultLogger('WARN'),
    webpackConfigHook: (config) => {
      config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string | false>), ...SOURCE_ALIASES } };
      return config;
    },
  });
}
