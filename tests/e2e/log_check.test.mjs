// End-to-end: "Check a log" on the Trunk release build (dist/, or WACOST_DIST). A small log is
// uploaded and its exact bill checked by hand against the rate card; malformed rows are listed
// and skipped on request; then a generated log of 1,000,000 rows is billed by the worker while
// the page's main thread is watched: the progress bar must move, timers must keep firing
// (no gap of 200 ms or more) and the total must equal what `wacost bill` prints for the file.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBuiltSite, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

const DIST = process.env.WACOST_DIST ?? join(ROOT, 'dist');
const BIG = '/tmp/wacost-e2e-log-1m.csv';
const ROWS = 1_000_000;

/** The CLI: WACOST_BIN, else a native build in the workspace's usual target directories. */
function wacostBin() {
  const candidates = [
    process.env.WACOST_BIN,
    join(ROOT, 'target/release-native/wacost'),
    join(ROOT, 'target/weblog/release-native/wacost'),
    join(ROOT, 'target/release/wacost'),
    join(ROOT, 'target/debug/wacost'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  assert.ok(found, `no wacost binary: build it (cargo build --profile release-native -p wacost-cli) or set WACOST_BIN; tried ${candidates.join(', ')}`);
  return found;
}

// Pricing-rules E1 in Brazil, October 2025 (pmp-2025-07, USD card of 2025-10-01): marketing
// template h0 (0.0625), user message h2, free-form reply h3 (free), utility template h4 in
// the window (free), utility template h30 after the window (0.0068): 2 charges, total 0.0693.
const E1 = [
  'time,phone_number,user,direction,kind,category,status',
  '2025-10-06T00:00:00Z,PN1,+5511987654321,out,template,marketing,delivered',
  '2025-10-06T02:00:00Z,PN1,+5511987654321,in,message,,',
  '2025-10-06T03:00:00Z,PN1,+5511987654321,out,free_form,,delivered',
  '2025-10-06T04:00:00Z,PN1,+5511987654321,out,template,utility,delivered',
  '2025-10-07T06:00:00Z,PN1,+5511987654321,out,template,utility,delivered',
].join('\n') + '\n';

const site = useBuiltSite(DIST, ['index.html', 'bill_worker_loader.js']);
let cliTotal;

before(async () => {
  const bin = wacostBin();
  writeFileSync(BIG, execFileSync(bin, ['generate-log', '--rows', String(ROWS)], { maxBuffer: 1 << 30 }));
  const report = JSON.parse(execFileSync(bin, ['bill', BIG, '--format', 'json'], { maxBuffer: 1 << 28 }).toString());
  cliTotal = report.meta_total;
});

async function openView({ width = 1280, height = 900 } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.url + '/');
  await page.click('[data-logcheck="open"]');
  await page.waitForSelector('[data-logcheck="view"]');
  // Opened, the view is brought into place and its heading has the focus.
  await page.waitForFunction(() => document.activeElement?.id === 'logcheck-title');
  const top = await page.evaluate(() => document.getElementById('logcheck-title').getBoundingClientRect().top);
  assert.ok(top > -1 && top < height, `the view's heading is on screen (top ${top})`);
  return { page, errors, context };
}

async function upload(page, name, text) {
  await page.setInputFiles('#logcheck-file', { name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForSelector('[data-logcheck="file"]');
}

test('E1 in October 2025: two charges, exactly 0.0693 USD, other versions and the detail CSV', async () => {
  for (const width of [1280, 375]) {
    const { page, errors, context } = await openView({ width, height: width > 400 ? 900 : 800 });
    await upload(page, 'e1.csv', E1);
    await page.click('[data-logcheck="run"]');
    const total = await page.waitForSelector('[data-logcheck="total"]');
    assert.equal(await total.getAttribute('data-value'), '0.0693');
    assert.equal(await total.textContent(), '$0.07');
    assert.equal(await total.getAttribute('title'), '0.0693');
    // Brazil, October 2025: marketing 1 charged; the free-form reply free in the window;
    // utility 2 delivered, 1 free in the window, 1 charged. Columns: market, category,
    // delivered, free window, free entry point, free allowance, charged, amount.
    const rows = await page.$$eval('.logcheck-month tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.firstChild?.textContent ?? '')));
    rows.sort((a, b) => a[1].localeCompare(b[1]));
    assert.deepEqual(rows, [
      ['Brazil', 'marketing', '1', '0', '0', '0', '1', '$0.06'],
      ['Brazil', 'service', '1', '1', '0', '0', '0', '$0.00'],
      ['Brazil', 'utility', '2', '1', '0', '0', '1', '$0.01'],
    ]);
    // The whole log by market and by category, as `wacost bill` totals it: delivered, free,
    // charged, and the amount in cents with the exact figure in data-value.
    const table = (hook) => page.$$eval(`[data-logcheck="${hook}"] tbody tr`, (trs) => trs.map((tr) => [
      ...[...tr.cells].slice(0, 4).map((td) => td.textContent),
      tr.cells[4].querySelector('.money').textContent,
      tr.cells[4].querySelector('.money').getAttribute('data-value'),
    ]));
    assert.deepEqual(await table('by-market'), [['Brazil', '4', '2', '2', '$0.07', '0.0693']]);
    assert.deepEqual(await table('by-category'), [
      ['marketing', '1', '0', '1', '$0.06', '0.0625'],
      ['utility', '2', '1', '1', '$0.01', '0.0068'],
      ['service', '1', '1', '0', '$0.00', '0.00'],
    ]);
    const cli = JSON.parse(execFileSync(wacostBin(), ['bill', '--format', 'json'], { input: E1 }).toString());
    assert.deepEqual(cli.totals.markets.map((m) => [m.market, m.delivered, m.free, m.charged, m.amount]), [['Brazil', 4, 2, 2, '0.0693']]);
    // The same log under every rules version: six rows plus this bill; the Mexico test cannot
    // price a log to Brazil, and says so instead of showing $0.00.
    assert.equal(await page.locator('[data-logcheck="versions"] tbody tr').count(), 7);
    const mx = page.locator('[data-logcheck="versions"] tr[data-rules="mx-2021-02"]');
    assert.equal(await mx.getAttribute('data-status'), 'not-applicable');
    assert.match(await mx.textContent(), /not applicable4 message\(s\) outside Mexico: the Mexico test priced only \+52 numbers/);
    assert.doesNotMatch(await mx.textContent(), /\$0\.00/);
    // The invoice's total as printed, read in the page's language: the exact difference.
    await page.fill('#logcheck-invoice', '$0.08');
    const difference = page.locator('[data-logcheck="difference"]');
    assert.equal(await difference.getAttribute('data-value'), '0.0107');
    assert.equal(await difference.textContent(), '+$0.01');
    assert.match(await page.textContent('[data-logcheck="invoice"]'), /The invoice asks for more than this bill\./);
    assert.equal(
      execFileSync(wacostBin(), ['bill', '--format', 'json', '--invoice-total', '$0.08'], { input: E1 }).toString().match(/"difference":\s*"([^"]+)"/)[1],
      '0.0107',
    );
    await page.fill('#logcheck-invoice', '0,08');
    assert.match(await page.textContent('[data-logcheck="invoice-error"]'), /“0,08” is not an amount/);
    const link = page.locator('[data-logcheck="detail"]');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
    assert.equal(csv[0].split(',')[0], 'line');
    assert.equal(csv.length, 1 + 4, 'one detail row per outbound message');
    assert.equal(csv.filter((l) => l.includes(',charged,')).length, 2);
    await page.screenshot({ path: join(SCREENSHOTS, `log-check-${width}.png`), fullPage: true });
    await page.locator('[data-logcheck="result"]').screenshot({ path: join(SCREENSHOTS, `log-check-result-${width}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('malformed rows are listed with line, column and value; skipping them bills the rest', async () => {
  const { page, errors, context } = await openView();
  await upload(page, 'bad.csv', E1 + '2025-10-08T00:00:00Z,PN1,+5511987654321,out,template,promo,delivered\n');
  await page.click('[data-logcheck="run"]');
  await page.waitForSelector('[data-logcheck="bad-rows"]');
  assert.equal(await page.locator('[data-logcheck="total"]').count(), 0, 'no bill without skipping');
  // The remedy is the page's own checkbox, not the CLI's option.
  assert.match(
    await page.textContent('[data-logcheck="error"]'),
    /1 malformed row\(s\): no bill \(tick “Skip malformed rows \(each is listed\)” to bill the rest\)/,
  );
  const cells = await page.$$eval('[data-logcheck="bad-rows"] tbody td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(cells.slice(0, 3), ['7', 'category', 'promo']);
  await page.check('#logcheck-skip');
  await page.click('[data-logcheck="run"]');
  const total = await page.waitForSelector('[data-logcheck="total"]');
  assert.equal(await total.getAttribute('data-value'), '0.0693');
  assert.match(await page.textContent('[data-logcheck="warnings"]'), /1 malformed row\(s\) skipped/);
  // A bad setting is named by its field, and nothing is billed.
  await page.fill('#logcheck-country', 'Brazil');
  await page.click('[data-logcheck="run"]');
  await page.waitForSelector('[data-logcheck="error"]');
  assert.match(await page.textContent('[data-logcheck="error"]'), /Business country: “Brazil” is not a country code: two letters, e\.g\. GB\./);
  assert.deepEqual(errors, []);
  await context.close();
});

test(`a generated log of ${ROWS.toLocaleString('en')} rows: progress, a responsive page, the CLI's total`, async () => {
  const { page, errors, context } = await openView();
  await page.setInputFiles('#logcheck-file', BIG);
  await page.waitForSelector('[data-logcheck="file"]');
  // Watch the main thread: the largest gap between timer callbacks and between frames, and
  // every value the progress bar takes.
  await page.evaluate(() => {
    const w = window;
    w.__watch = { maxTimerGap: 0, maxFrameGap: 0, progress: [], running: true };
    let lastTimer = performance.now();
    w.__timer = setInterval(() => {
      const now = performance.now();
      w.__watch.maxTimerGap = Math.max(w.__watch.maxTimerGap, now - lastTimer);
      lastTimer = now;
      const bar = document.querySelector('[data-logcheck="progress"]');
      const value = bar?.getAttribute('value');
      if (value !== null && value !== undefined && w.__watch.progress.at(-1) !== value) w.__watch.progress.push(value);
    }, 10);
    let lastFrame = performance.now();
    const frame = (now) => {
      w.__watch.maxFrameGap = Math.max(w.__watch.maxFrameGap, now - lastFrame);
      lastFrame = now;
      if (w.__watch.running) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const started = Date.now();
  await page.click('[data-logcheck="run"]');
  const total = await page.waitForSelector('[data-logcheck="total"]', { timeout: 600_000 });
  const wall = Date.now() - started;
  // Let a few more frames and ticks happen after the result is rendered, then stop.
  await page.waitForTimeout(300);
  const watch = await page.evaluate(() => { window.__watch.running = false; clearInterval(window.__timer); return window.__watch; });
  const ms = Number(await page.getAttribute('[data-logcheck="result"]', 'data-ms'));
  const size = statSync(BIG).size;
  console.log(`1M rows (${(size / 1e6).toFixed(1)} MB, detail CSV and six other rules versions on): ` +
    `${(ms / 1000).toFixed(2)} s in the browser (click to result ${(wall / 1000).toFixed(2)} s); ` +
    `progress values seen: ${watch.progress.length}; max timer gap ${watch.maxTimerGap.toFixed(0)} ms, ` +
    `max frame gap ${watch.maxFrameGap.toFixed(0)} ms`);
  assert.equal(await total.getAttribute('data-value'), cliTotal, 'the page and `wacost bill` agree');
  assert.ok(watch.progress.length >= 5, `the progress bar moved: ${watch.progress.join(' ')}`);
  const shares = watch.progress.map(Number);
  assert.ok(shares.every((v, i) => i === 0 || v >= shares[i - 1]), `progress only goes forward: ${shares}`);
  assert.ok(watch.maxTimerGap < 200, `main-thread timer gap ${watch.maxTimerGap} ms`);
  assert.ok(watch.maxFrameGap < 200, `frame gap ${watch.maxFrameGap} ms`);
  assert.match(await page.textContent('[data-logcheck="summary"]'), /1,000,000 rows/);
  await page.screenshot({ path: join(SCREENSHOTS, 'log-check-1m-1280.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});
