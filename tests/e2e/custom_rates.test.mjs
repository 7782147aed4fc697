// End-to-end: a shared link carrying the user's own rates (`custom_rates`) reopens the same
// estimate from the Trunk release build in dist/, the edited rate is shown as edited, and a whole
// card can be loaded by choosing a file. Screenshots of the rate editor at desktop and phone
// width are written for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { useBuiltSite, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');

// USD card of 2026-10-01: IN 1000 × 0.0118 + 500 × 0.0014 + (3350 - 1000 free) × 0.0014 = 15.79;
// BR 2000 × 0.0625 = 125; 140.79 in all. With India marketing at the user's 0.02:
// 1000 × 0.02 = 20.00 in place of 11.80, so 148.99.
const SCENARIO = {
  month: '2026-11', currency: 'USD',
  lines: [
    { country: 'IN', marketing: 1000, utility: 500, authentication: 0, service: 3350 },
    { country: 'BR', marketing: 2000 },
  ],
  custom_rates: [{ market: 'India', category: 'marketing', rate: '0.02' }],
};
const link = (scenario) => `/?scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;

const site = useBuiltSite(DIST, ['index.html']);

async function open(path, { width = 1280, height = 900 } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, colorScheme: 'light', locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.url + path);
  await page.waitForSelector('[data-wacost="meta-total"][data-value]');
  return { page, errors, context };
}

const metaTotal = (page) => page.getAttribute('[data-wacost="meta-total"]', 'data-value');

test('a link carrying custom rates reopens the same estimate, marked as custom', async () => {
  const { page, errors, context } = await open(link(SCENARIO));
  assert.equal(await metaTotal(page), '148.99');
  assert.equal(await page.inputValue('#rate-india-marketing'), '0.02');
  const cell = page.locator('td.rate-cell', { has: page.locator('#rate-india-marketing') });
  assert.match(await cell.getAttribute('class'), /\bedited\b/);
  assert.match(await cell.innerText(), /edited/);
  assert.match(await page.innerText('.breakdown'), /custom rate/);
  // The link the page keeps in the address bar still carries the rate.
  const query = new URL(page.url()).searchParams.get('scenario');
  const carried = JSON.parse(Buffer.from(query, 'base64url').toString());
  assert.deepEqual(carried.custom_rates, SCENARIO.custom_rates);

  // Reset brings back Meta's rate and the total without it.
  await page.click('#rate-india-marketing-reset');
  assert.equal(await metaTotal(page), '140.79');
  assert.equal(await page.inputValue('#rate-india-marketing'), '0.0118');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a card chosen as a file loads whole, or not at all', async () => {
  const { page, errors, context } = await open(link({ ...SCENARIO, custom_rates: [] }));
  const dir = tmpdir();
  const good = join(dir, 'wacost-card-good.csv');
  // Brazil 2000 × 0.05 = 100.00 in place of 125.00: 140.79 - 25.00.
  writeFileSync(good, 'market,category,rate\nBrazil,marketing,0.05\n');
  const bad = join(dir, 'wacost-card-bad.csv');
  writeFileSync(bad, 'market,category,rate\nIndia,marketing,0.03\nNowhere,marketing,0.01\n');
  await page.click('.load-card summary');
  await page.setInputFiles('#card-file', good);
  await page.waitForFunction(() => document.querySelector('[data-wacost="meta-total"]').dataset.value === '115.79');
  await page.setInputFiles('#card-file', bad);
  await page.waitForSelector('[data-wacost="card-error"]');
  assert.match(await page.innerText('[data-wacost="card-error"]'), /Line 3: “Nowhere” is not a market of Meta's table\./);
  assert.equal(await metaTotal(page), '115.79');
  assert.equal(await page.inputValue('#rate-india-marketing'), '0.0118');
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots of the rate editor at desktop and phone width', async () => {
  for (const [name, width] of [['desktop', 1280], ['phone', 375]]) {
    const { page, errors, context } = await open(link(SCENARIO), { width, height: 900 });
    await page.fill('#rate-brazil-marketing', '0,05');
    await page.click('.load-card summary');
    const editor = page.locator('[data-wacost="rates"]');
    await editor.scrollIntoViewIfNeeded();
    await editor.screenshot({ path: join(SCREENSHOTS, `rates-${name}.png`) });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width}px`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
