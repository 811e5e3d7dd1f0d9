/**
 * The product as a prospect first sees it: a fresh profile loads the demonstration workspace from the
 * first-run panel, then every screen is visited with data, in French and in English — a screenshot of each
 * (test-results/screenshots/demo-<lang>-<page>.png, looked at by a person) and an axe check of each.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { seriousA11yViolations } from './pages/axe';
import { saveScreenshot } from './pages/app-shell';
import { SCREENS } from './pages/screens';

const DIR = 'test-results/screenshots';

for (const lang of ['fr', 'en'] as const) {
  test(`every screen with demonstration data, ${lang === 'fr' ? 'in French' : 'in English'}`, async ({
    app,
    page,
  }) => {
    test.setTimeout(180_000);
    mkdirSync(DIR, { recursive: true });
    await app.open();
    await page.getByRole('button', { name: /Essayer avec des données de démonstration/ }).click();
    await expect(page.getByText(/Données de démonstration chargées/).first()).toBeVisible({
      timeout: 90_000,
    });
    if (lang === 'en') {
      await app.switchLanguage('EN');
      await expect(app.heading()).toHaveText('Dashboard');
    }
    for (const screen of SCREENS) {
      const [title] = screen[lang];
      await app.goTo(title);
      await expect(app.heading()).toHaveText(title);
      // Let live queries and charts settle before the picture: no loader left on screen.
      await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
      await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 30_000 });
      // The simulator fills itself from the ledger on opening: the demo has sales, so the note must show.
      if (screen.id === 'premium') await expect(page.getByTestId('prefill-note')).toBeVisible();
      await saveScreenshot(page, `${DIR}/demo-${lang}-${screen.id}.png`);
      // Soft: one screen's violation must not hide the screenshots and violations of the next ones.
      expect
        .soft(await seriousA11yViolations(page), `serious accessibility violations on ${screen.id} (${lang})`)
        .toEqual([]);
    }
    // One buyer page, reached as a user would: from the Clients list.
    await app.goTo(lang === 'fr' ? 'Clients' : 'Buyers');
    await page.getByRole('row').nth(1).click();
    await expect(page).toHaveURL(/#\/buyers\/.+/);
    await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 30_000 });
    await saveScreenshot(page, `${DIR}/demo-${lang}-buyer.png`);
    expect
      .soft(await seriousA11yViolations(page), `serious accessibility violations on the buyer page (${lang})`)
      .toEqual([]);
  });
}
