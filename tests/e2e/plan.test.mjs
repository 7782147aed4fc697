// End-to-end: "Plan a year" on the Trunk release build (dist/, or WACOST_DIST). The view is
// a module of its own, fetched only when opened; a growth typed into it gives a month whose
// total equals the page's own estimate of that month's sheet (opened as a link with the grown
// counts worked out by hand); the budget and the savings answer; Meta's analytics of two months
// are imported for the chosen month, confirmed, and undone, the user's sheet coming back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBuiltSite, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

const DIST = process.env.WACOST_DIST ?? join(ROOT, 'dist');
const site = useBuiltSite(DIST, ['index.html', 'plan_view.js', 'plan_view_bg.wasm']);
const link = (scenario) => `/?scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;

// July 2026: pmp-2025-07 (service free); October 2026 brings pmp-2026-10.
const SHEET = {
  month: '2026-07', currency: 'USD', entry_point: '0.05',
  lines: [{ country: 'IN', marketing: 1000, utility: 500, service: 3350 }, { country: 'BR', marketing: 2000 }],
};

async function open(path, { width = 1280, height = 900, locale = 'en-US', dark = false } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height }, locale, colorScheme: dark ? 'dark' : 'light' });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url().split('/').pop()); });
  await page.goto(site.server.url + path);
  await page.waitForSelector('[data-wacost="total"]');
  return { page, errors, context, wasm };
}

async function openPlan(page) {
  await page.click('[data-plan="open"]');
  await page.waitForSelector('[data-plan="view"]');
}

const valueOf = (page, selector) => page.locator(`${selector} [data-value]`).first().getAttribute('data-value');

test('the view is fetched only when opened, and a grown month equals the estimate of its sheet', async () => {
  const { page, errors, context, wasm } = await open(link(SHEET));
  assert.ok(!wasm.some((w) => w.startsWith('plan_view')), `first load fetched ${wasm}`);
  await openPlan(page);
  assert.ok(wasm.includes('plan_view_bg.wasm'), `${wasm}`);
  await page.fill('#plan-months', '6');
  await page.waitForSelector('tr[data-month="2026-12"]');
  const flat = await valueOf(page, 'tr[data-month="2026-10"] [data-plan="total"]');
  await page.fill('#plan-growth', '10');
  await page.waitForFunction((flat) => document.querySelector('tr[data-month="2026-10"] [data-plan="total"] [data-value]').getAttribute('data-value') !== flat, flat);
  const october = await valueOf(page, 'tr[data-month="2026-10"] [data-plan="total"]');
  // Month 3 at 10 % a month: × 1.331, rounded half up once. IN marketing 1331, utility
  // 665.5 → 666, service 4458.85 → 4459; BR marketing 2662.
  const grown = {
    ...SHEET, month: '2026-10',
    lines: [{ country: 'IN', marketing: 1331, utility: 666, service: 4459 }, { country: 'BR', marketing: 2662 }],
  };
  const other = await open(link(grown));
  assert.equal(await other.page.getAttribute('[data-wacost="total"]', 'data-value'), october);
  await other.context.close();
  assert.match(await page.textContent('[data-plan="reasons"] li[data-month="2026-10"]'), /The pmp-2026-10 rules replace pmp-2025-07/);
  await page.locator('[data-plan="view"]').screenshot({ path: join(SCREENSHOTS, 'plan-1280.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('budget and savings at 375 px, in Portuguese, and in dark mode', async () => {
  const { page, errors, context } = await open(link(SHEET) + '&lang=pt-BR', { width: 375, height: 800, locale: 'pt-BR', dark: true });
  await openPlan(page);
  await page.fill('#plan-growth', '3');
  await page.fill('#budget-destination', 'IN');
  await page.fill('#budget-amount', '200');
  const answer = page.locator('[data-plan="budget-answer"]');
  await answer.waitFor();
  // 200 − 137.50 already spent (IN 11.80 + 0.70, BR 125.00; entry points free 5 %: the core's
  // figure is read, not re-derived here) leaves room for thousands of Indian marketing messages.
  const count = Number(await answer.getAttribute('data-count'));
  assert.ok(count > 5000, `${count}`);
  assert.match(await answer.textContent(), /mensagens de marketing a mais para Índia/);
  assert.match(await page.textContent('[data-plan="savings"]'), /Mais tráfego por pontos de entrada gratuitos/);
  await page.locator('[data-plan="view"]').screenshot({ path: join(SCREENSHOTS, 'plan-375-pt-dark.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Meta analytics of two months: the chosen month is imported, confirmed, and undone', async () => {
  const { page, errors, context } = await open(link(SHEET), { width: 375, height: 800 });
  const before = await page.getAttribute('[data-wacost="total"]', 'data-value');
  await openPlan(page);
  const october = JSON.parse(readFileSync(join(ROOT, 'core/tests/data/analytics/2026-10-daily-two-numbers.json'), 'utf8'));
  const september = JSON.parse(readFileSync(join(ROOT, 'core/tests/data/analytics/2026-09-monthly-volume-only.json'), 'utf8'));
  const points = [...october.pricing_analytics.data[0].data_points, ...september.data[0].data_points];
  const file = JSON.stringify({ data: [{ data_points: points }] });
  await page.setInputFiles('#plan-import-file', { name: 'analytics.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.waitForSelector('#plan-import-month');
  assert.match(await page.textContent('[data-plan="import-problems"]'), /choose one month/);
  await page.selectOption('#plan-import-month', '2026-10');
  const imported = page.locator('[data-plan="imported"]');
  await imported.waitFor();
  assert.equal(await imported.getAttribute('data-month'), '2026-10');
  assert.match(await page.textContent('[data-plan="not-imported"]'), /AUTHENTICATION_INTERNATIONAL/);
  assert.ok(await page.locator('[data-plan="costs"]').count() === 1);
  assert.match(await page.textContent('[data-plan="import-notes"]'), /An approximation/);
  // Nothing changes before the user confirms.
  await page.click('[data-plan="replace"]');
  assert.equal(await page.getAttribute('[data-wacost="total"]', 'data-value'), before);
  await page.locator('[data-plan="import"]').screenshot({ path: join(SCREENSHOTS, 'plan-import-375.png') });
  await page.click('[data-plan="confirm"]');
  await page.waitForFunction((b) => document.querySelector('[data-wacost="total"]').getAttribute('data-value') !== b, before);
  assert.equal(await page.inputValue('#f-month'), '2026-10');
  await page.click('[data-plan="undo"]');
  await page.waitForFunction((b) => document.querySelector('[data-wacost="total"]').getAttribute('data-value') === b, before);
  assert.equal(await page.inputValue('#f-month'), '2026-07');
  assert.deepEqual(errors, []);
  await context.close();
});
