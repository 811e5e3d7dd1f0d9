import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isSameOrigin, originOf } from './origin';

describe('originOf', () => {
  it.each([
    ['app://encours/', 'app://encours'],
    ['app://encours/clients?x=1#top', 'app://encours'],
    ['app://ENCOURS/', 'app://encours'],
    ['http://127.0.0.1:5173/x', 'http://127.0.0.1:5173'],
    ['https://encours.app/a', 'https://encours.app'],
    ['app://encours.evil/', 'app://encours.evil'],
    ['app://encours@evil/', null],
    ['app://user:pw@encours/', null],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['data:text/html,<p>x</p>', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(originOf(url)).toBe(expected);
  });

  it("does not rely on URL.origin for app: (Node reports the opaque 'null' for every app: URL)", () => {
    expect(new URL('app://encours.evil/').origin).toBe(new URL('app://encours/').origin);
    expect(originOf('app://encours.evil/')).not.toBe(originOf('app://encours/'));
  });
});

describe('isSameOrigin with the app origin', () => {
  it.each([
    ['app://encours/', true],
    ['app://encours/deep/route', true],
    ['app://encours:443/', false],
    ['app://encours.evil/', false],
    ['app://encours@evil/', false],
    ['app://evil/#app://encours/', false],
    ['app://evil/?app://encours', false],
    ['app://encoursx/', false],
    ['https://encours/', false],
    ['http://localhost:5173/', false],
    ['file:///work/out/renderer/index.html', false],
  ])('%s → %s', (url, expected) => {
    expect(isSameOrigin(url, APP_ORIGIN)).toBe(expected);
  });
});
