/**
 * Where the window loads its page from: always `app://encours/` (packaged files) in production; the
 * electron-vite dev server (`ELECTRON_RENDERER_URL`) only when the app is not packaged AND that URL is plain
 * http on a loopback host. Anything else (a remote URL, https to a public host, a packaged build) falls back
 * to the packaged files, so a stray environment variable can never point the app at the network.
 */
import { APP_ENTRY_URL, APP_ORIGIN, originOf, parseUrlWithoutCredentials } from './origin';

export type RendererEntry = { readonly url: string; readonly origin: string; readonly isDevServer: boolean };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHttpUrl(url: string): boolean {
  const parsed = parseUrlWithoutCredentials(url);
  return parsed !== null && parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
}

export function rendererEntry(isPackaged: boolean, devServerUrl: string | undefined): RendererEntry {
  if (!isPackaged && devServerUrl !== undefined && isLoopbackHttpUrl(devServerUrl)) {
    const origin = originOf(devServerUrl);
    if (origin !== null) return { url: devServerUrl, origin, isDevServer: true };
  }
  return { url: APP_ENTRY_URL, origin: APP_ORIGIN, isDevServer: false };
}
