// End to end: the embeddable widget on a third-party page (examples/host.html).
// Needs the widget build: scripts/build-widget.sh. Run: node --test tests/e2e/widget.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

let server;
let browser;
let site;

before(async () => {
  assert.ok(existsSync(join(ROOT, 'dist/widget/wacost-widget.js')), 'run scripts/build-widget.sh first');
  await mkdir(SCREENSHOTS, { recursive: true });
  // A copy of the widget build and the examples, laid out as in the repository (host.html
  // loads ../dist/widget/wacost-widget.js), so a concurrent `trunk build` emptying dist/
  // cannot pull the files away mid-test.
  site = await mkdtemp(join(tmpdir(), 'wacost-widget-e2e-'));
  await cp(join(ROOT, 'dist/widget'), join(site, 'dist/widget'), { recursive: true });
  await cp(join(ROOT, 'examples'), join(site, 'examples'), { recursive: true });
  server = await serve(site);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

// The one console error the page should log: the deliberately misconfigured third widget.
const EXPECTED_ERROR = /wacost widget: bad settings/;

async function openHost(viewport = { width: 1100, height: 1300 }) {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page);
  await page.goto(`${server.url}/examples/host.html`);
  await page.waitForFunction(() => window.estimates && new Set(window.estimates.map((e) => e.id)).size === 2);
  return { page, errors, unexpected: () => errors.filter((e) => !EXPECTED_ERROR.test(e)) };
}

const figure = (page, id, name) => page.locator(`#${id} [data-figure="${name}"]`).textContent();
const eventsOf = (page, id) => page.evaluate((id) => window.estimates.filter((e) => e.id === id), id);

test('both widgets render their own estimate from the core', async () => {
  const { page, unexpected } = await openHost();
  // IN, BR, GB x (1,000 marketing + 1,000 utility) on the 2026-10-01 USD card = 168.00;
  // 6,000 charged messages x 0.005 = 30.00.
  const [w1] = await eventsOf(page, 'w1');
  assert.equal(w1.detail.meta_total, '168.00');
  assert.equal(w1.detail.bsp_fees, '30.00');
  assert.equal(w1.total, '198.00');
  assert.equal(w1.detail.rules, 'pmp-2026-10');
  assert.equal(await figure(page, 'w1', 'total'), 'USD 198.00');
  // ZA + NG: Meta 105.70, markup 10% = 10.57 plus 49 monthly; shown the French way.
  const [w2] = await eventsOf(page, 'w2');
  assert.equal(w2.total, '165.27');
  assert.equal(await figure(page, 'w2', 'total'), '165,27\u00a0USD');
  assert.equal(await figure(page, 'w2', 'bsp_fees'), '59,57\u00a0USD');
  assert.equal(await page.locator('#w2 .title').textContent(), 'Estimation du coût WhatsApp');
  assert.deepEqual(await page.locator('#w1 .breakdown th').allTextContents(), ['Brazil (BR)', 'India (IN)', 'United Kingdom (GB)']);
  assert.deepEqual(unexpected(), []);
  await page.close();
});

test('changing an input fires wacost:estimate with the exact total, and only that widget changes', async () => {
  const { page, unexpected } = await openHost();
  const w2Before = await page.locator('#w2 .w').innerHTML();
  const w2Events = (await eventsOf(page, 'w2')).length;
  // 8,000 more marketing messages to India: + 8,000 x (0.0118 + 0.005) = 134.40.
  await page.locator('#w1 input[name="IN.marketing"]').fill('9000');
  await page.waitForFunction(() => window.estimates.filter((e) => e.id === 'w1').length === 2);
  const latest = (await eventsOf(page, 'w1')).at(-1);
  assert.equal(latest.total, '332.40');
  assert.equal(latest.detail.meta_total, '262.40');
  assert.equal(latest.detail.markets.find((m) => m.market === 'India').amount, '107.60'); // 9,000 x 0.0118 + 1,000 x 0.0014
  assert.equal(await figure(page, 'w1', 'total'), 'USD 332.40');
  // The event bubbles out of the shadow root and is composed: target is the host element.
  assert.equal(await page.evaluate(() => window.estimates.at(-1).id), 'w1');

  // A bad count is shown next to the problem, and no estimate is sent for it.
  await page.locator('#w1 input[name="BR.utility"]').fill('12.5');
  await page.locator('#w1 .problems').waitFor();
  assert.match(await page.locator('#w1 .problems').textContent(), /BR · Utility: must be a whole number >= 0, got "12.5"/);
  assert.equal(await page.locator('#w1 input[name="BR.utility"]').getAttribute('aria-invalid'), 'true');
  assert.equal((await eventsOf(page, 'w1')).length, 2);
  await page.locator('#w1 input[name="BR.utility"]').fill('1000');
  await page.waitForFunction(() => window.estimates.filter((e) => e.id === 'w1').length === 3);
  assert.equal((await eventsOf(page, 'w1')).at(-1).total, '332.40');

  // The other widget did not move.
  assert.equal((await eventsOf(page, 'w2')).length, w2Events);
  assert.equal(await page.locator('#w2 .w').innerHTML(), w2Before);
  assert.equal(await page.locator('#w2 input[name="ZA.marketing"]').inputValue(), '1000');
  assert.deepEqual(unexpected(), []);
  await page.close();
});

const HOST_PROBES = {
  '#intro': ['color', 'padding-top', 'border-top-width', 'border-top-style', 'border-top-color', 'font-family', 'font-size', 'background-color', 'border-top-left-radius'],
  'header': ['color', 'background-color', 'padding-left', 'font-family'],
  'h2': ['color', 'font-size', 'text-transform'],
  'body': ['margin-top', 'font-family', 'background-color', 'line-height'],
  '#mount': ['border-top-style', 'background-color', 'font-family'],
};

async function hostStyles(page) {
  return page.evaluate((probes) => Object.fromEntries(Object.entries(probes).map(([sel, props]) => {
    const style = getComputedStyle(document.querySelector(sel));
    return [sel, Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]))];
  })), HOST_PROBES);
}

test('the host page keeps its styles and none of them reach into the widgets', async () => {
  // Before: the same page with the widget script refused.
  const bare = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
  await bare.route('**/wacost-widget.js*', (route) => route.abort());
  await bare.goto(`${server.url}/examples/host.html`);
  const before = await hostStyles(bare);
  assert.equal(before['#intro'].color, 'rgb(200, 0, 0)');
  await bare.close();

  const { page, unexpected } = await openHost();
  assert.deepEqual(await hostStyles(page), before);
  // Nothing of the host's `div`, `h2`, `input`, `table` or `.title/.total/.w` rules applies inside.
  const inside = await page.evaluate(() => {
    const root = document.querySelector('#w1').shadowRoot;
    const style = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      w: style('.w').color, title: style('.title').color, titleSize: style('.title').fontSize,
      titleCase: style('.title').textTransform, input: style('input').borderTopStyle,
      inputBg: style('input').backgroundColor, cell: style('.breakdown td').borderTopStyle,
      row: style('.row').color, font: style('.w').fontFamily,
    };
  });
  assert.equal(inside.w, 'rgb(31, 35, 40)');
  assert.equal(inside.title, 'rgb(31, 35, 40)');
  assert.notEqual(inside.titleSize, '30px');
  assert.notEqual(inside.titleSize, '40px');
  assert.equal(inside.titleCase, 'none');
  assert.equal(inside.input, 'solid');
  assert.equal(inside.inputBg, 'rgb(255, 255, 255)');
  assert.equal(inside.cell, 'none');
  assert.equal(inside.row, 'rgb(31, 35, 40)');
  assert.match(inside.font, /system-ui/);
  // The host themes widget 2 through the custom properties, which do inherit inward.
  const themed = await page.evaluate(() => {
    const root = document.querySelector('#w2').shadowRoot;
    return {
      total: getComputedStyle(root.querySelector('.total dd')).color,
      radius: getComputedStyle(root.querySelector('.w')).borderTopLeftRadius,
      font: getComputedStyle(root.querySelector('.w')).fontFamily,
    };
  });
  assert.deepEqual(themed, { total: 'rgb(124, 58, 237)', radius: '0px', font: 'Georgia, serif' });
  assert.deepEqual(unexpected(), []);
  await page.close();
});

test('a misconfigured widget says what is wrong, on the page and in the console', async () => {
  const { page, errors } = await openHost();
  const text = await page.locator('#w3 .problems').textContent();
  assert.match(text, /This calculator is set up wrongly:/);
  assert.match(text, /data-lang: "de" is not a supported language; use en, fr, es or pt-BR/);
  assert.match(text, /data-colour: unknown setting; the widget reads data-countries, data-currency/);
  assert.equal(errors.filter((e) => EXPECTED_ERROR.test(e)).length, 1);
  assert.match(errors.find((e) => EXPECTED_ERROR.test(e)), /data-colour/);
  await page.close();
});

test('window.wacost.mount creates a widget and destroy() removes it', async () => {
  const { page, unexpected } = await openHost();
  await page.locator('#mount').click();
  await page.waitForFunction(() => window.estimates.some((e) => e.id === 'dyn'));
  // MX: 1,000 marketing x 0.0397 + 1,000 utility x 0.0085 = 48.20, + 10 per phone number.
  const [dyn] = await eventsOf(page, 'dyn');
  assert.equal(dyn.total, '58.20');
  assert.equal(await figure(page, 'dyn', 'total'), '58,20\u00a0USD');
  assert.equal(await page.locator('#dyn .title').textContent(), 'Estimación del coste de WhatsApp');

  await page.locator('#destroy').click();
  assert.equal(await page.evaluate(() => document.querySelector('#dyn').shadowRoot.childElementCount), 0);
  assert.equal(await page.evaluate(() => handle.mounted), false);
  // The other widgets live on.
  await page.locator('#w1 input[name="GB.utility"]').fill('0');
  await page.waitForFunction(() => window.estimates.filter((e) => e.id === 'w1').length === 2);
  assert.equal((await eventsOf(page, 'w1')).at(-1).total, '171.00'); // 198 - 1,000 x (0.022 + 0.005)

  // Script config errors are named by their keys; a non-element is a TypeError.
  const result = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.append(el);
    const h = wacost.mount(el, { countries: 'IN', colour: 'red' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // Yew renders on its scheduler
    const shown = el.shadowRoot.querySelector('.problems').textContent;
    h.destroy();
    let thrown = null;
    try { wacost.mount('#w1', {}); } catch (e) { thrown = `${e.name}: ${e.message}`; }
    return { shown, thrown, empty: el.shadowRoot.childElementCount };
  });
  assert.match(result.shown, /colour: unknown setting; the widget reads countries, currency/);
  assert.equal(result.thrown, 'TypeError: wacost.mount: the first argument must be a DOM element');
  assert.equal(result.empty, 0);
  assert.deepEqual(unexpected().filter((e) => !/colour: unknown setting/.test(e)), []);
  await page.close();
});

test('screenshots: desktop and 320 px wide, no horizontal overflow at 320 px', async () => {
  const desktop = await openHost();
  await desktop.page.screenshot({ path: join(SCREENSHOTS, 'widget-desktop.png'), fullPage: true });
  await desktop.page.close();

  const narrow = await openHost({ width: 320, height: 900 });
  const widths = await narrow.page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    w1: document.querySelector('#w1').getBoundingClientRect().width,
    inner: document.querySelector('#w1').shadowRoot.querySelector('.w').scrollWidth,
  }));
  assert.ok(widths.page <= 320, `page scrolls sideways: ${JSON.stringify(widths)}`);
  assert.ok(widths.inner <= widths.w1, `widget content overflows: ${JSON.stringify(widths)}`);
  await narrow.page.locator('#w1').screenshot({ path: join(SCREENSHOTS, 'widget-320.png') });
  assert.deepEqual(narrow.unexpected(), []);
  await narrow.page.close();
});
