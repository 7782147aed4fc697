// End-to-end: old versus new on the built site. The answer under the totals, each model on the
// card of its time with exact figures, "Same card for all" in the address as ?cards=same, and
// "What changed between two cards" fetched as its own module only when opened. Screenshots at
// 1280 and 375 px (light and dark) for a person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBuiltSite, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

// India and Brazil in November 2026: 140.79 on the USD 2026-10-01 card; 137.50 under the rules
// before 1 October 2026 on their own 2026-07-01 card; 2,350 service messages × 0.0014 = 3.29.
const SCENARIO = {
  month: '2026-11', currency: 'USD',
  lines: [
    { country: 'IN', marketing: 1000, utility: 500, authentication: 0, service: 3350 },
    { country: 'BR', marketing: 2000 },
  ],
};
const link = (scenario) => `/?scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
const site = useBuiltSite(join(ROOT, 'dist'), ['index.html']);

async function open(path, { width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, colorScheme, locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(site.server.url + path);
  await page.waitForSelector('[data-wacost="answer"]');
  return { page, errors, context, fetched };
}

const model = (rules) => `[data-wacost="model-total"][data-rules="${rules}"]`;

test('the answer comes first, each model on the card of its time, same card as an option in the link', async () => {
  const { page, errors, context, fetched } = await open(link(SCENARIO));
  assert.equal(await page.getAttribute('[data-wacost="answer"]', 'data-value'), '3.29');
  assert.equal(
    (await page.textContent('.answer-sentence')).replace(/\u00a0/g, ' '),
    'This month costs $3.29 more than under the rules before 1 October 2026 (Per message, Jul 2025 – Sep 2026).');
  // Above the fold at 1280 × 900.
  const box = await page.locator('[data-wacost="answer"]').boundingBox();
  assert.ok(box.y + box.height <= 900, `the answer ends at ${box.y + box.height}px`);
  assert.equal(await page.getAttribute(model('cbp-2023-06'), 'data-value'), '145.80');
  assert.equal(await page.getAttribute(model('cbp-2023-06'), 'data-rate-card'), '2024-10-01');
  assert.equal(await page.getAttribute(model('cbp-2022-02'), 'data-value'), '105.2986');
  assert.equal(await page.getAttribute(model('pmp-2026-10'), 'data-value'), '140.79');
  assert.match(await page.textContent('tr[data-rules="mx-2021-02"]'), /Cannot be priced: the test priced conversations to Mexico only/);
  // The card diff view is not part of the first load.
  assert.ok(!fetched.some((p) => p.includes('card_diff')), fetched.join(' '));
  await page.screenshot({ path: join(SCREENSHOTS, 'compare-1280.png'), fullPage: true });
  await page.locator('.compare').screenshot({ path: join(SCREENSHOTS, 'compare-1280-models.png') });

  await page.click('#cards-same');
  await page.waitForSelector(`${model('cbp-2023-06')}[data-rate-card="2026-10-01"]`);
  assert.equal(await page.getAttribute(model('cbp-2023-06'), 'data-value'), '140.79');
  assert.ok(page.url().endsWith('&cards=same'), page.url());
  // A reload keeps the mode.
  await page.reload();
  await page.waitForSelector(`${model('cbp-2023-06')}[data-rate-card="2026-10-01"]`);
  assert.ok(await page.isChecked('#cards-same'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('what changed between two cards loads on demand', async () => {
  const { page, errors, context, fetched } = await open(link(SCENARIO));
  await page.click('[data-carddiff="open"]');
  await page.waitForSelector('[data-carddiff="rates"]');
  assert.ok(fetched.some((p) => p.endsWith('/card_diff_bg.wasm')), fetched.join(' '));
  assert.equal(await page.inputValue('#carddiff-old'), '2026-07-01');
  assert.equal(await page.inputValue('#carddiff-new'), '2026-10-01');
  assert.equal(await page.locator('[data-carddiff="rates"] tbody tr').count(), 94);
  assert.match(await page.textContent('[data-carddiff="markets-added"]'), /Bangladesh, split from Rest of Asia Pacific/);
  await page.selectOption('#carddiff-old', '2026-04-01');
  await page.selectOption('#carddiff-new', '2026-07-01');
  await page.waitForSelector('[data-carddiff="rates"] tbody tr');
  await page.locator('[data-carddiff="view"]').screenshot({ path: join(SCREENSHOTS, 'carddiff-1280.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('old versus new fits a 375 px phone in light and dark mode', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors, context } = await open(link(SCENARIO), { width: 375, height: 812, colorScheme });
    assert.equal(await page.getAttribute('[data-wacost="answer"]', 'data-value'), '3.29');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: join(SCREENSHOTS, `compare-375-${colorScheme}.png`), fullPage: true });
    // The two parts at full scale, to be looked at.
    await page.locator('.results').screenshot({ path: join(SCREENSHOTS, `compare-375-${colorScheme}-answer.png`) });
    await page.locator('.compare').screenshot({ path: join(SCREENSHOTS, `compare-375-${colorScheme}-models.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the models table fits a 375 px phone in French, Spanish and Portuguese too', async () => {
  for (const [lang, colorScheme] of [['fr', 'dark'], ['es', 'light'], ['pt-BR', 'light']]) {
    const { page, errors, context } = await open(link(SCENARIO) + `&lang=${lang}`, { width: 375, height: 812, colorScheme });
    await page.waitForSelector('.compare table');
    const [scroll, client] = await page.evaluate(() => {
      const box = document.querySelector('.compare .table-scroll');
      return [box.scrollWidth, box.clientWidth];
    });
    assert.ok(scroll <= client, `${lang}: the models table is ${scroll - client}px wider than its box`);
    await page.locator('.compare .table-scroll').screenshot({ path: join(SCREENSHOTS, `compare-375-${lang}-${colorScheme}-models.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
