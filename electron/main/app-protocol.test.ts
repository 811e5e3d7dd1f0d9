import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler, resolveAppFile } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './security';

// base/secret.txt sits beside the renderer root: every traversal below aims at it.
const base = mkdtempSync(path.join(tmpdir(), 'encours-protocol-'));
const root = path.join(base, 'renderer');
beforeAll(() => {
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Encours</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(base, 'secret.txt'), 'secret');
});
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET'): Promise<Response> =>
  createAppProtocolHandler(root)(new Request(url, { method }));

describe('the app: scheme', () => {
  it('is registered standard and secure, so pages get a real origin and secure-context APIs', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true },
    });
  });
});

describe('createAppProtocolHandler', () => {
  it('serves index.html at the root and an asset by path, with the right type', async () => {
    const index = await get('app://encours/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<title>Encours</title>');
    const script = await get('app://encours/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes, but not for missing assets', async () => {
    const route = await get('app://encours/clients/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Encours</title>');
    expect((await get('app://encours/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://encours/',
    'app://encours/assets/app.js',
    'app://encours/limits',
    'app://encours/assets/missing.js',
    'app://encours/..%2f..%2fsecret.txt',
    'app://other/',
  ])('sends the CSP and nosniff headers on every response (%s)', async (url) => {
    const response = await get(url);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    'app://encours/..%2fsecret.txt',
    'app://encours/..%2F..%2Fsecret.txt',
    'app://encours/assets/..%2f..%2fsecret.txt',
    'app://encours/%2e%2e%2fsecret.txt',
    'app://encours/%252e%252e%252fsecret.txt',
    'app://encours/..%5csecret.txt',
    'app://encours/%2fetc%2fpasswd',
    `app://encours/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    'app://encours/C:%5CWindows%5Cwin.ini',
    'app://encours/index.html%00.js',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    const body = await response.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('root:');
  });

  it.each([
    ['app://encours/..%2fsecret.txt', 403],
    ['app://encours/..%5csecret.txt', 403],
    ['app://encours/index.html%00.js', 403],
    ['app://encours/%E0%A4%A', 400],
    ['app://other/index.html', 404],
  ])('%s is refused with %i', async (url, status) => {
    expect((await get(url)).status).toBe(status);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://encours/', 'POST')).status).toBe(405);
    const head = await get('app://encours/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('resolveAppFile', () => {
  it('keeps a resolved path inside the root even for an absolute-looking URL path', () => {
    const resolution = resolveAppFile(root, 'app://encours//etc/passwd');
    expect(resolution).toEqual({ kind: 'file', filePath: path.join(root, 'etc', 'passwd'), isRoute: true });
  });
});
