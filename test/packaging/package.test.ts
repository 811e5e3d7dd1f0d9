// Packages the real build with electron-builder for Linux x64 (dir target) against a stand-in Electron
// (no Electron binary can be downloaded here), then checks what would ship:
// - the fuse wire of the packaged executable, flipped by electron-builder through @electron/fuses. The
//   stand-in executable carries a real fuse wire (sentinel, version 1, length, one byte per fuse) set to the
//   OPPOSITE of every wanted value, so each assertion proves a flip happened;
// - the content of resources/app.asar: the built main, preload and renderer, package.json and electron-store,
//   and none of the sources, tests, the sync server or renderer libraries (Vite bundles those).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

/** The sentinel @electron/fuses searches for (node_modules/@electron/fuses/dist/constants.js). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
const ON = FuseState.ENABLE; // ASCII '1'
const OFF = FuseState.DISABLE; // ASCII '0'

/** What architecture §4 requires of the packaged binary. */
const WANTED: readonly (readonly [FuseV1Options, FuseState])[] = [
  [FuseV1Options.RunAsNode, OFF],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, OFF],
  [FuseV1Options.EnableNodeCliInspectArguments, OFF],
  [FuseV1Options.OnlyLoadAppFromAsar, ON],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, ON],
  [FuseV1Options.EnableCookieEncryption, ON],
];

/** A stand-in unpacked Electron for linux-x64: an executable holding a fuse wire, plus the side files. */
function createStandInElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.alloc(9, OFF);
  for (const [fuse, wanted] of WANTED) wire[fuse] = wanted === ON ? OFF : ON;
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron"\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([FUSE_WIRE_VERSION, wire.length]),
    wire,
    Buffer.alloc(64),
  ]);
  writeFileSync(path.join(dir, 'electron'), executable, { mode: 0o755 });
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
}

let work: string;
let appDir: string;
let asarEntries: string[];

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'encours-package-'));
  const electronDist = path.join(work, 'electron-dist');
  createStandInElectron(electronDist);
  execFileSync(bin('electron-vite'), ['build'], { cwd: repoRoot, stdio: 'pipe' });
  execFileSync(
    bin('electron-builder'),
    [
      '--linux',
      'dir',
      '--x64',
      `-c.electronDist=${electronDist}`,
      '-c.electronVersion=45.5.0',
      `-c.directories.output=${path.join(work, 'release')}`,
      '--publish',
      'never',
    ],
    { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CI: 'true' } },
  );
  appDir = path.join(work, 'release', 'linux-unpacked');
  asarEntries = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false });
}, 240_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the packaged Linux app', () => {
  it('has the product executable and an app.asar, and no loose app folder', () => {
    expect(existsSync(path.join(appDir, 'encours'))).toBe(true);
    expect(existsSync(path.join(appDir, 'resources', 'app.asar'))).toBe(true);
    expect(existsSync(path.join(appDir, 'resources', 'app'))).toBe(false);
  });

  it.each(WANTED.map(([fuse, state]) => [FuseV1Options[fuse], fuse, state] as const))(
    'fuse %s was flipped to the configured value',
    async (_name, fuse, state) => {
      const wire = await getCurrentFuseWire(path.join(appDir, 'encours'));
      expect(wire[fuse]).toBe(state);
    },
  );

  it.each([
    '/out/main/index.js',
    '/out/preload/index.cjs',
    '/out/renderer/index.html',
    '/package.json',
    '/node_modules/electron-store/package.json',
  ])('app.asar holds %s', (entry) => {
    expect(asarEntries).toContain(entry);
  });

  it.each([
    ['the sync server', /^\/server(\/|$)/],
    ['sources', /^\/(src|electron|shared|renderer|cli)(\/|$)/],
    ['TypeScript files', /\.tsx?$/],
    // Our own tests; a dependency's bundled spec files are its business.
    ['tests', /^\/(?!node_modules\/).*\.(test|spec)\.[cm]?[jt]sx?$|^\/test(\/|$)/],
    ['source maps', /^\/out\/.*\.map$/],
    ['fastify', /^\/node_modules\/fastify(\/|$)/],
    ['pg', /^\/node_modules\/pg(\/|$)/],
    ['better-sqlite3', /^\/node_modules\/better-sqlite3(\/|$)/],
    ['react (bundled by Vite)', /^\/node_modules\/react(-dom)?(\/|$)/],
    ['zod (bundled)', /^\/node_modules\/zod(\/|$)/],
    ['electron itself', /^\/node_modules\/electron(\/|$)/],
  ])('app.asar holds no %s', (_label, pattern) => {
    expect(asarEntries.filter((entry) => pattern.test(entry))).toEqual([]);
  });
});
