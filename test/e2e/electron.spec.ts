/**
 * The same journey against the real desktop app through Playwright's `_electron` launcher. It runs wherever
 * the Electron binary is installed, and is reported skipped, with the reason, where it is not (Electron ≥ 42
 * downloads its binary on first use, which fails on offline machines).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { AppShellPage } from './pages/app-shell';
import { visitEveryScreen } from './pages/journey';

function electronBinary(): string | null {
  const fromEnv = process.env.ELECTRON_PATH;
  if (fromEnv !== undefined && existsSync(fromEnv)) return fromEnv;
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const built = existsSync(join('out', 'main', 'index.js'));

test.skip(
  binary === null,
  'Electron binary not installed here (node_modules/electron/dist is missing; set ELECTRON_PATH)',
);
test.skip(!built, 'Desktop build missing: run `npm run build` first');

for (const lang of ['fr', 'en'] as const) {
  test(`desktop app: every page in ${lang === 'fr' ? 'French' : 'English'}`, async () => {
    const userData = mkdtempSync(join(tmpdir(), 'encours-e2e-'));
    const app = await electron.launch({
      executablePath: binary ?? undefined,
      args: ['.', `--user-data-dir=${userData}`],
      env: { ...process.env, ENCOURS_E2E: '1' },
    });
    try {
      const window = await app.firstWindow();
      const errors: string[] = [];
      window.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const shell = new AppShellPage(window);
      await expect(shell.heading()).toBeVisible();
      expect(window.url()).toMatch(/^app:\/\/encours\//);
      await visitEveryScreen(shell, lang, 'test-results/screenshots-electron');
      expect(errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
}
