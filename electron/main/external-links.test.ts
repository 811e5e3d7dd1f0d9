import { describe, expect, it, vi } from 'vitest';
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl, openExternalSafely } from './external-links';

describe('isAllowedExternalUrl', () => {
  it.each([...EXTERNAL_LINK_HOSTS].map((host) => [`https://${host}/some/page?q=1`]))('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['http (not https)', 'http://www.legifrance.gouv.fr/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a host not listed', 'https://example.com/'],
    ['a suffix look-alike', 'https://www.legifrance.gouv.fr.evil.com/'],
    ['a prefix look-alike', 'https://evil-encours.app/'],
    ['a subdomain of a listed host', 'https://evil.encours.app/'],
    ['credentials before an evil host', 'https://encours.app@evil.com/'],
    ['credentials before a listed host', 'https://user:pw@encours.app/'],
    ['a non-default port', 'https://encours.app:8443/'],
    ['a trailing-dot host', 'https://encours.app./'],
    ['an IDN homograph', 'https://encоurs.app/'],
    ['a custom scheme', 'app://encours/'],
    ['smb share', 'smb://encours.app/share'],
    ['garbage', 'encours.app'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  it('opens an allowed URL and answers true', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    await expect(openExternalSafely('https://www.bodacc.fr/annonce', shell)).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.bodacc.fr/annonce');
  });

  it('never calls the shell for a refused URL', async () => {
    const shell = { openExternal: vi.fn(() => Promise.resolve()) };
    await expect(openExternalSafely('http://www.bodacc.fr/', shell)).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
