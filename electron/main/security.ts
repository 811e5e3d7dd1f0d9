/**
 * The window-level items of the security checklist (architecture §4), one small function each so each has a
 * test that fails when the item is removed:
 * - `secureWebPreferences`: context isolation, sandbox, no Node, no <webview>, web security on;
 * - `CONTENT_SECURITY_POLICY`: sent as a header on every app:// response (app-protocol.ts);
 * - `installNavigationGuards`: no navigation or redirect away from our origin, no new windows
 *   (https links go to `openExternalSafely`, which applies the allowlist);
 * - `installPermissionHandlers`: every permission request and check denied, except writing to the
 *   clipboard from our own page (copy buttons). Notifications are shown by main through IPC, so the web
 *   Notification permission stays denied;
 * - `createSenderCheck`: an IPC message is trusted only from the main frame of a page of our origin.
 */
import type { WebPreferences } from 'electron';
import { isSameOrigin } from './origin';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

type NavigationEvent = { readonly url: string; preventDefault(): void };

/** The part of `WebContents` the guards use (a structural type, so tests can pass a plain fake). */
export type GuardedContents = {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
};

export function installNavigationGuards(
  contents: GuardedContents,
  trustedOrigin: string,
  openExternal: (url: string) => unknown,
): void {
  const blockForeign = (event: NavigationEvent): void => {
    if (!isSameOrigin(event.url, trustedOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.setWindowOpenHandler(({ url }) => {
    // The link leaves the app only through the allowlist (openExternalSafely); the app never opens a window.
    void openExternal(url);
    return { action: 'deny' };
  });
}

/** Permissions granted, and only to our own origin. Everything else is refused. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  trustedOrigin: string,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isSameOrigin(requestingUrl, trustedOrigin);
}

/** The part of `Session` the permission handlers use. */
export type PermissionSession = {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
};

export function installPermissionHandlers(session: PermissionSession, trustedOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? '', trustedOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trustedOrigin),
  );
}

/** The part of an IPC event the sender check reads (`IpcMainInvokeEvent` fits it). */
export type IpcSenderEvent = {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
};

export type SenderCheck = (event: IpcSenderEvent) => boolean;

export function createSenderCheck(trustedOrigin: string): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    // A null frame has navigated or been destroyed since it sent; a child frame is never ours to trust.
    if (frame === null || frame.parent !== null) return false;
    return isSameOrigin(frame.url, trustedOrigin);
  };
}
