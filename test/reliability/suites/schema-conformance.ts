/**
 * Schema conformance: schemathesis (PyPI, pinned in support/schemathesis.sh, installed once into
 * the cwp cache) generates requests from each running service's OpenAPI, with a city token and a
 * bounded number of examples per operation. Zero server errors, zero undocumented statuses
 * (issue 8, defect 9: the OpenAPI documents the error statuses and the error body).
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { SERVICES } from '../support/services';
import type { Tier } from '../support/tier';

const MAX_EXAMPLES = Number(process.env.CWP_SCHEMATHESIS_EXAMPLES ?? 10);
let python = '';

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(python, ['-m', 'schemathesis.cli', 'run', ...args], {
      env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_HOOKS: '' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/**
 * Services fuzzed at once, each by one schemathesis process with ONE worker: its `--workers 2`
 * threads once failed a run inside CPython 3.11's parser ("SystemError: AST constructor recursion
 * depth mismatch", python/cpython#106905, not thread-safe), so the overlap comes from processes.
 */
const CONCURRENT_RUNS = Number(process.env.CWP_SCHEMATHESIS_CONCURRENCY ?? 4);

function argsFor(tier: Tier, service: string): string[] {
  const base = tier.process(service).baseUrl;
  return [
    `${base}/docs-json`,
    '--url',
    base,
    '-H',
    `Authorization: Bearer ${tier.tokens.city}`,
    '--checks',
    'not_a_server_error,status_code_conformance',
    '--phases',
    'examples,fuzzing',
    '--max-examples',
    String(MAX_EXAMPLES),
    '--workers',
    '1',
    '--seed',
    '8',
    '--generation-database',
    'none',
    '--request-timeout',
    '20',
    '--no-shrink',
    '--no-color',
  ];
}

/** Operations of an OpenAPI document (its size, to schedule the largest fuzzing runs first). */
function operationCount(document: Record<string, any> | undefined): number {
  return Object.values<Record<string, unknown>>(document?.paths ?? {}).reduce((n, item) => n + Object.keys(item).length, 0);
}

export function schemaConformanceSuite(tier: Tier, documents: Map<string, Record<string, any>>): void {
  const runs = new Map<string, Promise<{ code: number | null; output: string }>>();
  beforeAll(() => {
    python = execFileSync('bash', [path.join(__dirname, '../support/schemathesis.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    // Every service's run starts here: CONCURRENT_RUNS lanes take the next service from one queue, the
    // largest OpenAPI first (no lane left with the three largest); each test below awaits its own run.
    const queue = SERVICES.map((s) => s.name).sort((a, b) => operationCount(documents.get(b)) - operationCount(documents.get(a)));
    const started = new Map<string, (result: Promise<{ code: number | null; output: string }>) => void>();
    for (const name of queue) runs.set(name, new Promise((resolve) => started.set(name, (result) => void result.then(resolve))));
    for (let lane = 0; lane < CONCURRENT_RUNS; lane++) {
      void (async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
          const result = run(argsFor(tier, name));
          started.get(name)!(result);
          await result;
        }
      })();
    }
  }, 600_000);

  describe.each(SERVICES.map((s) => s.name))('%s OpenAPI', (service) => {
    it(`schemathesis: no server error, no undocumented status (≤ ${MAX_EXAMPLES} examples per operation)`, async () => {
      const { code, output } = await runs.get(service)!;
      const generated = /(\d+) generated/.exec(output);
      tier.figures.requests += generated ? Number(generated[1]) : 0;
      const summary = output
        .split('\n')
        .filter((l) => /passed|failed|error|Server error|Undocumented|operations|test cases|Test cases|Seed|Failures/i.test(l))
        .slice(-25);
      for (const line of summary) tier.say(`${service}: ${line.trim()}`);
      if (code !== 0) tier.say(output.slice(-6000));
      expect(output).not.toMatch(/Server error/i);
      expect(output).not.toMatch(/Undocumented HTTP status code/i);
      expect(code).toBe(0);
    }, 400_000);
  });
}
