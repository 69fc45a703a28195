// The dependency directions of ARCHITECTURE.md, checked on every test run.
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
      comment: 'An app may reference its own workflow package (for the worker bundle), never another service\'s.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^workflows/', pathNot: '^workflows/$1/' },
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
