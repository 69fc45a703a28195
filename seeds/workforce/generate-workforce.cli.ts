/**
 * Writes a synthetic workforce as NDJSON (one worker per line):
 *   npm run ts -- seeds/workforce/generate-workforce.cli.ts --seed 1 --size 62000 [--out file.ndjson]
 *     [--tree seeds/org-tree/shanghai.json] [--as-of 2026-07-01] [--within <unit code>]
 * --within keeps the units under one district/street (a code prefix); its default size is then that
 * subtree's natural headcount instead of 62,000.
 * Without --out the lines go to stdout; a summary (shares by title, role, route…) goes to stderr. Streams with
 * backpressure, so 620,000 workers never sit in memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { parseOrgTree } from '@cwp/platform';
import { DEFAULT_AS_OF, generateWorkforce, naturalHeadcount, SHANGHAI_WORKFORCE_SIZE, WorkforceTally } from '@cwp/synthetic';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function integerFlag(name: string, fallback: number): number {
  const value = Number(flag(name) ?? fallback);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got ${flag(name)}`);
  return value;
}

async function main(): Promise<void> {
  const seed = integerFlag('seed', 1);
  const outPath = flag('out');
  const within = flag('within');
  // Checked with the platform's org-tree validator as a complete seed tree, as the services load it.
  const treeFile = flag('tree') ?? 'seeds/org-tree/shanghai.json';
  const tree = parseOrgTree(JSON.parse(readFileSync(treeFile, 'utf8')) as unknown, { complete: true, source: treeFile }).units;
  const units = within ? tree.filter((unit) => unit.code.startsWith(within)) : tree;
  if (units.length === 0) throw new Error(`--within ${within}: no such unit in the tree`);
  const size = integerFlag('size', within ? naturalHeadcount(seed, units) : SHANGHAI_WORKFORCE_SIZE);
  const out: Writable = outPath ? createWriteStream(outPath) : process.stdout;
  const started = performance.now();
  const tally = new WorkforceTally();
  for (const worker of generateWorkforce({ seed, size, units, asOf: flag('as-of') ?? DEFAULT_AS_OF })) {
    tally.add(worker);
    if (!out.write(`${JSON.stringify(worker)}\n`)) await once(out, 'drain');
  }
  if (outPath) {
    out.end();
    await once(out, 'finish');
  }
  const seconds = (performance.now() - started) / 1000;
  console.error(`seed ${seed}, ${seconds.toFixed(1)} s${outPath ? ` → ${outPath}` : ''}: ${tally.format()}`);
}

// `… | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
