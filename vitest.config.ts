import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // setup-url-data: the Public Suffix List and confusables, which the extension fetches on first need.
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup-url-data.ts'],
    // Generous: speed is measured by benchmarks, never asserted by timeouts on a busy 2-core CI box.
    testTimeout: 60_000,
  },
});
