// The dependency directions of ARCHITECTURE.md, checked on every test run.

// Feature folders that still reach into another feature's internals (issue 7: the app helpers
// move them behind <feature>/index.ts; the lead empties this list after merging).
const FEATURES_NOT_YET_CONFORMING = [
  // One feature spread over entries/, workflow/, worker/ and events/ until EntriesModule.
  '^apps/talent-pool/src/(entries|workflow|worker|events)/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'policy-is-pure',
      comment: 'libs/policy is pure rules: it imports nothing but itself.',
      severity: 'error',
      from: { path: '^libs/policy/', pathNot: '\\.(spec|int-spec|wf-spec|bench)\\.ts$' },
      to: { pathNot: '^libs/policy/' },
    },
    {
      name: 'contracts-are-leaf',
      comment: 'libs/contracts holds types and schemas only; it may use libs/policy types, nothing else of ours.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { path: '^(apps|workflows|libs/platform)/' },
    },
    {
      name: 'libs-never-import-apps-or-workflows',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|workflows)/' },
    },
    {
      name: 'workflows-only-contracts-and-policy',
      comment: 'Workflow code is deterministic: @temporalio/workflow, libs/contracts and libs/policy only.',
      severity: 'error',
      from: { path: '^workflows/', pathNot: '\\.(spec|int-spec|wf-spec|bench)\\.ts$' },
      to: {
        pathNot: ['^workflows/', '^libs/(contracts|policy)/', 'node_modules/@temporalio/(workflow|common)/'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-app-imports-another-app',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'apps-use-only-their-own-workflows',
      comment: "An app may reference its own workflow package (for the worker bundle), never another service's.",
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^workflows/', pathNot: '^workflows/$1/' },
    },
    {
      name: 'no-relative-import-leaves-its-package',
      comment:
        'A package is entered through its name (@cwp/…), never by a ../ path that climbs out of it: the name is its public surface, the path would bypass it (docs/service-shape.md "Boundaries").',
      severity: 'error',
      from: { path: '^(libs|apps|workflows|test)/([^/]+)/' },
      to: { dependencyTypes: ['local'], dependencyTypesNot: ['aliased'], pathNot: '^$1/$2/' },
    },
    {
      name: 'apps-export-no-seed-or-bench-code',
      comment:
        'An app is not a library: its index exports no seed generators, prngs or bench helpers (they live in libs/synthetic; what benches need of its schema is its testing entry point, src/testing/index.ts).',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/index\\.ts$' },
      to: { path: ['^apps/[^/]+/src/seed/', '\\.bench\\.ts$', '^apps/[^/]+/src/bench', '^apps/[^/]+/src/testing/'] },
    },
    {
      name: 'seeds-and-benches-import-no-app',
      comment:
        "Seeds and benches take generators from libs/synthetic and talk to services over HTTP/Kafka, never import an app; a bench that needs a service's own schema (migrations, its report query) enters through the app's testing entry point (@cwp/<app>/testing = apps/<app>/src/testing/index.ts).",
      severity: 'error',
      from: { path: '^(seeds|test/bench)/' },
      to: { path: '^apps/', pathNot: '^apps/[^/]+/src/testing/index\\.ts$' },
    },
    {
      name: 'features-import-each-other-through-index',
      comment:
        'A feature folder (apps/<app>/src/<feature>/) is entered only through its public file <feature>/index.ts: its module and what it exports. Internals stay free to change.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/src/([^/]+)/', pathNot: FEATURES_NOT_YET_CONFORMING },
      to: { path: '^apps/$1/src/[^/]+/', pathNot: ['^apps/$1/src/$2/', '^apps/$1/src/[^/]+/index\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.state)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    tsConfig: { fileName: 'tsconfig.paths.json' },
  },
};
