/**
 * Finds a Chromium for the end-to-end tests, in this order: $CHROMIUM_PATH, the system's Chromium, then
 * Playwright's own build (installed on the fly where the network allows it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Flags that keep Chromium quiet and deterministic offline (toolchain.md). */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points to a missing file: ${fromEnv}`);
    return fromEnv;
  }
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system !== undefined) return system;
  const bundled = chromium.executablePath();
  if (existsSync(bundled)) return bundled;
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  } catch {
    throw new Error(
      'No Chromium found: set CHROMIUM_PATH, install the system package (apt-get install chromium), or let ' +
        '`npx playwright install chromium` download one (needs network access).',
    );
  }
  return chromium.executablePath();
}
