import { defineConfig } from 'vitest/config';

// Three projects: pure core (fast), HTTP integration against a real database (PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set), and browser journeys in Chromium.
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      { test: { name: 'unit', include: ['src/core/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration', include: ['src/server/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node', globalSetup: ['./test/global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000,
          env: { NODE_ENV: 'test' }, pool: 'forks', maxWorkers: 2, sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000,
          env: { NODE_ENV: 'test' }, pool: 'forks', maxWorkers: 1, fileParallelism: false, sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
