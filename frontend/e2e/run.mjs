// End-to-end suite: the built SPA, served by the live API on a fresh database, driven in
// Debian's Chromium. Always stops the server; exits non-zero on any failure.
import { mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { scenarios as coreScenarios } from './scenarios.mjs';
import { startServer } from './server.mjs';

// Each flow file in e2e/flows/ exports its own `scenarios`; they run after the core ones, by file name.
const flowsDir = new URL('./flows/', import.meta.url);
const flowFiles = readdirSync(flowsDir).filter((name) => name.endsWith('.mjs')).sort();
const scenarios = [...coreScenarios];
for (const name of flowFiles) scenarios.push(...(await import(new URL(name, flowsDir).href)).scenarios);

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });

const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : null;
let passed = 0;
let failed = 0;
let server = null;
let browser = null;
const started = Date.now();

try {
  server = await startServer();
  console.log(`API and dashboard at ${server.base}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  for (const scenario of scenarios) {
    if (only && !only.test(scenario.name)) continue;
    const context = await browser.newContext({ viewport: scenario.viewport ?? { width: 1280, height: 900 }, locale: 'en-GB' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The page runs under the API's Content-Security-Policy: anything it blocks is a failure.
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    const t0 = Date.now();
    try {
      await scenario.run({ page, context, base: server.base, resultsDir, browser });
      if (errors.length) throw new Error(`uncaught errors in the page: ${errors.join(' | ')}`);
      passed += 1;
      console.log(`  ✓ ${scenario.name} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✗ ${scenario.name} (${Date.now() - t0} ms)\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
      await page.screenshot({ path: `${resultsDir}/FAILED-${scenario.name.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => undefined);
      if (process.env.E2E_SERVER_LOG) console.log(`    API log (tail):\n${server.log().split('\n').slice(-30).join('\n')}`);
    } finally {
      await context.close().catch(() => undefined);
    }
  }
} catch (error) {
  failed += 1;
  console.log(`  ✗ setup: ${error?.message ?? error}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
}

console.log(`\nScreenshots in ${resultsDir} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
