import { defineConfig } from 'vitest/config';

// Integration tests start real servers (Temporal, database, SMTP): one file at a time, in forked processes.
export default defineConfig({
  test: {
    pool: 'forks',
    fileParallelism: false,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
