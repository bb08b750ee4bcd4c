import { defineConfig } from 'vitest/config';

// Real Firefox ESR (puppeteer-core over WebDriver BiDi), one browser per file, one file
// at a time (2-core machines). Builds firefox-mv3 first unless SENTINEL_BUILT=1.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    globalSetup: ['tests/firefox/support/global-setup.ts'],
  },
});
