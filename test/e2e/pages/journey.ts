/** The journey shared by the browser-mode and the Electron specs: open every screen in one language. */
import { mkdirSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { AppShellPage } from './app-shell';
import { SCREENS, type Lang } from './screens';
import { saveScreenshot } from './app-shell';
import { expectNoSeriousA11yViolations } from './axe';

export async function visitEveryScreen(app: AppShellPage, lang: Lang, screenshotDir: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  if (lang === 'en') {
    await app.switchLanguage('EN');
    await expect(app.heading()).toHaveText('Dashboard');
  }
  await expect(app.page.locator('html')).toHaveAttribute('lang', lang);
  for (const screen of SCREENS) {
    const [title, emptyTitle] = screen[lang];
    await app.goTo(title);
    await expect(app.heading()).toHaveText(title);
    if (emptyTitle !== null) {
      await expect(app.page.getByRole('heading', { level: 2, name: emptyTitle })).toBeVisible();
    }
    await saveScreenshot(app.page, `${screenshotDir}/${lang}-${screen.id}.png`);
    await expectNoSeriousA11yViolations(app.page, `${screen.id} (${lang})`);
  }
}
