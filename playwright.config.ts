import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in real browsers with the built extension (`npm run build` first). Each spec file
 * launches its browser once and its tests share it, so files run one after the other in one worker:
 * a Chromium with DevTools open costs about half a gigabyte and a core while it starts.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] === undefined ? 'list' : [['list'], ['html', { open: 'never' }]],
  // Each spec drives its own browser (Chromium over CDP, Firefox ESR over WebDriver BiDi); the
  // projects only name the two sets, so one browser's tests run alone: --project chromium|firefox.
  projects: [
    { name: 'chromium', testIgnore: 'firefox/**' },
    { name: 'firefox', testDir: 'e2e/firefox' },
  ],
});
