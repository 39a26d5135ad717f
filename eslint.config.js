import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', '.temporal/', 'prisma/generated/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
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
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Workflows are deterministic: no Node built-ins.' },
            { group: ['**/prisma/generated/*', '@prisma/*'], message: 'Workflows never touch the database.' },
            { group: ['nodemailer'], message: 'Mail is sent from activities.' },
            {
              group: ['../activities/*', '../server/*'],
              allowTypeImports: true,
              message: 'Import activity types only.',
            },
          ],
          paths: ['crypto', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Workflows read no environment.' }],
    },
  },
);
