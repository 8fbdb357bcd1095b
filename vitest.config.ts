import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Several suites compile the whole dataset once (20 s and more on a loaded 2-core machine).
    hookTimeout: 120_000,
  },
});
