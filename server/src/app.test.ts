import { afterEach, describe, expect, it } from 'vitest';
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
