import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security';

// The page carries the same policy as a meta tag: it is the only CSP in browser mode and in `npm run dev`
// (the Vite dev server sends no header). `frame-ancestors` is ignored in a meta tag, so it is header-only.
function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter((d) => d !== '' && !d.startsWith('frame-ancestors'))
    .sort();
}

describe('CSP meta tag of renderer/index.html', () => {
  it('matches the header the app protocol sends', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(meta ?? '')).toEqual(directives(CONTENT_SECURITY_POLICY));
  });
});
