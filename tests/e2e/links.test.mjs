// End-to-end: links, reloads and the kept sheet on the built site (dist/). A link opens as
// typed, with its bad values marked; the address bar keeps it until the user changes
// something; the language travels in the link; the last sheet is offered back on a visit
// without a link, never over one; storage that fails does not break the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBuiltSite, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');

// The two-line link of site.test.mjs (Meta total 140.79) and five lines with one count
// that is no whole number.
const TWO_LINES = {
  month: '2026-11', currency: 'USD',
  lines: [
    { country: 'IN', marketing: 1000, utility: 500, authentication: 0, service: 3350 },
    { country: 'BR', marketing: 2000 },
  ],
};
const FIVE_LINES = {
  month: '2026-11', currency: 'USD',
  lines: [
    ...TWO_LINES.lines,
    { country: 'GB', marketing: '12.5' },
    { country: 'MX', utility: 200 },
    { market: 'Rest of Africa', marketing: 8000 },
  ],
};
const link = (scenario) => `/?scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
const decoded = (url) => JSON.parse(Buffer.from(new URL(url).searchParams.get('scenario'), 'base64url').toString());

const site = useBuiltSite(DIST, ['index.html']);

async function context({ width = 1280, height = 900, locale = 'en-US', init } = {}) {
  const ctx = await site.browser.newContext({ viewport: { width, height }, locale });
  if (init) await ctx.addInitScript(init);
  return ctx;
}

/** Opens `path` in `ctx` and waits for the sheet; resolves to { page, errors }. */
async function open(ctx, path) {
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.url + path);
  await page.waitForSelector('#sheet-title');
  await page.waitForSelector('.sheet tbody tr');
  return { page, errors };
}

const rows = (page) => page.locator('.sheet tbody tr:not(.cell-errors)').count();

test('a link with a bad value opens as typed, and the address is left as it came', async () => {
  for (const width of [1280, 375]) {
    const ctx = await context({ width, height: width === 375 ? 812 : 900 });
    const path = link(FIVE_LINES);
    const { page, errors } = await open(ctx, path);
    assert.equal(await rows(page), 5);
    assert.equal(await page.inputValue('#cell-2-marketing'), '12.5');
    assert.equal(await page.getAttribute('#cell-2-marketing', 'aria-invalid'), 'true');
    assert.equal(await page.textContent('#cell-2-marketing-error'), '“12.5” is not a whole number: “.” marks decimals.');
    assert.equal(await page.inputValue('#cell-4-marketing'), '8000');
    assert.equal(await page.locator('[data-wacost="notice"]').count(), 0);
    assert.equal(await page.locator('[data-wacost="restore"]').count(), 0);
    // Give any late rewrite a chance to happen: there must be none.
    await page.waitForTimeout(300);
    assert.equal(page.url(), site.server.url + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    await page.screenshot({ path: join(SCREENSHOTS, `links-bad-value-${width}.png`), fullPage: true });
    // Correcting it prices the five lines and only then does the address follow the sheet.
    await page.fill('#cell-2-marketing', '1500');
    await page.waitForSelector('[data-wacost="meta-total"][data-value="417.74"]');
    await page.waitForURL(/\?lang=en&scenario=/);
    assert.equal(decoded(page.url()).lines[2].marketing, 1500);
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

test('typing 12.5 and reloading brings back the text and its error', async () => {
  const ctx = await context();
  const { page, errors } = await open(ctx, link(TWO_LINES));
  await page.fill('#cell-0-utility', '12.5');
  await page.waitForSelector('#cell-0-utility-error');
  await page.waitForURL(/\?lang=en&scenario=/);
  await page.reload();
  await page.waitForSelector('#cell-0-utility-error');
  assert.equal(await page.inputValue('#cell-0-utility'), '12.5');
  assert.equal(await page.textContent('#cell-0-utility-error'), '“12.5” is not a whole number: “.” marks decimals.');
  assert.equal(await rows(page), 2);
  assert.equal(await page.locator('[data-wacost="notice"]').count(), 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the language travels in the link and survives a reload', async () => {
  const ctx = await context();
  const { page, errors } = await open(ctx, '/?lang=fr');
  assert.equal(await page.textContent('#results-title'), 'Estimation');
  await page.reload();
  await page.waitForSelector('#results-title');
  assert.equal(await page.textContent('#results-title'), 'Estimation');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  // Chosen on the page: the address takes it, the scenario of the link is kept as written.
  const path = link(TWO_LINES);
  const second = await open(ctx, path);
  await second.page.selectOption('#lang-select', 'es');
  await second.page.waitForURL(/\?lang=es&scenario=/);
  assert.equal(second.page.url(), `${site.server.url}/?lang=es&${path.slice(2)}`);
  await second.page.reload();
  await second.page.waitForSelector('[data-wacost="meta-total"][data-value="140.79"]');
  assert.equal(await second.page.textContent('#results-title'), 'Estimación');
  // A language in the link wins over the browser's.
  const french = await context({ locale: 'fr-FR' });
  const english = await open(french, `/?lang=en&${path.slice(2)}`);
  assert.equal(await english.page.textContent('#results-title'), 'Estimate');
  assert.deepEqual([...errors, ...second.errors, ...english.errors], []);
  await french.close();
  await ctx.close();
});

test('the last sheet is offered back on a visit without a link, and restored on request', async () => {
  for (const width of [1280, 375]) {
    const ctx = await context({ width, height: width === 375 ? 812 : 900 });
    const first = await open(ctx, '/');
    assert.equal(await first.page.locator('[data-wacost="restore"]').count(), 0);
    await first.page.fill('#cell-1-service', '4321');
    await first.page.waitForURL(/scenario=/);
    await first.page.close();

    const { page, errors } = await open(ctx, '/');
    const offer = page.locator('[data-wacost="restore"]');
    await offer.waitFor();
    assert.match(await offer.textContent(), /Your last sheet is kept in this browser\./);
    // Offered, not applied: the sheet on screen is the default one.
    assert.equal(await page.inputValue('#cell-1-service'), '1500');
    assert.equal(page.url(), `${site.server.url}/`);
    await page.screenshot({ path: join(SCREENSHOTS, `links-restore-${width}.png`), fullPage: false });
    await page.click('text=Restore your last sheet');
    assert.equal(await page.inputValue('#cell-1-service'), '4321');
    assert.equal(await offer.count(), 0);
    await page.waitForURL(/scenario=/);
    assert.equal(decoded(page.url()).lines[1].service, 4321);

    // Dismissed, the offer goes and the sheet stays.
    const again = await open(ctx, '/');
    await again.page.locator('[data-wacost="restore"]').waitFor();
    await again.page.click('[data-wacost="restore"] >> text=Dismiss');
    assert.equal(await again.page.locator('[data-wacost="restore"]').count(), 0);
    assert.equal(await again.page.inputValue('#cell-1-service'), '1500');
    assert.deepEqual([...first.errors, ...errors, ...again.errors], []);
    await ctx.close();
  }
});

test('opening a link never shows the restore offer over it', async () => {
  const ctx = await context();
  const first = await open(ctx, '/');
  await first.page.fill('#cell-0-marketing', '777');
  await first.page.waitForURL(/scenario=/);
  for (const path of [link(TWO_LINES), link(FIVE_LINES), '/?scenario=%25%25%25', '/?lang=fr&scenario=bm90IGpzb24']) {
    const { page, errors } = await open(ctx, path);
    await page.waitForTimeout(200);
    assert.equal(await page.locator('[data-wacost="restore"]').count(), 0, path);
    assert.equal(page.url(), site.server.url + path);
    assert.deepEqual(errors, []);
  }
  await ctx.close();
});

test('a link that is not a scenario falls back and offers its text to copy', async () => {
  for (const width of [1280, 375]) {
    const ctx = await context({ width, height: width === 375 ? 812 : 900 });
    const { page, errors } = await open(ctx, '/?scenario=bm90IGpzb24');
    const notice = page.locator('[data-wacost="notice"]');
    assert.match(await notice.textContent(), /This link could not be opened.*The scenario in the link is not valid JSON \(line 1, column 2\)\./);
    assert.equal(await page.inputValue('[data-wacost="link-text"]'), 'not json');
    assert.ok(await page.locator('[data-wacost="link-text"]').evaluate((t) => t.readOnly));
    assert.equal(await rows(page), 3);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    await page.screenshot({ path: join(SCREENSHOTS, `links-not-json-${width}.png`) });
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

test('what the sheet cannot edit is kept, shown at its row and sent back', async () => {
  const scenario = {
    month: '2026-11',
    lines: [{ country: 'IN', marketting: 5, marketing: 10 }, 7, { country: 'BR', marketing: 20 }],
  };
  for (const width of [1280, 375]) {
    const ctx = await context({ width, height: width === 375 ? 812 : 900 });
    const { page, errors } = await open(ctx, link(scenario));
    assert.equal(await rows(page), 3);
    assert.match(await page.textContent('.sheet tbody tr:nth-child(1) th'),
      /marketting: Unknown field \(the known ones: country, market, marketing, utility, authentication, service\)\./);
    assert.match(await page.textContent('.sheet tbody tr:nth-child(2)'), /Expected a JSON object, not “7”\./);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    await page.screenshot({ path: join(SCREENSHOTS, `links-kept-fields-${width}.png`) });
    // A change elsewhere sends both back unchanged.
    await page.fill('#cell-2-utility', '3');
    await page.waitForURL(/\?lang=en&scenario=/);
    const sent = decoded(page.url());
    assert.deepEqual(sent.lines[0], { country: 'IN', marketing: 10, marketting: 5 });
    assert.equal(sent.lines[1], 7);
    assert.deepEqual(sent.lines[2], { country: 'BR', marketing: 20, utility: 3 });
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});

test('storage that is refused or full does not break the page', async () => {
  const refuse = () => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  };
  const full = () => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  };
  for (const init of [refuse, full]) {
    const ctx = await context({ init });
    const { page, errors } = await open(ctx, link(TWO_LINES));
    await page.fill('#cell-1-marketing', '2100');
    // BR 100 more marketing × 0.0625 = 6.25.
    await page.waitForSelector('[data-wacost="meta-total"][data-value="147.04"]');
    await page.waitForURL(/\?lang=en&scenario=/);
    const bare = await open(ctx, '/');
    assert.equal(await bare.page.locator('[data-wacost="restore"]').count(), 0);
    assert.deepEqual([...errors, ...bare.errors], [], init.name);
    await ctx.close();
  }
});
