/**
 * Proves @cwp/policy bundles into Temporal workflow code (ARCHITECTURE.md: workflows import it) and
 * measures what it adds: bundles a probe workflow that calls the policy, prints time and size.
 *   npx tsc -b libs/policy && npm run bench -- test/bench/policy-workflow-bundle.bench.ts
 * The bundler resolves @cwp/policy through node_modules to libs/policy/dist, hence the build first.
 * Fails (exit 1) if webpack reports an error or the shipped parameter versions are missing.
 */
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROBE = `
import { areaQuotaRange, checkNationalId, defaultPolicyCatalog, recalibrate, reservePeriod } from '@cwp/policy';
export async function policyProbe(): Promise<unknown> {
  const p = defaultPolicyCatalog().inForce('2026-11-24');
  return {
    months: reservePeriod(p, 18).value.months,
    idValid: checkNationalId('11010519491231002X', new Date('2026-11-24T00:00:00Z')).valid,
    range: areaQuotaRange(p, 2750).value,
    average: recalibrate(p, { payYear: 2016, referenceWage: { year: 2013, annualFen: 6043500 }, workers: [{ id: 'a', category: 'staff', level: 2, yearsOfService: 1 }] }).value.averageMultiple,
  };
}
`;

const silent = { info() {}, debug() {}, trace() {}, log() {}, warn: console.warn, error: console.error };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-probe-'));
  try {
    const workflowsPath = join(dir, 'probe.workflow.ts');
    writeFileSync(workflowsPath, PROBE);
    const repoModules = resolve(__dirname, '../../node_modules');
    const started = performance.now();
    const { code } = await bundleWorkflowCode({
      workflowsPath,
      logger: silent,
      // The probe lives outside the repository: let webpack find packages in the repository's node_modules.
      webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, modules: [repoModules, 'node_modules'] } }),
    });
    const ms = Math.round(performance.now() - started);
    const embedded = code.includes('2016-current') && code.includes('2027-proposal');
    console.log(
      JSON.stringify(
        {
          benchmark: 'policy in a Temporal workflow bundle',
          bundleMs: ms,
          bundleKiB: Math.round(code.length / 1024),
          parameterVersionsEmbedded: embedded,
        },
        null,
        2,
      ),
    );
    if (!embedded) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
