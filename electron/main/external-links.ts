/**
 * The only way a URL leaves the app: `shell.openExternal` for https URLs whose host is on the allowlist,
 * on the default port, without credentials. Everything else (http, javascript:, file:, a look-alike host)
 * is refused, so a compromised or buggy renderer cannot make the OS open an arbitrary program or page.
 */
import { parseUrlWithoutCredentials } from './origin';
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'encours.app',
  'www.legifrance.gouv.fr',
  'www.bodacc.fr',
  'annuaire-entreprises.data.gouv.fr',
  'www.societe.com',
]);

/** The public website, opened from the Aide menu. */
export const WEBSITE_URL = 'https://encours.app/';

export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parseUrlWithoutCredentials(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.port === '' &&
    EXTERNAL_LINK_HOSTS.has(parsed.hostname)
  );
}

export type ExternalOpener = { openExternal(url: string): Promise<void> };

/** Opens `url` in the user's browser when allowed; answers whether it did. */
export async function openExternalSafely(url: string, shell: ExternalOpener): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  // Pass the normalised form, so what was checked is exactly what the OS receives.
  await shell.openExternal(new URL(url).href);
  return true;
}
