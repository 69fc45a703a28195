// A service's OpenAPI document without starting it: the service's own entry run with OPENAPI_ONLY
// (bootstrapService builds the Nest app in preview mode, no database, Kafka or Temporal touched,
// writes the document and exits). The built `dist/main.js` when present, else the TypeScript entry
// through swc-node, as service processes are run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** `apps/<service>/dist/main.js` when built, else `apps/<service>/src/main.ts`. */
export function serviceEntry(service: string): string {
  const built = path.join(ROOT, 'apps', service, 'dist', 'main.js');
  return existsSync(built) ? built : path.join(ROOT, 'apps', service, 'src', 'main.ts');
}

/** The services this repository has an app for (infra/local/ports.json × apps/<name>/src/main.ts). */
export function servicesWithApps(): string[] {
  const ports = JSON.parse(readFileSync(path.join(ROOT, 'infra/local/ports.json'), 'utf8')) as { services: Record<string, number> };
  return Object.keys(ports.services).filter((name) => existsSync(path.join(ROOT, 'apps', name, 'src', 'main.ts')));
}

export async function generateOpenApiDocument(
  service: string,
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<Record<string, any>> {
  const dir = mkdtempSync(path.join(tmpdir(), `cwp-openapi-${service}-`));
  const file = path.join(dir, 'openapi.json');
  const entry = serviceEntry(service);
  const isTs = entry.endsWith('.ts');
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...(isTs ? { SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.paths.json') } : {}),
    NODE_ENV: 'e2e',
    ...env,
    OPENAPI_ONLY: file,
  };
  for (const [key, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[key];
  try {
    const child = spawn(process.execPath, isTs ? ['-r', '@swc-node/register', entry] : [entry], {
      cwd: ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(timer);
    if (code !== 0 || !existsSync(file)) throw new Error(`${service}: OPENAPI_ONLY run exited ${code}. Output:\n${output.slice(-5_000)}`);
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
