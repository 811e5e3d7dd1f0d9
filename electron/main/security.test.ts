import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from './origin';
import {
  CONTENT_SECURITY_POLICY,
  createSenderCheck,
  installNavigationGuards,
  installPermissionHandlers,
  secureWebPreferences,
  type GuardedContents,
  type PermissionSession,
} from './security';

describe('secureWebPreferences', () => {
  it('turns on isolation and the sandbox, and off Node, webview and insecure content', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
  it.each([
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self' 'unsafe-inline'"],
    ['img-src', "'self' data: blob:"],
    ['font-src', "'self' data:"],
    ['connect-src', "'self' https: http://127.0.0.1:* http://localhost:*"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ])('%s is %s', (name, value) => {
    expect(directives.get(name)).toBe(value);
  });
  it('never allows inline or eval scripts', () => {
    expect(directives.get('script-src')).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
});

type NavListener = (event: { url: string; preventDefault(): void }) => void;

function fakeContents(): {
  contents: GuardedContents;
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean;
  openWindow(url: string): { action: string };
} {
  const listeners = new Map<string, NavListener[]>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: GuardedContents = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  return {
    contents,
    navigate(event, url) {
      let isPrevented = false;
      const all = listeners.get(event) ?? [];
      expect(all.length).toBeGreaterThan(0);
      for (const listener of all) {
        listener({
          url,
          preventDefault: () => {
            isPrevented = true;
          },
        });
      }
      return isPrevented;
    },
    openWindow(url) {
      expect(openHandler).toBeDefined();
      return openHandler!({ url });
    },
  };
}

describe('installNavigationGuards', () => {
  it.each(['will-navigate', 'will-redirect'] as const)(
    '%s: same origin passes, anything else is blocked',
    (event) => {
      const fake = fakeContents();
      installNavigationGuards(fake.contents, APP_ORIGIN, vi.fn());
      expect(fake.navigate(event, 'app://encours/clients')).toBe(false);
      for (const url of [
        'app://encours.evil/',
        'app://encours@evil/',
        'app://evil/#app://encours',
        'https://encours.app/',
        'file:///etc/passwd',
        'javascript:alert(1)',
        'http://localhost:5173/',
      ]) {
        expect(fake.navigate(event, url), url).toBe(true);
      }
    },
  );

  it('the dev server origin is trusted only when it is the trusted origin', () => {
    const fake = fakeContents();
    installNavigationGuards(fake.contents, 'http://localhost:5173', vi.fn());
    expect(fake.navigate('will-navigate', 'http://localhost:5173/limits')).toBe(false);
    expect(fake.navigate('will-navigate', 'http://localhost:5174/')).toBe(true);
    expect(fake.navigate('will-navigate', 'app://encours/')).toBe(true);
  });

  it('denies every new window and hands the URL to the external opener', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    installNavigationGuards(fake.contents, APP_ORIGIN, openExternal);
    expect(fake.openWindow('https://www.bodacc.fr/')).toEqual({ action: 'deny' });
    expect(fake.openWindow('app://encours/other')).toEqual({ action: 'deny' });
    expect(fake.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.bodacc.fr/');
  });
});

describe('installPermissionHandlers', () => {
  function install(): {
    request(permission: string, url: string): boolean | undefined;
    check(permission: string, origin: string): boolean;
  } {
    let requestHandler: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
    let checkHandler: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
    installPermissionHandlers(
      {
        setPermissionRequestHandler: (h) => {
          requestHandler = h;
        },
        setPermissionCheckHandler: (h) => {
          checkHandler = h;
        },
      },
      APP_ORIGIN,
    );
    return {
      request(permission, url) {
        let granted: boolean | undefined;
        requestHandler!(null, permission, (g) => (granted = g), { requestingUrl: url });
        return granted;
      },
      check: (permission, origin) => checkHandler!(null, permission, origin),
    };
  }

  it.each([
    'notifications',
    'media',
    'geolocation',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'midi',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'pointerLock',
    'unknown',
  ])('denies %s, for requests and for checks', (permission) => {
    const handlers = install();
    expect(handlers.request(permission, 'app://encours/')).toBe(false);
    expect(handlers.check(permission, 'app://encours')).toBe(false);
  });

  it('allows writing to the clipboard from our own page only', () => {
    const handlers = install();
    expect(handlers.request('clipboard-sanitized-write', 'app://encours/clients')).toBe(true);
    expect(handlers.check('clipboard-sanitized-write', 'app://encours')).toBe(true);
    expect(handlers.request('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(handlers.check('clipboard-sanitized-write', 'app://encours.evil')).toBe(false);
  });
});

describe('createSenderCheck', () => {
  const isTrusted = createSenderCheck(APP_ORIGIN);
  const top = { url: 'app://encours/', parent: null };

  it.each([
    ['our main frame', { senderFrame: top }, true],
    [
      'our main frame on a deep route',
      { senderFrame: { url: 'app://encours/claims/42', parent: null } },
      true,
    ],
    ['a destroyed frame', { senderFrame: null }, false],
    ['a child frame of our page', { senderFrame: { url: 'app://encours/', parent: top } }, false],
    ['a foreign main frame', { senderFrame: { url: 'https://evil.example/', parent: null } }, false],
    ['a look-alike host', { senderFrame: { url: 'app://encours.evil/', parent: null } }, false],
    ['credentials trick', { senderFrame: { url: 'app://encours@evil/', parent: null } }, false],
    ['a file page', { senderFrame: { url: 'file:///tmp/index.html', parent: null } }, false],
  ])('%s → %s', (_label, event, expected) => {
    expect(isTrusted(event)).toBe(expected);
  });
});
