/**
 * Import benchmark in Chromium (browser mode, the built bundle served by chromium-app.bench's static server):
 * a generated 200 000-line FEC imported through the Import screen (worker → one `importLedger` transaction), timed from
 * the file choice to the result, against the denominator: a raw IndexedDB put of the same normalised rows in
 * one transaction, in the same page. Also reports the longest main-thread task seen during the import
 * (PerformanceObserver 'longtask'). Each run is a fresh browser context (empty IndexedDB), one warm-up run
 * first; the medians are reported.
 * Needs `npx vite build --config renderer/vite.config.ts` first. Run: npx tsx test/bench/import-chromium.bench.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { parseFecBytes } from '../../shared/import/fec-parse';
import { receivablesFromFec } from '../../shared/import/fec-receivables';
import { QUIET_CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { generateFec } from '../support/fec-generator';
import { serveBuild } from './chromium-app.bench';
import { median, repeat } from './stats';

const LINES = 200_000;
const FILE_NAME = '987654321FEC20251231.txt';

export async function run(
  lines = LINES,
  runs = 3,
): Promise<{
  lines: number;
  runs: number;
  importMs: number;
  bulkPutMs: number;
  /** bulkPut time / import time: 100 % would be an import as fast as the bare write. */
  ratio: number;
  longestTaskMs: number;
}> {
  const fec = generateFec({ lines, seed: 11 });
  const bytes = fec.bytes();
  const dir = mkdtempSync(join(tmpdir(), 'encours-bench-'));
  const path = join(dir, FILE_NAME);
  writeFileSync(path, bytes);
  const receivables = receivablesFromFec(parseFecBytes(bytes).entries, { fileName: FILE_NAME });
  const rows = {
    buyers: receivables.buyers.map((buyer) => ({ id: buyer.id, name: buyer.name })),
    invoices: receivables.invoices,
    payments: receivables.payments,
    creditNotes: receivables.creditNotes,
  };
  const server = await serveBuild();
  const browser = await chromium.launch({ executablePath: findChromium(), args: QUIET_CHROMIUM_ARGS });
  try {
    // Each run: a fresh context (empty IndexedDB), the import, then the raw put of the same rows.
    const results = await repeat(runs, 1, async () => {
      const context = await browser.newContext();
      try {
        return await importOnce(await context.newPage(), server.url, path, rows);
      } finally {
        await context.close();
      }
    });
    const importMs = median(results.map((result) => result.importMs));
    const bulkPutMs = median(results.map((result) => result.bulkPutMs));
    return {
      lines: fec.lineCount,
      runs,
      importMs,
      bulkPutMs,
      ratio: bulkPutMs / importMs,
      longestTaskMs: median(results.map((result) => result.longestTaskMs)),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function importOnce(
  page: Page,
  url: string,
  path: string,
  rows: Record<string, readonly unknown[]>,
): Promise<{ importMs: number; bulkPutMs: number; longestTaskMs: number }> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    Reflect.set(window, '__longTasks', tasks);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${url}/#/import`);
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  // Tasks of the page's start-up (bundle evaluation) are reported late: only those after this instant count.
  const importStart = await page.evaluate(() => performance.now());
  const start = Date.now();
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('heading', { name: /^Import terminé/ }).waitFor({ timeout: 600_000 });
  const importMs = Date.now() - start;
  const longestTaskMs = await page.evaluate((from) => {
    const tasks: unknown = Reflect.get(window, '__longTasks');
    if (!Array.isArray(tasks)) return 0;
    let longest = 0;
    for (const task of tasks) {
      const begin: unknown = Reflect.get(Object(task), 'start');
      const duration: unknown = Reflect.get(Object(task), 'duration');
      if (typeof begin === 'number' && typeof duration === 'number' && begin >= from)
        longest = Math.max(longest, duration);
    }
    return longest;
  }, importStart);

  // The denominator: the same normalised rows, put raw into IndexedDB in one transaction.
  const bulkPutMs = await page.evaluate(async (tables) => {
    const names = Object.keys(tables);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`bench-raw-${Date.now()}`, 1);
      request.onupgradeneeded = () => {
        for (const name of names) request.result.createObjectStore(name, { keyPath: 'id' });
      };
      request.onsuccess = () => {
        resolve(request.result);
      };
      request.onerror = () => {
        reject(new Error('open failed'));
      };
    });
    const begin = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(names, 'readwrite', { durability: 'strict' });
      for (const [name, list] of Object.entries(tables))
        for (const row of list) tx.objectStore(name).put(row);
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(new Error('put failed'));
      };
    });
    const elapsed = performance.now() - begin;
    db.close();
    return elapsed;
  }, rows);
  return { importMs, bulkPutMs, longestTaskMs };
}

if (process.argv[1]?.endsWith('import-chromium.bench.ts') === true) {
  const result = await run();
  console.log(
    `FEC import in Chromium, ${result.lines.toLocaleString('fr-FR')} lines: ${result.importMs} ms\n` +
      `  against a raw IndexedDB put of the same rows: ${result.bulkPutMs.toFixed(0)} ms → ${(result.ratio * 100).toFixed(0)} % (goal ≥ 50 %)\n` +
      `  longest main-thread task during the import: ${result.longestTaskMs.toFixed(0)} ms (goal ≤ 50 ms)`,
  );
}
