// electron-builder.yml, read with electron-builder's own loader, says what architecture §4 and
// electron/main/fuses.ts say: the six fuses, the three platform targets, and only the built app in files.
import { fileURLToPath } from 'node:url';
import { loadConfig } from 'app-builder-lib/out/util/config/load';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { ELECTRON_FUSES } from './fuses';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function builderConfig(): Promise<Configuration> {
  const loaded = await loadConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir: repoRoot,
    packageMetadata: null,
  });
  if (loaded === null) throw new Error('electron-builder.yml not found');
  expect(loaded.configFile).toMatch(/electron-builder\.yml$/);
  return loaded.result;
}

describe('electron-builder.yml', () => {
  it('flips exactly the fuses of electron/main/fuses.ts', async () => {
    const config = await builderConfig();
    expect(config.electronFuses).toEqual(ELECTRON_FUSES);
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['onlyLoadAppFromAsar', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['enableCookieEncryption', true],
  ] as const)('fuse %s is %s (architecture §4)', (fuse, expected) => {
    expect(ELECTRON_FUSES[fuse]).toBe(expected);
  });

  it('targets NSIS on Windows, a DMG on macOS, AppImage and deb on Linux', async () => {
    const config = await builderConfig();
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toBe('dmg');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac).toMatchObject({ category: 'public.app-category.finance', hardenedRuntime: true });
    expect(config.linux?.category).toBe('Office;Finance');
  });

  it('identifies the app and packs only the build output, in an asar', async () => {
    const config = await builderConfig();
    expect(config).toMatchObject({ appId: 'app.encours.desktop', productName: 'Encours', asar: true });
    expect(config.directories?.output).toBe('release');
    const files = config.files;
    if (!Array.isArray(files)) throw new Error('files must be a list');
    const included = files.filter((f): f is string => typeof f === 'string' && !f.startsWith('!'));
    expect(included.sort()).toEqual(['out/**', 'package.json']);
  });
});
