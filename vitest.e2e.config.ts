import { defineConfig } from 'vitest/config';

// Real Chromium, one browser at a time (2-core machines): no file parallelism.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/support/global-setup.ts'],
  },
});
