/**
 * The `app://encours/` protocol: serves the built renderer (out/renderer) to the window.
 *
 * Invariants:
 * - only files inside `rendererRoot` are ever read: the path is percent-decoded first, then any `..`
 *   segment, backslash or NUL is refused (403), and the joined path is checked again with `path.relative`;
 * - a path without a file extension that matches no file is a client-side route: index.html is served
 *   (SPA fallback); a missing asset is a 404;
 * - every response, errors included, carries the CSP header and `nosniff`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME } from './origin';
import { CONTENT_SECURITY_POLICY } from './security';

/** Registered before `ready`: standard (relative URLs, a real origin) and secure (like https). */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppFileResolution =
  | { readonly kind: 'file'; readonly filePath: string; readonly isRoute: boolean }
  | { readonly kind: 'refused'; readonly status: 400 | 403 | 404 };

/** Maps a request URL to a file under `rendererRoot`, or refuses it. Pure path logic, no disk access. */
export function resolveAppFile(rendererRoot: string, requestUrl: string): AppFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.host !== APP_HOST ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return { kind: 'refused', status: 404 };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', status: 403 };
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  // A drive letter (`C:`) or any `..` is an escape attempt, whatever the host OS.
  if (segments.some((segment) => segment === '..' || segment.includes(':'))) {
    return { kind: 'refused', status: 403 };
  }
  const root = path.resolve(rendererRoot);
  const last = segments.at(-1);
  const isRoute = last === undefined || path.extname(last) === '';
  const filePath = last === undefined ? path.join(root, 'index.html') : path.join(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'refused', status: 403 };
  }
  return { kind: 'file', filePath, isRoute };
}

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function errorResponse(status: number): Response {
  return new Response(null, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

async function readIfFile(filePath: string): Promise<Uint8Array | null> {
  try {
    return await readFile(filePath);
  } catch {
    // ENOENT, EISDIR, EACCES: the caller decides between the SPA fallback and a 404.
    return null;
  }
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(rendererRoot: string): AppProtocolHandler {
  const indexPath = path.join(path.resolve(rendererRoot), 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    const resolution = resolveAppFile(rendererRoot, request.url);
    if (resolution.kind === 'refused') return errorResponse(resolution.status);
    let filePath = resolution.filePath;
    let body = await readIfFile(filePath);
    if (body === null && resolution.isRoute) {
      filePath = indexPath;
      body = await readIfFile(filePath);
    }
    if (body === null) return errorResponse(404);
    const contentType = MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: securityHeaders(contentType),
    });
  };
}
