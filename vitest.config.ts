import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // WXT generates `#i18n` for the extension; unit tests get the same catalogues without a browser.
    alias: { '#i18n': join(import.meta.dirname, 'test', 'unit', 'support', 'i18n.ts') },
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Some suites load the compiled index (10 MB) in beforeAll: slow on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
