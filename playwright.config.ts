import { defineConfig } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, findChromium } from './test/support/chromium';

const PORT = 4173;

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: process.env.CI === undefined ? undefined : 2,
  forbidOnly: process.env.CI !== undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1366, height: 860 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\.spec\.ts/,
      use: { launchOptions: { executablePath: findChromium(), args: QUIET_CHROMIUM_ARGS } },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: {
    // Browser mode, exactly as `npm run start:web` serves it (the build runs before the tests).
    command: `npx vite preview --config renderer/vite.config.ts --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: process.env.CI === undefined,
    timeout: 60_000,
  },
});
