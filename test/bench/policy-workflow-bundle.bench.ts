/**
 * Proves @cwp/policy bundles into Temporal workflow code (ARCHITECTURE.md: workflows import it) and
 * measures what it adds: bundles a probe workflow that calls the policy, prints time and size.
 *   npx tsc -b libs/policy && npm run bench -- test/bench/policy-workflow-bundle.bench.ts
 * The bundler resolves @cwp/policy through node_modules to libs/policy/dist, hence the build first.
 * Fails (exit 1) if webpack reports an error or the shipped parameter versions are missing.
 * Baseline for `npm run bench`'s table: the same bundling of a workflow that imports nothing.
 */
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { testing } from '@cwp/platform';

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

const EMPTY_PROBE = `export async function emptyProbe(): Promise<number> { return 1; }\n`;

const silent = { info() {}, debug() {}, trace() {}, log() {}, warn: console.warn, error: console.error };

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'policy-probe-'));
  try {
    const repoModules = resolve(__dirname, '../../node_modules');
    const bundle = async (name: string, source: string): Promise<{ code: string; ms: number }> => {
      const workflowsPath = join(dir, name);
      writeFileSync(workflowsPath, source);
      const started = performance.now();
      const { code } = await bundleWorkflowCode({
        workflowsPath,
        logger: silent,
        // The probe lives outside the repository: let webpack find packages in the repository's node_modules.
        webpackConfigHook: (config) => ({ ...config, resolve: { ...config.resolve, modules: [repoModules, 'node_modules'] } }),
      });
      return { code, ms: Math.round(performance.now() - started) };
    };
    await bundle('warm-up.workflow.ts', EMPTY_PROBE); // webpack's first run loads and compiles itself
    const { code, ms } = await bundle('probe.workflow.ts', PROBE);
    const empty = await bundle('empty.workflow.ts', EMPTY_PROBE);
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
    testing.printBenchRow({
      measure: 'workflow bundle with @cwp/policy (vs a workflow importing nothing)',
      unit: 'KiB',
      platform: Math.round(code.length / 1024),
      baseline: Math.round(empty.code.length / 1024),
    });
    testing.printBenchRow({
      measure: 'workflow bundling time with @cwp/policy (vs a workflow importing nothing)',
      unit: 'ms',
      platform: ms,
      baseline: empty.ms,
    });
    if (!embedded) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
