/**
 * `npm run ts -- libs/platform/src/temporal/build-workflow-bundle.cli.ts <workflowsPath> <outFile>`
 * An app's `build:bundle` script calls this with its workflow package's entry and its bundle path.
 */
import { buildWorkflowBundle } from './workflow-bundle';

async function main(): Promise<void> {
  const [workflowsPath, outFile] = process.argv.slice(2);
  if (!workflowsPath || !outFile) {
    console.error('usage: build-workflow-bundle.cli.ts <workflowsPath> <outFile>');
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const result = await buildWorkflowBundle(workflowsPath, outFile);
  console.log(`Workflow bundle ${result.outFile}: ${result.bytes} bytes in ${Date.now() - started} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
