import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cachedRoot: string | undefined;

/**
 * The monorepo root: the nearest ancestor of this file (src or dist) whose package.json declares
 * workspaces. Relative defaults (org tree, state folder) resolve against it, not the cwd, so a
 * service started from any directory finds the same files.
 */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && 'workspaces' in (JSON.parse(readFileSync(pkg, 'utf8')) as object)) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) return (cachedRoot = process.cwd());
    dir = parent;
  }
}

/** `CWP_STATE_DIR`, or `<repo>/.state`: keys, stack addresses and local server data live there. */
export function stateDir(env: Record<string, string | undefined> = process.env): string {
  const configured = env.CWP_STATE_DIR?.trim();
  return configured ? path.resolve(repoRoot(), configured) : path.join(repoRoot(), '.state');
}

export function fromRepoRoot(p: string): string {
  return path.resolve(repoRoot(), p);
}
