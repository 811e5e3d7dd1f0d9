/**
 * Shared e2e fixtures: a fixed clock, and a console watcher that fails the test on any console error or
 * uncaught page error. Each test already gets a fresh browser context (fresh profile, empty storage).
 */
import { test as base, expect } from '@playwright/test';
import { AppShellPage } from './pages/app-shell';

export const FIXED_NOW = new Date('2026-11-25T09:30:00+01:00');

export const test = base.extend<{ consoleErrors: string[]; app: AppShellPage }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await page.clock.setFixedTime(FIXED_NOW);
    await use(new AppShellPage(page));
  },
});

export { expect };
