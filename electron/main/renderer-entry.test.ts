import { describe, expect, it } from 'vitest';
import { isLoopbackHttpUrl, rendererEntry } from './renderer-entry';

const PACKAGED = { url: 'app://encours/', origin: 'app://encours', isDevServer: false };

describe('rendererEntry', () => {
  it('uses the dev server only when not packaged and the URL is loopback http', () => {
    expect(rendererEntry(false, 'http://localhost:5173/')).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      isDevServer: true,
    });
    expect(rendererEntry(false, 'http://127.0.0.1:5173')).toMatchObject({ origin: 'http://127.0.0.1:5173' });
  });

  it.each([
    ['packaged, even with a loopback dev URL', true, 'http://localhost:5173/'],
    ['no dev URL', false, undefined],
    ['a remote http URL', false, 'http://example.com:5173/'],
    ['a remote https URL', false, 'https://evil.example/'],
    ['https on loopback', false, 'https://localhost:5173/'],
    ['a look-alike host', false, 'http://localhost.evil.com:5173/'],
    ['credentials hiding the host', false, 'http://localhost@evil.com/'],
    ['a file URL', false, 'file:///tmp/index.html'],
    ['garbage', false, 'localhost:5173'],
  ])('falls back to app://encours/ when %s', (_label, isPackaged, url) => {
    expect(rendererEntry(isPackaged, url)).toEqual(PACKAGED);
  });
});

describe('isLoopbackHttpUrl', () => {
  it.each([
    ['http://[::1]:5173/', true],
    ['http://127.0.0.1/', true],
    ['http://127.0.0.2/', false],
    ['http://0.0.0.0:5173/', false],
  ])('%s → %s', (url, expected) => {
    expect(isLoopbackHttpUrl(url)).toBe(expected);
  });
});
