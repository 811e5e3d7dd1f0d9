/**
 * Origins of the app's own pages, computed safely.
 *
 * `new URL('app://encours/').origin` is the string "null" in Node (WHATWG gives non-special schemes an opaque
 * origin), so comparing `.origin` alone would treat every `app:` URL — `app://encours.evil/` included — as the
 * same origin. `originOf` therefore uses `URL.origin` for http(s) and builds `scheme://host` itself for our
 * privileged scheme, refusing any URL with credentials (`app://encours@evil/`). Never `startsWith`.
 */

/** Our custom privileged scheme and host: the packaged app lives at `app://encours/`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'encours';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

/** `url` parsed, or null when it does not parse or carries credentials (`https://user@host` tricks). */
export function parseUrlWithoutCredentials(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.username === '' && parsed.password === '' ? parsed : null;
}

/** The origin of `url`, or null when it has none we could ever trust (opaque, unparsable, credentials). */
export function originOf(url: string): string | null {
  const parsed = parseUrlWithoutCredentials(url);
  if (parsed === null) return null;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  // Chromium lower-cases the host of a standard scheme; Node's URL does not for non-special schemes.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') {
    return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
  }
  return null;
}

/** True when `url` has exactly the origin `trustedOrigin` (as returned by `originOf`). */
export function isSameOrigin(url: string, trustedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === trustedOrigin;
}
