#!/usr/bin/env node
// `npm test`: lint, typecheck, unit tests (vitest, packaging included), the browser-mode build, then the
// end-to-end tests (Playwright). Stops at the first failing step and ends with one plain summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });

const steps = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings=0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '-b']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  ],
  ['build:web', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  ['e2e', 'npx', ['playwright', 'test', '--reporter=list,json']],
];

const started = Date.now();
for (const [name, command, args] of steps) {
  const stepStart = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const env = { ...process.env };
  if (name === 'e2e') env.PLAYWRIGHT_JSON_OUTPUT_NAME = 'test-results/playwright.json';
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✖ ${name} failed after ${seconds} s (exit ${result.status ?? result.signal})`);
    summarize();
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
summarize();

/** Adds up the counts the two runners wrote, so the run ends with one honest "N passed, N failed" line. */
function summarize() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync('test-results/vitest.json')) {
    const v = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
  }
  if (existsSync('test-results/playwright.json')) {
    const p = JSON.parse(readFileSync('test-results/playwright.json', 'utf8'));
    passed += p.stats.expected + p.stats.flaky;
    failed += p.stats.unexpected;
    skipped += p.stats.skipped;
    for (const reason of skipReasons(p.suites ?? [])) console.log(`Skipped: ${reason}`);
  }
  console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

/** The reasons Playwright recorded for skipped tests, once each (e.g. no Electron binary on this machine). */
function skipReasons(suites) {
  const reasons = new Set();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        for (const a of t.annotations ?? [])
          if (a.type === 'skip') reasons.add(`${spec.file}: ${a.description ?? 'no reason given'}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  suites.forEach(walk);
  return [...reasons];
}
