/**
 * The figures users feel, in Chromium (browser mode: the `npm run build:web` bundle, served over loopback by
 * a tiny static server started here, every answer `no-store` so no run is helped by the HTTP cache):
 *
 * 1. A throwaway profile is filled the honest way: a seeded FEC of `buyers` customers / ≈`invoices`
 *    invoices is imported through the Import screen (worker → `importLedger`: rows + per-buyer aggregates,
 *    as a user's import stores them). Not timed here (import-chromium.bench.ts times imports).
 * 2. Open → interactive dashboard. "Interactive" = the exposure KPI's value is in the DOM, a frame was
 *    produced after it (a requestAnimationFrame callback ran) and a task queued then has run (the main
 *    thread answers an input), measured in the page from navigation start (performance.timeOrigin).
 *    - cold: the first page of a browser process just started on the profile (IndexedDB and code caches
 *      opened anew from disk; the OS file cache is NOT flushed — that needs root and would disturb the
 *      machine's other users);
 *    - warm: a new tab of the same running browser, after a first open.
 *    Denominator: a static HTML page of the same server with the same KPI element, opened the same two ways.
 * 3. Memory with the Factures page open (it loads every invoice, payment and credit note into the grid
 *    model), after a forced GC: JS heap (CDP Runtime.getHeapUsage) and total (sum of the PSS of every
 *    process of that browser, /proc/<pid>/smaps_rollup — PSS so shared pages are not counted twice; and the
 *    renderer's own RSS). Denominator: the same page of the same build on an empty workspace.
 * 4. On-disk size of the profile's IndexedDB folder (after the browser closed) against the FEC's bytes.
 * 5. User write p95 over `writes` writes through the app's own command path, on the real IndexedDB of
 *    that workspace (browser-entry.ts, a bench-only bundle), against a raw `put` into the same table.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { generateFec } from '../support/fec-generator';
import { median, repeat } from './stats';
import type { BenchMode } from './stats';

const DIST = 'dist-web';
/** Where bench.mjs writes the browser entry bundle. */
export const BROWSER_ENTRY_BUNDLE = 'test-results/bench/browser-entry.js';

const EMPTY_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Encours — page vide</title></head>
<body><p data-testid="kpi-exposure"><span data-testid="kpi-value">1 234 €</span></p></body></html>`;

const WRITE_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Encours — bench</title>
<script type="module" src="./bench-entry.js"></script></head><body></body></html>`;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

/**
 * Serves the web build, the empty page and the bench entry from one origin, nothing cached. The build is
 * copied first: another `build:web` in the same checkout empties dist-web/ and must not break a run.
 */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  const root = mkdtempSync(join(tmpdir(), 'encours-bench-web-'));
  cpSync(DIST, root, { recursive: true });
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/bench-empty.html') {
      send(200, MIME['.html'] ?? '', EMPTY_PAGE);
      return;
    }
    if (path === '/bench-write.html') {
      send(200, MIME['.html'] ?? '', WRITE_PAGE);
      return;
    }
    if (path === '/bench-entry.js') {
      send(200, MIME['.js'] ?? '', readFileSync(BROWSER_ENTRY_BUNDLE));
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      send(403, 'text/plain', 'forbidden');
      return;
    }
    try {
      send(200, MIME[extname(file)] ?? 'application/octet-stream', readFileSync(file));
      return;
    } catch {
      send(404, 'text/plain', 'not found');
      return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}

export function launchProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: QUIET_CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
}

/** In-page probe: resolves `window.__benchReady` once the KPI value is shown and the main thread answers. */
function installReadyProbe(): void {
  const selector = '[data-testid="kpi-exposure"] [data-testid="kpi-value"]';
  const found = (): boolean => {
    const element = document.querySelector(selector);
    return element !== null && /\d/.test(element.textContent);
  };
  const done = (): void => {
    const valueAt = performance.now();
    requestAnimationFrame(() => {
      const frameAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        Reflect.set(window, '__benchReady', {
          valueAt,
          frameAt,
          interactiveAt: performance.now(),
          text: document.querySelector(selector)?.textContent ?? '',
        });
      };
      channel.port2.postMessage(0);
    });
  };
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    done();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

type Ready = { interactiveAt: number; text: string };

async function openAndWait(page: Page, url: string): Promise<Ready> {
  await page.addInitScript(installReadyProbe);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction((): unknown => Reflect.get(window, '__benchReady'), undefined, {
    timeout: 300_000,
    polling: 50,
  });
  const value: unknown = await handle.jsonValue();
  const interactiveAt: unknown = Reflect.get(Object(value), 'interactiveAt');
  const text: unknown = Reflect.get(Object(value), 'text');
  if (typeof interactiveAt !== 'number') throw new Error('probe gave no time');
  return { interactiveAt, text: String(text) };
}

/** Cold: a browser started on the profile, its first page. */
async function coldOpen(profile: string, url: string): Promise<Ready> {
  const context = await launchProfile(profile);
  try {
    return await openAndWait(context.pages()[0] ?? (await context.newPage()), url);
  } finally {
    await context.close();
  }
}

/** Warm: new tabs of one running browser, after a first (unmeasured) open. */
async function warmOpens(profile: string, url: string, runs: number): Promise<number[]> {
  const context = await launchProfile(profile);
  try {
    const first = context.pages()[0] ?? (await context.newPage());
    await openAndWait(first, url);
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await context.newPage();
      times.push((await openAndWait(page, url)).interactiveAt);
      await page.close();
    }
    return times;
  } finally {
    await context.close();
  }
}

function procText(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

function kbField(text: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return match === null ? 0 : Number(match[1]) * 1024;
}

/** Every process of the browser running on `profile`: its main process and the children of that. */
function browserProcesses(profile: string): { pid: string; type: string }[] {
  const all = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  const parents = new Map<string, string>();
  const commands = new Map<string, string>();
  for (const pid of all) {
    const status = procText(pid, 'status');
    parents.set(pid, /^PPid:\s+(\d+)/m.exec(status)?.[1] ?? '');
    commands.set(pid, procText(pid, 'cmdline').replaceAll('\0', ' '));
  }
  const main = all.find((pid) => {
    const command = commands.get(pid) ?? '';
    return command.includes(`--user-data-dir=${profile}`) && !command.includes('--type=');
  });
  if (main === undefined) return [];
  const family = new Set([main]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const pid of all)
      if (!family.has(pid) && family.has(parents.get(pid) ?? '')) {
        family.add(pid);
        grew = true;
      }
  }
  return [...family].map((pid) => ({
    pid,
    type: /--type=(\S+)/.exec(commands.get(pid) ?? '')?.[1] ?? 'browser',
  }));
}

export type MemoryFigures = { heapBytes: number; totalPssBytes: number; rendererRssBytes: number };

/** Factures page open (every invoice loaded into the grid), GC forced, then heap and process memory. */
async function memoryWithInvoicesOpen(
  profile: string,
  url: string,
  hasInvoices: boolean,
): Promise<MemoryFigures> {
  const context = await launchProfile(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${url}/#/invoices`, { waitUntil: 'commit' });
    await (hasInvoices ? page.getByTestId('invoice-count') : page.getByRole('heading', { level: 2 }))
      .first()
      .waitFor({ timeout: 300_000 });
    await page.waitForTimeout(1000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    let totalPssBytes = 0;
    let rendererRssBytes = 0;
    for (const process of browserProcesses(profile)) {
      totalPssBytes += kbField(procText(process.pid, 'smaps_rollup'), 'Pss');
      if (process.type === 'renderer')
        rendererRssBytes = Math.max(rendererRssBytes, kbField(procText(process.pid, 'status'), 'VmRSS'));
    }
    return { heapBytes: heap.usedSize, totalPssBytes, rendererRssBytes };
  } finally {
    await context.close();
  }
}

function folderBytes(path: string): number {
  let total = 0;
  for (const name of readdirSync(path)) {
    const child = join(path, name);
    const stat = statSync(child);
    total += stat.isDirectory() ? folderBytes(child) : stat.size;
  }
  return total;
}

export type ChromiumAppFigures = {
  readonly buyers: number;
  readonly invoices: number;
  readonly fecLines: number;
  readonly fecBytes: number;
  readonly runs: number;
  readonly importMs: number;
  readonly kpiText: string;
  readonly coldMs: number;
  readonly warmMs: number;
  readonly emptyColdMs: number;
  readonly emptyWarmMs: number;
  readonly memory: MemoryFigures;
  readonly emptyMemory: MemoryFigures;
  readonly indexedDbBytes: number;
  readonly write: {
    readonly writes: number;
    readonly commandP50: number;
    readonly commandP95: number;
    readonly putP50: number;
    readonly putP95: number;
    readonly invoicesInWorkspace: number;
  };
};

/** FEC lines per invoice of the generator: 3 (411, revenue, VAT) + 2 bank lines for the 80 % paid; 5 % of
 * the entries are credit notes. 3 + 0.95 × 0.8 × 2 = 4.52 lines per entry, 0.95 invoice per entry. */
const LINES_PER_INVOICE = 4.52 / 0.95;

export async function run(mode: BenchMode): Promise<ChromiumAppFigures> {
  const buyers = mode === 'quick' ? 1000 : 10_000;
  const targetInvoices = mode === 'quick' ? 20_000 : 200_000;
  const runs = mode === 'quick' ? 3 : 5;
  const writesPerRun = 200;
  const work = mkdtempSync(join(tmpdir(), 'encours-bench-app-'));
  const server = await serveBuild();
  try {
    const fec = generateFec({ lines: Math.round(targetInvoices * LINES_PER_INVOICE), buyers, seed: 23 });
    const fecPath = join(work, '123456789FEC20251231.txt');
    const bytes = fec.bytes();
    writeFileSync(fecPath, bytes);
    const profile = join(work, 'profile');
    const emptyProfile = join(work, 'profile-empty');
    mkdirSync(profile);
    mkdirSync(emptyProfile);

    // 1. Fill the profile through the Import screen.
    const filling = await launchProfile(profile);
    let importMs = 0;
    let invoices = 0;
    try {
      const page = filling.pages()[0] ?? (await filling.newPage());
      await page.goto(`${server.url}/#/import`);
      await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
      const start = Date.now();
      await page.locator('input[type="file"]').setInputFiles(fecPath);
      await page.getByRole('heading', { name: /^Import terminé/ }).waitFor({ timeout: 1_800_000 });
      importMs = Date.now() - start;
      invoices = await page.evaluate(async () => {
        const id = localStorage.getItem('encours.lastWorkspaceId') ?? '';
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(`encours-ws-${id}`);
          request.onsuccess = () => {
            resolve(request.result);
          };
          request.onerror = () => {
            reject(new Error('cannot open the workspace database'));
          };
        });
        const count = await new Promise<number>((resolve, reject) => {
          const request = db.transaction('invoices').objectStore('invoices').count();
          request.onsuccess = () => {
            resolve(request.result);
          };
          request.onerror = () => {
            reject(new Error('count failed'));
          };
        });
        db.close();
        return count;
      });
    } finally {
      await filling.close();
    }
    // The empty workspace of the memory denominator: the app opened once on a fresh profile.
    const emptying = await launchProfile(emptyProfile);
    try {
      const page = emptying.pages()[0] ?? (await emptying.newPage());
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
    } finally {
      await emptying.close();
    }

    // 2. Open → interactive, cold and warm, against the empty page.
    const appUrl = `${server.url}/#/`;
    const emptyUrl = `${server.url}/bench-empty.html`;
    const cold = await repeat(runs, 1, () => coldOpen(profile, appUrl));
    const emptyCold = await repeat(runs, 1, () => coldOpen(profile, emptyUrl));
    const warm = await warmOpens(profile, appUrl, runs);
    const emptyWarm = await warmOpens(profile, emptyUrl, runs);

    // 3. Memory with every invoice loaded, against the same page on an empty workspace.
    const memoryRuns = mode === 'quick' ? 1 : 3;
    const loaded = await repeat(memoryRuns, 0, () => memoryWithInvoicesOpen(profile, server.url, true));
    const empty = await repeat(memoryRuns, 0, () => memoryWithInvoicesOpen(emptyProfile, server.url, false));
    const pick = (list: MemoryFigures[]): MemoryFigures => ({
      heapBytes: median(list.map((m) => m.heapBytes)),
      totalPssBytes: median(list.map((m) => m.totalPssBytes)),
      rendererRssBytes: median(list.map((m) => m.rendererRssBytes)),
    });

    // 4. On disk, every browser closed (LevelDB has flushed its log).
    const indexedDbBytes = folderBytes(join(profile, 'Default', 'IndexedDB'));

    // 5. User writes through the command path, on the same workspace (last: it adds rows).
    const writeContext = await launchProfile(profile);
    let writeRuns: {
      writes: number;
      commandP50: number;
      commandP95: number;
      putP50: number;
      putP95: number;
      invoicesInWorkspace: number;
    }[] = [];
    try {
      const page = writeContext.pages()[0] ?? (await writeContext.newPage());
      await page.goto(`${server.url}/bench-write.html`);
      await page.waitForFunction(() => Reflect.get(window, 'encoursBench') !== undefined);
      writeRuns = await repeat(mode === 'quick' ? 1 : 3, 0, (index) =>
        page.evaluate((run) => {
          const bench: unknown = Reflect.get(window, 'encoursBench');
          const writes: unknown = Reflect.get(Object(bench), 'writes');
          if (typeof writes !== 'function') throw new Error('bench entry not loaded');
          const result: unknown = Reflect.apply(writes, bench, [{ writes: 200, warmups: 20, run }]);
          if (!(result instanceof Promise)) throw new Error('bench entry did not answer a promise');
          return result.then((figures: unknown) => ({
            writes: Number(Reflect.get(Object(figures), 'writes')),
            commandP50: Number(Reflect.get(Object(figures), 'commandP50')),
            commandP95: Number(Reflect.get(Object(figures), 'commandP95')),
            putP50: Number(Reflect.get(Object(figures), 'putP50')),
            putP95: Number(Reflect.get(Object(figures), 'putP95')),
            invoicesInWorkspace: Number(Reflect.get(Object(figures), 'invoicesInWorkspace')),
          }));
        }, index),
      );
    } finally {
      await writeContext.close();
    }

    return {
      buyers,
      invoices,
      fecLines: fec.lineCount,
      fecBytes: bytes.length,
      runs,
      importMs,
      kpiText: cold[0]?.text ?? '',
      coldMs: median(cold.map((ready) => ready.interactiveAt)),
      warmMs: median(warm),
      emptyColdMs: median(emptyCold.map((ready) => ready.interactiveAt)),
      emptyWarmMs: median(emptyWarm),
      memory: pick(loaded),
      emptyMemory: pick(empty),
      indexedDbBytes,
      write: {
        writes: writesPerRun,
        commandP50: median(writeRuns.map((w) => w.commandP50)),
        commandP95: median(writeRuns.map((w) => w.commandP95)),
        putP50: median(writeRuns.map((w) => w.putP50)),
        putP95: median(writeRuns.map((w) => w.putP95)),
        invoicesInWorkspace: writeRuns[0]?.invoicesInWorkspace ?? 0,
      },
    };
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Chromium's version string, for the machine description. */
export function chromiumVersion(): string {
  try {
    return (
      execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split('\n')
        .at(-1) ?? 'unknown'
    );
  } catch {
    return 'unknown';
  }
}
