// Shared helpers for the end-to-end tests: a static file server on loopback and Debian's
// headless Chromium driven by playwright-core (the machines cannot download a browser).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const { chromium } = require(join(ROOT, 'tools/node_modules/playwright-core'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv',
};

/** Serves `dir` on 127.0.0.1 (at `port`, or a free one); resolves to { url, close }. */
export async function serve(dir, port = 0) {
  const base = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const bound = server.address().port;
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launches Debian's Chromium headless with the flags this sandbox needs. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return errors;
}

export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');

/**
 * For the tests of one file: checks that the build holds `needs` (paths under `dir`), then
 * serves `dir` and launches Chromium before the tests and closes both after them. The returned
 * object's `server` and `browser` are set once the tests run.
 */
export function useBuiltSite(dir, needs = ['index.html']) {
  const site = { server: undefined, browser: undefined };
  before(async () => {
    for (const file of needs) {
      assert.ok(existsSync(join(dir, file)), `${join(dir, file)} is missing: run scripts/build-site.sh first`);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    site.server = await serve(dir);
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
