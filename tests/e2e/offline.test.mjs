// End-to-end: the page's service worker (web/sw.js). After a first visit the page opens and
// estimates with the network gone; the cards of a currency are fetched only when it is
// priced, and a currency chosen later says it is loading, then prices. A fresh browser
// context per test, so a service worker never carries from one test to the next.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBuiltSite, watchErrors, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');
const SCENARIO = {
  month: '2026-11', currency: 'USD',
  lines: [
    { country: 'IN', marketing: 1000, utility: 500, authentication: 0, service: 3350 },
    { country: 'BR', marketing: 2000 },
  ],
};
const link = (scenario) => `/?scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
const site = useBuiltSite(DIST, ['index.html', 'sw.js', 'wacost-data.json']);

async function fresh() {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

test('after a first visit the page estimates offline', async () => {
  const { context, page, errors } = await fresh();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(site.server.url + link(SCENARIO));
  await page.waitForSelector('[data-wacost="meta-total"][data-value]');
  // Only USD's cards were fetched for a USD sheet.
  const cards = fetched.filter((p) => p.includes('wacost-data-'));
  assert.ok(cards.length >= 1 && cards.every((p) => /wacost-data-USD-[0-9a-f]{16}\.csv$/.test(p)), cards.join(' '));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-wacost="meta-total"][data-value]');
  assert.equal(await page.getAttribute('[data-wacost="meta-total"]', 'data-value'), '140.79');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a currency chosen later is fetched, said to be loading, then priced', async () => {
  const { context, page, errors } = await fresh();
  // EUR's card of 2026-07-01 is whole: August 2026 prices in euros.
  const eur = { month: '2026-08', currency: 'EUR', lines: [{ country: 'BR', marketing: 2000 }, { country: 'IN', utility: 500 }] };
  let release;
  const held = new Promise((ok) => { release = ok; });
  // Hold the EUR file back, to see the page say it is loading while the sheet stays.
  await context.route(/wacost-data-EUR-[0-9a-f]{16}\.csv$/, async (route) => { await held; await route.continue(); });
  await page.goto(site.server.url + link(eur));
  const state = await page.waitForSelector('[data-wacost="cards-state"]');
  assert.equal(await state.textContent(), 'Loading the EUR cards…');
  assert.equal(await page.locator('[data-wacost="meta-total"]').count(), 0);
  release();
  await page.waitForSelector('[data-wacost="meta-total"][data-value]');
  assert.equal(await page.locator('[data-wacost="cards-state"]').count(), 0);
  const total = await page.textContent('[data-wacost="meta-total"]');
  assert.match(total, /€/);
  assert.deepEqual(errors, []);
  await context.close();
});
