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
    // Several suites compile the whole dataset (≈ 60,000 records) once before their tests.
    hookTimeout: 180_000,
  },
});
