// One jest setup, four tiers. Unit specs sit beside the code and need no server; integration
// specs (*.int-spec.ts) use the real PostgreSQL and Kafka; workflow specs (*.wf-spec.ts) run on
// Temporal's time-skipping test server; end-to-end and reliability specs drive the running services.
const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;
const workspaces = require('./package.json').workspaces;

// Map each workspace package to its TypeScript sources so tests never need a prior build.
const moduleNameMapper = {};
for (const ws of workspaces) {
  const pkgFile = path.join(root, ws, 'package.json');
  if (!fs.existsSync(pkgFile)) continue;
  const { name } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (fs.existsSync(path.join(root, ws, 'src/index.ts'))) {
    moduleNameMapper[`^${name.replace('/', '\\/')}$`] = `<rootDir>/${ws}/src/index.ts`;
  }
}

// Nest 12, jose and a few of their dependencies are ESM-only: swc compiles them to CommonJS
// (content-disposition 3 is @fastify/static's, which serves the OpenAPI UI, nested under it).
const esmPackages = [
  '@nestjs',
  'uid',
  'jose',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  '@tokenizer',
  'load-esm',
  '@fastify/static',
  'content-disposition',
];

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  rootDir: root,
  testEnvironment: 'node',
  moduleNameMapper,
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.state/'],
};

// testTimeout is a global option: on a project entry jest ignores it. 120 s covers the slowest
// e2e step (a service process starting on a loaded 2-core machine); unit tests finish in ms anyway.
module.exports = {
  testTimeout: 120_000,
  // Default order, but the reliability tier's personal-data scan last (it reads what the others wrote).
  testSequencer: '<rootDir>/test/reliability/support/sequencer.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,workflows,infra}/**/*.spec.ts', '<rootDir>/seeds/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      setupFiles: ['<rootDir>/test/support/load-stack-env.js'],
      testMatch: ['<rootDir>/{libs,apps,workflows,seeds}/**/*.int-spec.ts'],
    },
    {
      ...base,
      displayName: 'workflow',
      setupFiles: ['<rootDir>/test/support/load-stack-env.js'],
      testMatch: ['<rootDir>/{libs,apps,workflows,test}/**/*.wf-spec.ts'],
    },
    // Deployment files rendered and validated offline against the Kubernetes and Compose schemas (infra/deploy).
    { ...base, displayName: 'deploy', testMatch: ['<rootDir>/infra/**/*.deploy-spec.ts'] },
    {
      ...base,
      displayName: 'e2e',
      setupFiles: ['<rootDir>/test/support/load-stack-env.js'],
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
    // Faults, abuse, races, scope and personal data against the running services (test/reliability/README.md).
    {
      ...base,
      displayName: 'reliability',
      setupFiles: ['<rootDir>/test/support/load-stack-env.js'],
      testMatch: ['<rootDir>/test/reliability/**/*.rel-spec.ts'],
    },
  ],
};
