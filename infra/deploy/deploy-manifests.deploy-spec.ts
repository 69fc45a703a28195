// The cluster deployment (infra/helm/cwp) and the Compose stack (infra/compose) cannot run here (no
// Kubernetes, no Docker engine), so this tier proves what can be proved offline: the chart renders,
// every object is valid against the Kubernetes API schemas (strict), every app has its objects,
// required settings are refused when missing, and the Compose file is valid against the Compose
// specification. Tools and schemas come from package registries (infra/deploy/tools.sh).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CHART = path.join(ROOT, 'infra/helm/cwp');
const TEST_VALUES = path.join(CHART, 'ci/test-values.yaml');
const COMPOSE = path.join(ROOT, 'infra/compose/docker-compose.yml');
const VALIDATE = path.join(ROOT, 'infra/deploy/validate.py');
const KUBERNETES_VERSION = '1.33';

let tools: { HELM: string; PYTHON: string; COMPOSE_SCHEMA: string };
const work = mkdtempSync(path.join(os.tmpdir(), 'cwp-deploy-'));

interface ValidationReport {
  checked: number;
  errors: Array<{ document: string; error: string }>;
}

function helm(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tools.HELM, args, {
    encoding: 'utf8',
    env: { ...process.env, HELM_CACHE_HOME: work, HELM_CONFIG_HOME: work, HELM_DATA_HOME: work },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function render(...extra: string[]): string {
  const result = helm('template', 'cwp', CHART, '--namespace', 'cwp', '-f', TEST_VALUES, ...extra);
  if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return result.stdout;
}

function validate(mode: 'k8s' | 'compose', arg: string, yamlText: string): ValidationReport {
  const file = path.join(work, `${mode}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yamlText);
  const result = spawnSync(tools.PYTHON, [VALIDATE, mode, arg, file], { encoding: 'utf8' });
  if (!result.stdout.trim()) throw new Error(`validator produced nothing: ${result.stderr}`);
  return JSON.parse(result.stdout) as ValidationReport;
}

/** kind/name of each rendered document (the chart's own, simple layout: `kind:` and `name:` lines). */
function objectsOf(manifest: string): string[] {
  return manifest
    .split(/^---$/m)
    .map((doc) => {
      const kind = /^kind: (\S+)$/m.exec(doc)?.[1];
      const name = /^metadata:\n(?:\s+.*\n)*?\s{2}name: (\S+)$/m.exec(doc)?.[1];
      return kind && name ? `${kind}/${name}` : undefined;
    })
    .filter((x): x is string => x !== undefined);
}

const apps = readdirSync(path.join(ROOT, 'apps')).filter((dir) => existsSync(path.join(ROOT, 'apps', dir, 'package.json')));
const ports = (JSON.parse(readFileSync(path.join(ROOT, 'infra/local/ports.json'), 'utf8')) as { services: Record<string, number> })
  .services;

beforeAll(() => {
  const out = execFileSync('bash', [path.join(ROOT, 'infra/deploy/tools.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  tools = Object.fromEntries(
    out
      .trim()
      .split(/\s+/)
      .map((kv) => kv.split('=') as [string, string]),
  ) as typeof tools;
}, 900_000);

describe('Helm chart infra/helm/cwp', () => {
  it('passes helm lint with the test values', () => {
    const result = helm('lint', CHART, '-f', TEST_VALUES);
    expect(result.stderr + result.stdout).not.toMatch(/\[ERROR\]/);
    expect(result.status).toBe(0);
  });

  it(`renders objects that are all valid against the Kubernetes ${KUBERNETES_VERSION} API schemas (strict)`, () => {
    const report = validate('k8s', KUBERNETES_VERSION, render());
    console.log(
      `deploy: ${report.checked} rendered objects validated against Kubernetes ${KUBERNETES_VERSION}, ${report.errors.length} errors`,
      report.errors,
    );
    expect(report.errors).toEqual([]);
    expect(report.checked).toBeGreaterThanOrEqual(apps.length * 5);
  });

  it('gives every app an API Deployment, a Service, an autoscaler, a budget and a migration Job, and a worker set where it runs workflows', () => {
    const objects = objectsOf(render());
    for (const app of apps) {
      const expected = [
        `Deployment/cwp-${app}-api`,
        `Service/cwp-${app}`,
        `HorizontalPodAutoscaler/cwp-${app}-api`,
        `PodDisruptionBudget/cwp-${app}-api`,
        `Job/cwp-${app}-migrate-1`,
      ];
      if (existsSync(path.join(ROOT, 'workflows', app, 'package.json'))) {
        expected.push(`Deployment/cwp-${app}-worker`, `HorizontalPodAutoscaler/cwp-${app}-worker`, `PodDisruptionBudget/cwp-${app}-worker`);
      } else {
        expect(objects).not.toContain(`Deployment/cwp-${app}-worker`);
      }
      expect(objects).toEqual(expect.arrayContaining(expected));
    }
  });

  it('runs the Temporal worker only in the worker Deployment, migrations only in the Job, probes on /health and /ready', () => {
    const manifest = render();
    const docs = manifest.split(/^---$/m);
    const apiDoc = docs.find((d) => d.includes('name: cwp-workforce-api') && d.includes('kind: Deployment'));
    const workerDoc = docs.find((d) => d.includes('name: cwp-workforce-worker') && d.includes('kind: Deployment'));
    const jobDoc = docs.find((d) => d.includes('kind: Job') && d.includes('cwp-workforce-migrate'));
    expect(apiDoc).toMatch(/name: WORKFORCE_RUN_WORKER\n\s+value: "false"/);
    expect(workerDoc).toMatch(/name: WORKFORCE_RUN_WORKER\n\s+value: "true"/);
    expect(jobDoc).toMatch(/name: MIGRATE_ONLY\n\s+value: "true"/);
    expect(jobDoc).toMatch(/helm.sh\/hook: pre-install,pre-upgrade/);
    expect(apiDoc).toMatch(/readinessProbe:\n\s+httpGet: \{ path: \/ready/);
    expect(apiDoc).toMatch(/livenessProbe:\n\s+httpGet: \{ path: \/health/);
    expect(manifest).toMatch(/DATABASE_MIGRATE_ON_START: "false"/);
  });

  it('gives every Deployment a V8 heap budget below its container memory limit (NODE_OPTIONS, heapMb)', () => {
    const deployments = render()
      .split(/^---$/m)
      .filter((d) => /^kind: Deployment$/m.test(d));
    expect(deployments.length).toBeGreaterThan(6);
    for (const doc of deployments) {
      const heap = /name: NODE_OPTIONS\n\s+value: "--max-old-space-size=(\d+)"/.exec(doc);
      const limit = /limits:\n\s+memory: (\d+)(Mi|Gi)/.exec(doc);
      expect(heap).not.toBeNull();
      expect(limit).not.toBeNull();
      const limitMb = Number(limit![1]) * (limit![2] === 'Gi' ? 1024 : 1);
      expect(Number(heap![1])).toBeLessThanOrEqual(limitMb * 0.75);
    }
    const smaller = render('--set', 'serviceDefaults.worker.heapMb=300');
    expect(smaller).toMatch(/name: cwp-workforce-worker[\s\S]*?--max-old-space-size=300/);
  });

  it('scales workers on the task-queue backlog by default, on CPU when asked', () => {
    const backlog = render();
    expect(backlog).toMatch(/name: temporal_approximate_backlog_count[\s\S]*?task_queue: "workforce"/);
    const cpu = render('--set', 'serviceDefaults.worker.autoscaling.mode=cpu');
    expect(cpu).not.toMatch(/temporal_approximate_backlog_count/);
    expect(validate('k8s', KUBERNETES_VERSION, cpu).errors).toEqual([]);
  });

  it('refuses to render without the PII key or an OIDC issuer, naming the value', () => {
    const noKey = helm('template', 'cwp', CHART, '--set', 'secretValues.DATABASE_URL=postgres://x/y');
    expect(noKey.status).not.toBe(0);
    expect(noKey.stderr).toMatch(/secretValues.PII_ENCRYPTION_KEY \(or existingSecret\) is required/);
    const noIssuer = helm('template', 'cwp', CHART, '-f', TEST_VALUES, '--set', 'auth.jwksUrl=');
    expect(noIssuer.status).not.toBe(0);
    expect(noIssuer.stderr).toMatch(/auth.jwksUrl is required/);
  });

  it('uses an existing secret instead of creating one when told to', () => {
    const objects = objectsOf(render('--set', 'existingSecret=cwp-from-vault'));
    expect(objects.filter((o) => o.startsWith('Secret/'))).toEqual([]);
  });

  it('lists every app in values.yaml with its port from infra/local/ports.json', () => {
    const values = readFileSync(path.join(CHART, 'values.yaml'), 'utf8');
    for (const app of apps) expect(values).toMatch(new RegExp(`\\n  ${app}:\\n    port: ${ports[app]}\\n`));
  });

  it('the validator is real: a Deployment with a wrong field type and an unknown field is refused', () => {
    const broken = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: broken }',
      'spec:',
      '  replicas: "two"',
      '  selector: { matchLabels: { a: b } }',
      '  templat: {}',
      '',
    ].join('\n');
    const report = validate('k8s', KUBERNETES_VERSION, broken);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(report.errors)).toMatch(/replicas|templat/);
  });
});

describe('Compose stack infra/compose/docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    const report = validate('compose', tools.COMPOSE_SCHEMA, readFileSync(COMPOSE, 'utf8'));
    expect(report.errors).toEqual([]);
  });

  it('builds exactly the apps that exist, each on its port, and no deprecated auto-setup image', () => {
    const compose = readFileSync(COMPOSE, 'utf8');
    const built = [...compose.matchAll(/args: \{ SERVICE: ([a-z-]+) \}/g)].map((m) => m[1]).sort();
    expect(built).toEqual([...apps].sort());
    for (const app of apps) expect(compose).toContain(`PORT: ${ports[app]}`);
    expect(compose).not.toMatch(/temporalio\/auto-setup/);
  });

  it('requires PII_ENCRYPTION_KEY (production mode) and gives the non-root user a writable state folder', () => {
    const compose = readFileSync(COMPOSE, 'utf8');
    expect(compose).toMatch(/PII_ENCRYPTION_KEY: \$\{PII_ENCRYPTION_KEY:\?/);
    expect(compose).toMatch(/CWP_STATE_DIR: \/var\/lib\/cwp/);
    expect(readFileSync(path.join(ROOT, 'infra/compose/Dockerfile'), 'utf8')).toMatch(/chown node:node \/var\/lib\/cwp/);
  });

  it('the validator is real: an unknown service key is refused', () => {
    const report = validate('compose', tools.COMPOSE_SCHEMA, 'services:\n  web:\n    image: x\n    restart_polcy: always\n');
    expect(report.errors.length).toBeGreaterThan(0);
  });
});
