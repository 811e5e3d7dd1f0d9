#!/usr/bin/env node
// `npm run bench [-- --quick]`: bundles the benchmarks with esbuild first, then runs them — the code is
// measured as it ships (the app is a Vite bundle), not through tsx's per-module CommonJS transform, which
// roughly halves the speed of cross-module hot paths. The Node bundle is written beside its sources so their
// relative paths hold; the bench-only browser entry (browser-entry.ts) is bundled for Chromium into
// test-results/bench/. `--quick` (reduced sizes, fewer runs) is read by run.ts from process.argv.
import { build } from 'esbuild';

const outfile = new URL('./run.bundle.mjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('./browser-entry.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'chrome130',
  outfile: 'test-results/bench/browser-entry.js',
  logLevel: 'warning',
});
await build({
  entryPoints: [new URL('./run.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
await import(outfile);
