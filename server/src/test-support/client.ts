/** A tiny HTTP client for the server tests: real fetch over loopback, JSON in and out. */
export type Answer = { readonly status: number; readonly body: unknown; readonly headers: Headers };

export function createApi(address: string) {
  async function call(
    method: string,
    route: string,
    token?: string,
    body?: unknown,
    raw?: string,
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${address}${route}`, {
      method,
      headers,
      ...(raw !== undefined ? { body: raw } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }
  return {
    call,
    get: (route: string, token?: string) => call('GET', route, token),
    post: (route: string, token: string | undefined, body: unknown) => call('POST', route, token, body),
    postRaw: (route: string, token: string | undefined, raw: string) =>
      call('POST', route, token, undefined, raw),
    del: (route: string, token?: string) => call('DELETE', route, token),
  };
}
export type Api = ReturnType<typeof createApi>;

/** Reads a nested field of an unknown JSON answer (tests assert on shapes without casts). */
export function field(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = Object.entries(current).find(([k]) => k === String(key))?.[1];
  }
  return current;
}

export function text(value: unknown, ...keys: (string | number)[]): string {
  const found = field(value, ...keys);
  if (typeof found !== 'string')
    throw new Error(`expected a string at ${keys.join('.')}: ${JSON.stringify(value)}`);
  return found;
}
