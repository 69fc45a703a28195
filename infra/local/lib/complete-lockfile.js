#!/usr/bin/env node
// Completes package-lock.json with the other platforms' optional native packages (swc, unrs, ...).
//
// Why: the npm registry reachable from this workplace serves only some platforms' binaries of
// packages like @swc/core; `npm install` then writes a lock whose packages name optional
// dependencies (`@swc/core-darwin-arm64`, ...) that have no entry of their own, and `npm ci`
// refuses such a lock as "out of sync". An entry with the right `os`/`cpu` is skipped by npm on
// every other platform without being fetched, so adding those entries makes `npm ci` work here and
// leaves other machines to fetch their own binary by name and version, as usual.
//
// Run after `npm install` changes the lock: `node infra/local/lib/complete-lockfile.js`.
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.resolve(__dirname, '../../../package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

// Reads os/cpu/libc from a platform package name such as `core-linux-arm-gnueabihf` or
// `resolver-binding-win32-x64-msvc`; returns null when the name does not say.
function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('windows') ? 'win32' : undefined);
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return null;
  const libc =
    parts.includes('musl') || parts.includes('musleabihf')
      ? 'musl'
      : parts.includes('gnu') || parts.includes('gnueabihf')
        ? 'glibc'
        : undefined;
  return { os: [os], cpu: [cpu], ...(os === 'linux' && libc ? { libc: [libc] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location.slice(0, location.lastIndexOf('node_modules/') >= 0 ? location.lastIndexOf('node_modules/') : 0);
    const candidates = [`${location}/node_modules/${dep}`, `${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = platformOf(dep);
    if (!platform) continue; // not a platform binary: leave it to npm
    packages[`node_modules/${dep}`] = { version, optional: true, ...platform };
    added += 1;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} foreign-platform optional entries`);
