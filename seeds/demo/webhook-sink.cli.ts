/**
 * The demo HR system's receiver (webhooks-demo.ts): listens where the demo subscription points,
 * checks each delivery's `cwp-signature` (HMAC-SHA256 over "<t>.<body>" with the subscription's
 * secret, at most five minutes old; apps/webhooks/README.md), prints one line per delivery and
 * answers 204. Stop it with Ctrl-C; deliveries made meanwhile are retried, then dead-lettered.
 *
 *   npm run -s ts -- seeds/demo/webhook-sink.cli.ts
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { validateConfigOrExit } from '@cwp/platform';
import { demoSinkFile } from './webhooks-demo';

const MAX_AGE_S = 300;

function signed(header: string | undefined, body: Buffer, secret: string): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > MAX_AGE_S || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.`).update(body).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const platform = validateConfigOrExit({ serviceName: 'demo-city' });
const { secret, port, subscriptionId } = JSON.parse(readFileSync(demoSinkFile(platform.stateDir), 'utf8')) as {
  secret: string;
  port: number;
  subscriptionId: string;
};
createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const ok = signed(req.headers['cwp-signature'] as string | undefined, body, secret);
    const event = JSON.parse(body.toString('utf8') || '{}') as { type?: string; subject?: string };
    console.log(
      `${new Date().toISOString()} ${ok ? 'signed ✓' : 'SIGNATURE ✗'} ${event.type} ${event.subject} attempt ${req.headers['cwp-attempt']}`,
    );
    res.writeHead(ok ? 204 : 401).end();
  });
}).listen(port, '127.0.0.1', () => console.log(`demo HR sink for subscription ${subscriptionId} on http://127.0.0.1:${port}/hooks/cwp`));
