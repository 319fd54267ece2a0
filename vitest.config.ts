import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-server/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'test/lint/**/*.test.ts', 'test/durability/**/*.test.ts', 'test/packaging/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'lab',
          include: ['test/lab/**/*.test.ts', 'test/responsiveness/**/*.test.ts'],
          // One PBX per file; files run one after another so the 2-core machine is not oversubscribed (and the
          // timing tests in test/responsiveness measure the app, not the other test files).
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
