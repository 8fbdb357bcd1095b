import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Several suites compile the whole dataset (≈ 60,000 records) once before their tests.
    hookTimeout: 180_000,
  },
});
