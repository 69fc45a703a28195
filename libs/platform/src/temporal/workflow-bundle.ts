import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleWorkflowCode, type WorkerOptions } from '@temporalio/worker';
import { OTEL_WORKFLOW_INTERCEPTORS_MODULE } from '../tracing/temporal-tracing';

export interface WorkflowSource {
  /** Module exporting the workflows (a TS or JS file); used in tests and when no bundle exists. */
  workflowsPath: string;
  /** Prebuilt bundle written by `buildWorkflowBundle` (the app's `build:bundle` script). */
  bundlePath?: string;
}

/**
 * Bundles the workflow code once at build time (STYLE.md: production workers load a prebuilt
 * bundle): start-up skips webpack and the worker runs exactly the code that was built.
 */
export async function buildWorkflowBundle(workflowsPath: string, outFile: string): Promise<{ outFile: string; bytes: number }> {
  // The OpenTelemetry workflow interceptors are part of the bundle (a worker ignores
  // interceptors.workflowModules when it loads a prebuilt bundle).
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.resolve(workflowsPath),
    workflowInterceptorModules: [OTEL_WORKFLOW_INTERCEPTORS_MODULE],
  });
  await mkdir(path.dirname(path.resolve(outFile)), { recursive: true });
  await writeFile(outFile, code);
  return { outFile: path.resolve(outFile), bytes: Buffer.byteLength(code) };
}

/** The bundle when it exists outside tests, else the source path (bundled at worker start). */
export function workflowCodeOption(
  source: WorkflowSource,
  env: NodeJS.ProcessEnv = process.env,
): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  if (source.bundlePath && env.NODE_ENV !== 'test' && existsSync(source.bundlePath)) {
    return { workflowBundle: { codePath: path.resolve(source.bundlePath) } };
  }
  return { workflowsPath: path.resolve(source.workflowsPath) };
}
