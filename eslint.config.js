import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.temporal/', 'prisma/generated/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Workflow code is replayed deterministically inside Temporal's sandbox: no I/O, no clocks, no env.
    // It imports itself and the two Temporal workflow packages; activities only as types, to proxy them.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflows are deterministic: no Node built-ins.' })),
          patterns: [
            {
              regex: '^(?!@temporalio/(workflow|common)$)(?!\\.{1,2}/)',
              message: 'Workflows import only themselves, @temporalio/workflow and @temporalio/common.',
            },
            {
              group: ['../activities/*', '../../activities/*'],
              allowTypeImports: true,
              message: 'Import activity types only.',
            },
            {
              regex: '^(\\.\\./)+(server|prisma|tools|test)/',
              message: 'Workflows never import the server, the database or the tooling.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Workflows read no environment.' }],
    },
  },
  {
    // Use cases know nothing of HTTP or pages: they take parsed values and throw coded errors.
    files: ['server/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '/(http|web)/', message: 'The domain imports neither server/http nor server/web.' },
            { group: ['express'], message: 'The domain knows no HTTP.' },
          ],
        },
      ],
    },
  },
  {
    // Handlers and pages take data from the domain's use cases and the infra modules: never a query of their own.
    files: ['server/http/**/*.ts', 'server/web/**/*.ts', 'server/web/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.type="Identifier"][object.name=/^(prisma|tx)$/]',
          message: 'HTTP and pages never query the database: call a use case in server/domain (or server/infra).',
        },
      ],
    },
  },
);
