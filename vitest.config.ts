import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    // In CI each run also leaves a JSON report, which .ci/run sums into one closing line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: `test-results/vitest-${process.pid}.json` }]]
      : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'int',
          environment: 'node',
          include: ['tests/int/**/*.int.spec.ts'],
          globalSetup: ['tests/helpers/globalSetup.int.ts'],
          setupFiles: ['tests/helpers/setupEnv.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.spec.ts'],
          globalSetup: ['tests/helpers/globalSetup.e2e.ts'],
          // One browser against one server: files run one after another.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
