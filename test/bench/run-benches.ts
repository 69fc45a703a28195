/**
 * `npm run bench` (issue 15 goal 6): with no argument, runs every bench of ./benches.ts at its
 * small size, one after another, each as its own process, and prints ONE table of the rows they
 * printed (measure, platform figure, baseline figure, ratio, goal); `--size city` runs them at city
 * scale; `--only <text>` keeps the benches whose path contains it. Each bench's whole output goes
 * to `.state/bench/<time>/<bench>.log`, the table to `.state/bench/<time>/table.md` (the README's
 * "Measured" table is pasted from it). `npm run bench -- <file>.ts [args]` still runs one bench alone.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { testing } from '@cwp/platform';
import { BENCHES, type BenchEntry } from './benches';

const ROOT = path.resolve(__dirname, '../..');

interface Outcome {
  entry: BenchEntry;
  rows: testing.PrintedBenchRow[];
  seconds: number;
  exit: number | null;
}

function runOne(file: string, args: string[], env: NodeJS.ProcessEnv, log?: string): Promise<{ exit: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, path.join(ROOT, file), ...args], {
      cwd: ROOT,
      env,
      stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      if (log) writeFileSync(log, output);
      resolve({ exit: code, output });
    });
  });
}

const figure = (n: number): string => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

function table(outcomes: Outcome[], size: string): string {
  const lines = [`| measure | platform | baseline | ratio | goal | bench (${size}) |`, '|---|---|---|---|---|---|'];
  for (const { entry, rows, exit, seconds } of outcomes) {
    const name = `\`${path.basename(entry.file)}\` ${seconds} s`;
    if (exit !== 0) lines.push(`| **failed (exit ${exit})**, see its log | | | | | ${name} |`);
    else if (rows.length === 0) lines.push(`| prints figures, no baseline row yet | | | | | ${name} |`);
    for (const row of rows) {
      const goal = testing.goalText(row.goal);
      const verdict = row.met === undefined ? '' : row.met ? ' ✓' : ' ✗';
      lines.push(
        `| ${row.measure} | ${figure(row.platform)} ${row.unit} | ${figure(row.baseline)} ${row.unit} | ${row.ratio}× | ${goal}${verdict} | ${name} |`,
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0]?.endsWith('.ts')) {
    const { exit } = await runOne(argv[0], argv.slice(1), process.env);
    process.exit(exit ?? 1);
  }
  const sizeAt = argv.indexOf('--size');
  const size = sizeAt >= 0 ? argv[sizeAt + 1] : 'small';
  if (size !== 'small' && size !== 'city') throw new Error('--size must be small or city');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1]! : '';
  const dir = path.join(ROOT, '.state', 'bench', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const outcomes: Outcome[] = [];
  for (const entry of BENCHES.filter((b) => b.file.includes(only))) {
    const log = path.join(dir, `${path.basename(entry.file, '.ts')}.log`);
    process.stdout.write(`${entry.file} (${size}) … `);
    const t0 = performance.now();
    const { exit, output } = await runOne(entry.file, entry[size], { ...process.env, CWP_BENCH_SIZE: size }, log);
    const seconds = Math.round((performance.now() - t0) / 1000);
    const rows = testing.parseBenchRows(output);
    process.stdout.write(
      `${exit === 0 ? 'done' : `FAILED (exit ${exit})`} in ${seconds} s, ${rows.length} row(s); log ${path.relative(ROOT, log)}\n`,
    );
    outcomes.push({ entry, rows, seconds, exit });
    // Written after every bench: a run stopped part-way still leaves the table of what it measured.
    writeFileSync(path.join(dir, 'table.md'), `${table(outcomes, size)}\n`);
  }
  const markdown = table(outcomes, size);
  writeFileSync(path.join(dir, 'table.md'), `${markdown}\n`);
  console.log(`\n${markdown}\n\n(table in ${path.relative(ROOT, path.join(dir, 'table.md'))}; ratios = platform / baseline, same run)`);
  if (outcomes.some((o) => o.exit !== 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
