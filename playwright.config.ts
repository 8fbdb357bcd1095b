import { defineConfig } from '@playwright/test';

// End-to-end tests of the built extension (`npm run build` first; `npm test` does both).
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
