// Cost of the per-request access work: token verification, log redaction, org tree load.
//   npm run bench -- libs/platform/src/auth/access.bench.ts
// 500 verifications of each kind by default, 5,000 when `npm run bench -- --size city` runs it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRepoRoot } from '../config/repo-paths';
import { redact } from '../logging/redact';
import { benchSize, printBenchRow } from '../testing/bench-row';
import { syntheticNationalId } from '../testing/national-id';
import { OrgUnitDirectory } from '../org-units/org-unit-directory';
import { mintLocalToken } from './mint-token';
import { TokenVerifier } from './token-verifier';

async function timeIt(label: string, n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(200, n); i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`${label}: ${n} in ${ms.toFixed(0)} ms = ${((n / ms) * 1000).toFixed(0)}/s, ${((ms * 1000) / n).toFixed(1)} µs each`);
  return Number(((ms * 1000) / n).toFixed(1));
}

async function main(): Promise<void> {
  const verifications = benchSize() === 'city' ? 5_000 : 500;
  const t0 = process.hrtime.bigint();
  const directory = OrgUnitDirectory.fromFile(fromRepoRoot('seeds/org-tree/shanghai.json'));
  console.log(`org tree: ${directory.size} units loaded and validated in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms`);

  const dir = mkdtempSync(path.join(tmpdir(), 'cwp-bench-'));
  try {
    const settings = { issuer: 'cwp-local', audience: 'cwp', localKeyFile: path.join(dir, 'key.json'), clockToleranceSeconds: 30 };
    const street = directory.unitsWithin('31', 'street')[0].code;
    const token = await mintLocalToken({ role: 'street', unit: street }, settings, directory);
    const verifier = await TokenVerifier.create(settings, directory);
    // Distinct tokens: every one is a signature check (the first request of each client).
    const fresh = await Promise.all(
      Array.from({ length: verifications + 200 }, (_, i) =>
        mintLocalToken({ role: 'street', unit: street, sub: `u${i}` }, settings, directory),
      ),
    );
    let next = 0;
    const checked = await timeIt('verify Ed25519 token, first time (signature checked)', verifications, () =>
      verifier.verify(fresh[next++]!),
    );
    const remembered = await timeIt('verify the same token again (remembered until its exp)', verifications, () => verifier.verify(token));
    printBenchRow({
      measure: 'bearer token verification per request: a known token (remembered until exp) vs a jose signature check',
      unit: 'µs',
      platform: remembered,
      baseline: checked,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const logObject = {
    msg: 'entry created',
    entryId: 'b9c1…',
    unit: '310101002001',
    candidate: { phone: '13812345678', note: `id ${syntheticNationalId()}` },
    tags: ['a', 'b'],
  };
  await timeIt('redact a typical log object', 100_000, () => redact(logObject));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
