import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, buildServer } from './app';

describe('sync server', () => {
  const app = buildServer();
  afterEach(async () => {
    await app.close();
  });

  it('answers the health probe over real HTTP on loopback', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', protocolVersion: PROTOCOL_VERSION });
    expect((await fetch(`${address}/v1/unknown`)).status).toBe(404);
  });
});

describe('CORS', () => {
  let app = buildServer();
  beforeEach(() => {
    app = buildServer();
  });
  afterEach(async () => {
    await app.close();
  });

  it.each(['app://encours', 'http://127.0.0.1:4173'])(
    'answers a preflight from %s for a push with the Bearer token and protocol header',
    async (origin) => {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const preflight = await fetch(`${address}/v1/workspaces/ws-1/push`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,encours-protocol',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      const allowed = (preflight.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'encours-protocol']));
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    },
  );

  it('lets a cross-origin page read answers and errors, Retry-After included', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const limits = await fetch(`${address}/v1/limits`, { headers: { origin: 'app://encours' } });
    expect(limits.status).toBe(200);
    expect(limits.headers.get('access-control-allow-origin')).toBe('*');
    const missing = await fetch(`${address}/v1/unknown`, { headers: { origin: 'app://encours' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
    expect(missing.headers.get('access-control-expose-headers')).toBe('retry-after');
  });
});
