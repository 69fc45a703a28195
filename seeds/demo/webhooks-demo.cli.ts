/**
 * `npm run up` runs this after the apps answer /ready: the demo city's webhook subscription
 * (webhooks-demo.ts), made through the webhooks API with a city token (subject DEMO_MARK, an
 * Idempotency-Key). Its secret, shown once, goes to .state/demo/webhook-sink.json for the sink:
 *
 *   npm run -s ts -- seeds/demo/webhook-sink.cli.ts     # prints each delivery, signature checked
 *
 * WEBHOOKS_URL defaults to the webhooks port in infra/local/ports.json plus CWP_PORT_OFFSET.
 * Idempotent: a subscription of that name is left as it is.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { validateConfigOrExit } from '@cwp/platform';
import { demoServiceUrl, mintDemoToken } from './demo-service';
import { DEMO_SINK_PORT_OFFSET, DEMO_WEBHOOK_NAME, demoSinkFile, demoSubscription } from './webhooks-demo';

async function main(): Promise<void> {
  const platform = validateConfigOrExit({ serviceName: 'demo-city' });
  const base = demoServiceUrl('webhooks');
  const sinkPort = Number(new URL(base).port) + DEMO_SINK_PORT_OFFSET;
  const token = await mintDemoToken(platform);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const existing = (await (await fetch(`${base}/api/webhooks/subscriptions`, { headers })).json()) as
    { items?: Array<{ id: string; name: string }> } | Array<{ id: string; name: string }>;
  const list = Array.isArray(existing) ? existing : (existing.items ?? []);
  const found = list.find((s) => s.name === DEMO_WEBHOOK_NAME);
  if (found) {
    console.log(`demo city: webhook subscription ${found.id} exists (sink: npm run -s ts -- seeds/demo/webhook-sink.cli.ts)`);
    return;
  }
  const made = await fetch(`${base}/api/webhooks/subscriptions`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': 'demo-city-webhook-subscription' },
    body: JSON.stringify(demoSubscription(sinkPort)),
  });
  if (made.status !== 201) throw new Error(`the demo subscription answered ${made.status}: ${await made.text()}`);
  const subscription = (await made.json()) as { id: string; secret: string };
  const file = demoSinkFile(platform.stateDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ subscriptionId: subscription.id, secret: subscription.secret, port: sinkPort }, null, 2)}\n`, {
    mode: 0o600,
  });
  console.log(
    `demo city: webhook subscription ${subscription.id} → http://127.0.0.1:${sinkPort}/hooks/cwp (start the sink: npm run -s ts -- seeds/demo/webhook-sink.cli.ts; ` +
      `deliveries: GET ${base}/api/webhooks/subscriptions/${subscription.id}/deliveries)`,
  );
}

main().catch((error: unknown) => {
  console.error('demo webhooks failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
