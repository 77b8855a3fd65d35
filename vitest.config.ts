import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Most server test time is waiting on a database, a child process or a socket, so
          // three files at once on two cores finish far sooner than the default one.
          maxWorkers: 3,
          // Each file still gets its own database and app; sharing the loaded modules in a
          // worker saves loading the whole app again per file (most of the CPU time in CI).
          isolate: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
