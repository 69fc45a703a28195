// Lint rules that guard correctness, not taste: no floating promises anywhere, and workflow code
// stays deterministic (no Node built-ins, Nest, TypeORM or kafkajs inside workflows/).
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.state/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: { allowDefaultProject: ['*.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // CLIs, benchmarks and seed loaders print their results.
    files: ['**/*.cli.ts', '**/*.bench.ts', 'test/**/*.ts', 'seeds/**/*.ts', 'infra/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests of workflows run in Node (the worker and test server), not in the workflow sandbox.
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.wf-spec.ts', '**/*.bench.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...builtinModules], message: 'Workflow code must be deterministic: no Node built-ins.' },
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'kafkajs', 'pg', '@cwp/platform', '@temporalio/worker', '@temporalio/client'],
              message: 'Workflow code may import only @temporalio/workflow, @cwp/contracts, @cwp/policy and activity types.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
