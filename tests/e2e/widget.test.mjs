// End to end: the embeddable widget on a provider's pricing page (examples/pricing.html), on a
// hostile third-party page (tests/e2e/fixtures/host.html) and far below the fold
// (tests/e2e/fixtures/lazy.html).
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
  // A copy of the widget build, the examples and the fixtures, laid out as in the repository
  // (the pages load dist/widget/wacost-widget.js by relative paths), so a concurrent
  // `trunk build` emptying dist/ cannot pull the files away mid-test.
  site = await mkdtemp(join(tmpdir(), 'wacost-widget-e2e-'));
  await cp(join(ROOT, 'dist/widget'), join(site, 'dist/widget'), { recursive: true });
  await cp(join(ROOT, 'examples'), join(site, 'examples'), { recursive: true });
  await cp(join(ROOT, 'tests/e2e/fixtures'), join(site, 'tests/e2e/fixtures'), { recursive: true });
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
  await page.goto(`${server.url}/tests/e2e/fixtures/host.html`);
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
  assert.equal(await figure(page, 'w1', 'total'), '$198.00');
  // ZA + NG: Meta 105.70, markup 10% = 10.57 plus 49 monthly; shown the French way.
  const [w2] = await eventsOf(page, 'w2');
  assert.equal(w2.total, '165.27');
  assert.equal(await figure(page, 'w2', 'total'), '165,27\u00a0$US');
  assert.equal(await figure(page, 'w2', 'bsp_fees'), '59,57\u00a0$US');
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
  assert.equal(await figure(page, 'w1', 'total'), '$332.40');
  // The event bubbles out of the shadow root and is composed: target is the host element.
  assert.equal(await page.evaluate(() => window.estimates.at(-1).id), 'w1');

  // A bad count is shown next to the problem, and no estimate is sent for it.
  await page.locator('#w1 input[name="BR.utility"]').fill('12.5');
  await page.locator('#w1 .problems').waitFor();
  assert.match(await page.locator('#w1 .problems').textContent(), /Brazil · Utility: "12.5" is not a whole number of messages/);
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

/** WCAG 2 contrast ratio of two [r, g, b] colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

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
  await bare.goto(`${server.url}/tests/e2e/fixtures/host.html`);
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
  assert.deepEqual({ radius: themed.radius, font: themed.font }, { radius: '0px', font: 'Georgia, serif' });
  // The host's violet (#7c3aed) on the dark theme is 3.06:1; as text it is lightened to 4.5:1.
  const bg = [0x11, 0x1b, 0x21];
  const violet = themed.total.match(/\d+/g).map(Number);
  assert.notDeepEqual(violet, [124, 58, 237]);
  assert.ok(contrast(violet, bg) >= 4.5 && contrast(violet, bg) < 4.8, `${themed.total}: ${contrast(violet, bg)}`);
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
  assert.equal(await figure(page, 'dyn', 'total'), '58,20\u00a0US$');
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

// --- The provider's pricing page (examples/pricing.html) -------------------------------------

const demoFigure = (page, id, name) => page.locator(`#${id} [data-figure="${name}"]`).textContent();

async function openDemo(viewport) {
  const page = await browser.newPage({ viewport });
  // The card in force: 2026-10-01 (USD), whatever day the test runs.
  await page.clock.setFixedTime(new Date('2026-11-15T12:00:00Z'));
  const errors = watchErrors(page);
  await page.goto(`${server.url}/examples/pricing.html`);
  await page.evaluate(() => {
    window.estimates = [];
    window.ctas = [];
    document.addEventListener('wacost:estimate', (e) => window.estimates.push({ id: e.target.id, total: e.detail.total }));
    document.addEventListener('wacost:cta', (e) => window.ctas.push({ id: e.target.id, detail: e.detail, prevented: e.defaultPrevented }));
  });
  await page.locator('#starter-widget [data-figure="total"]').waitFor();
  return { page, errors };
}

for (const [width, height] of [[1280, 900], [360, 740]]) {
  test(`the pricing page at ${width} px: pick a country, type, see the total, press the call-to-action`, async () => {
    const { page, errors } = await openDemo({ width, height });
    const w = '#starter-widget';
    // India 1,000 marketing + 1,000 utility: Meta 13.20; 2,000 delivered x 0.008 = 16.00.
    assert.equal(await demoFigure(page, 'starter-widget', 'total'), '$29.20');
    assert.equal(await page.locator(`${w} .totals div:nth-child(2) dt`).textContent(), 'Acme Starter fee');
    assert.equal(await page.locator(`${w} input[name="IN.marketing"]`).getAttribute('aria-label'), 'Marketing · India');

    // The visitor adds Brazil by its calling code, and types 5,000 marketing messages.
    await page.locator(`${w} input[name="add-country"]`).fill('+55');
    await page.locator(`${w} .match`, { hasText: 'Brazil (BR · +55)' }).click();
    await page.locator(`${w} input[name="BR.marketing"]`).fill('5,000');
    // Meta 13.20 + 5,000 x 0.0625 + 1,000 x 0.0068 = 332.50; 8,000 delivered x 0.008 = 64.00.
    await page.waitForFunction(() => window.estimates.some((e) => e.total === '396.50'));
    assert.equal(await demoFigure(page, 'starter-widget', 'total'), '$396.50');
    assert.equal(await demoFigure(page, 'starter-widget', 'bsp_fees'), '$64.00');
    assert.equal(await page.locator(`${w} input[name="BR.marketing"]`).getAttribute('aria-label'), 'Marketing · Brazil');
    assert.equal(await page.locator(`${w} .breakdown .rates td`).first().textContent(),
      'Marketing $0.0625 · Utility $0.0068 · Authentication $0.0068 · Service $0.0068 per message');

    // A typo keeps the last valid total, marked.
    await page.locator(`${w} input[name="BR.utility"]`).fill('1.5');
    await page.locator(`${w} .problems`).waitFor();
    assert.equal(await demoFigure(page, 'starter-widget', 'total'), '$396.50');
    assert.equal(await page.locator(`${w} .totals .total dt`).textContent(), 'Total per month (last valid total)');
    await page.locator(`${w} input[name="BR.utility"]`).fill('1000');
    await page.locator(`${w} .problems`).waitFor({ state: 'detached' });

    // The call-to-action sends the scenario; the page prefills its sign-up form with it.
    await page.locator(`${w} .cta`).click();
    const [cta] = await page.evaluate(() => window.ctas);
    assert.equal(cta.id, 'starter-widget');
    assert.deepEqual(cta.detail.scenario.lines, [
      { country: 'IN', marketing: 1000, utility: 1000, authentication: 0, service: 0 },
      { country: 'BR', marketing: 5000, utility: 1000, authentication: 0, service: 0 },
    ]);
    assert.deepEqual(cta.detail.scenario.bsp, { per_message: '0.008', per_message_on: 'delivered' });
    assert.equal(cta.detail.estimate.total, '396.50');
    assert.equal(await page.inputValue('.signup [name="plan"]'), 'Starter');
    assert.equal(await page.inputValue('.signup [name="estimate"]'), 'IN: 1000 / 1000 / 0 / 0\nBR: 5000 / 1000 / 0 / 0\nTotal 396.50 USD a month');
    assert.equal(new URL(page.url()).hash, '#signup');
    // The same scenario, read from the element.
    const read = await page.evaluate(() => document.querySelector('#starter-widget').wacostScenario());
    assert.deepEqual(read, cta.detail.scenario);

    // The second plan's widget, dark, with the provider's coral made readable on navy.
    await page.locator('#scale-widget').scrollIntoViewIfNeeded();
    await page.locator('#scale-widget [data-figure="total"]').waitFor();
    // BR 69.30 + MX 48.20 = 117.50; 4,000 charged x 0.003 = 12.00 + 199 monthly.
    assert.equal(await demoFigure(page, 'scale-widget', 'total'), '$328.50');

    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widget: document.querySelector('#starter-widget').getBoundingClientRect().width,
      inner: document.querySelector('#starter-widget').shadowRoot.querySelector('.w').scrollWidth,
    }));
    assert.ok(widths.page <= width, `page scrolls sideways: ${JSON.stringify(widths)}`);
    assert.ok(widths.inner <= widths.widget, `widget content overflows: ${JSON.stringify(widths)}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, `widget-demo-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a French visitor searches countries by their French names', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(`${server.url}/tests/e2e/fixtures/lazy.html`);
  const result = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.prepend(el);
    wacost.mount(el, { countries: '*', lang: 'fr', month: '2026-11' });
    await wacost.ready;
    await new Promise((r) => setTimeout(r, 100));
    const root = el.shadowRoot;
    const input = root.querySelector('input[name="add-country"]');
    input.value = 'allem';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 100));
    return {
      row: root.querySelector('.row .name').textContent,
      label: root.querySelector('input[name="IN.utility"]').getAttribute('aria-label'),
      matches: [...root.querySelectorAll('.match')].map((b) => b.textContent),
    };
  });
  assert.deepEqual(result, { row: 'Inde', label: 'Utilitaire · Inde', matches: ['Allemagne (DE · +49)'] });
  await page.close();
});

// --- Lazy loading (tests/e2e/fixtures/lazy.html: a widget 3,000 px down) ---------------------

test('nothing but the loader is fetched until the widget nears the viewport', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/tests/e2e/fixtures/lazy.html`);
  await page.waitForTimeout(600);
  const widget = fetched.filter((p) => p.includes('/dist/widget/'));
  assert.deepEqual(widget, ['/dist/widget/wacost-widget.js']);
  // The placeholder holds the widget's place meanwhile.
  const placeholder = await page.evaluate(() =>
    document.querySelector('#far').shadowRoot.querySelector('[data-wacost-placeholder]').getBoundingClientRect().height);

  // Scrolled straight to it: loaded, compiled and rendered from nothing.
  const shown = await page.evaluate(() => new Promise((resolve) => {
    const start = performance.now();
    document.addEventListener('wacost:estimate', () => resolve(performance.now() - start), { once: true });
    document.querySelector('#far').scrollIntoView();
  }));
  // The calculator and the cards of its currency only, under content-hashed names.
  const after = fetched.filter((p) => p.includes('/dist/widget/')).slice(1).sort();
  assert.equal(after.length, 3, after.join(' '));
  assert.match(after[0], /\/wacost-data-USD-[0-9a-f]{16}\.csv$/);
  assert.match(after[1], /\/wacost-widget-app\.[0-9a-f]{12}\.js$/);
  assert.match(after[2], /\/wacost-widget\.[0-9a-f]{12}\.wasm$/);
  const final = await page.evaluate(() => document.querySelector('#far').getBoundingClientRect().height);
  console.log(`widget: placeholder ${placeholder} px, rendered ${final} px; ${shown.toFixed(0)} ms from scrolled into view to the first estimate`);
  assert.ok(Math.abs(placeholder - final) / final < 0.1, `placeholder ${placeholder} px for a ${final} px widget`);
  // A 360 px widget with the country picker, rates and a call-to-action, further down.
  const narrow = await page.evaluate(() => document.querySelector('#narrow').getBoundingClientRect().height);
  await page.locator('#narrow').scrollIntoViewIfNeeded();
  await page.locator('#narrow [data-figure="total"]').waitFor();
  const narrowFinal = await page.evaluate(() => document.querySelector('#narrow').getBoundingClientRect().height);
  console.log(`widget at 360 px: placeholder ${narrow} px, rendered ${narrowFinal} px`);
  assert.ok(Math.abs(narrow - narrowFinal) / narrowFinal < 0.1, `placeholder ${narrow} px for a ${narrowFinal} px widget`);
  assert.ok(shown < 1500, `${shown} ms`);
  assert.equal((await page.evaluate(() => window.estimates))[0].total, '198.00');
  await page.close();
});

test('a visitor scrolling down finds the widget ready within 300 ms of it becoming visible', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/tests/e2e/fixtures/lazy.html`);
  const visibleFor = await page.evaluate(() => new Promise((resolve) => {
    const far = document.querySelector('#far');
    let visibleAt = null;
    new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && visibleAt === null) visibleAt = performance.now();
    }).observe(far);
    document.addEventListener('wacost:estimate', () => resolve(performance.now() - (visibleAt ?? performance.now())), { once: true });
    // Scrolling briskly, 60 px every 16 ms (3,750 px/s).
    const step = () => { window.scrollBy(0, 60); if (window.scrollY + innerHeight < far.offsetTop + 200) setTimeout(step, 16); };
    step();
  }));
  console.log(`widget: ready ${visibleFor.toFixed(0)} ms after it became visible`);
  assert.ok(visibleFor <= 300, `${visibleFor} ms`);
  await page.close();
});

test('a widget in another currency fetches that currency\'s cards only', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/tests/e2e/fixtures/lazy.html`);
  const shown = await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.prepend(el);
    const total = new Promise((resolve) => el.addEventListener('wacost:estimate', (e) => resolve(e.detail), { once: true }));
    wacost.mount(el, { countries: 'IN', currency: 'inr', month: '2026-11', lang: 'en' });
    const detail = await total;
    await new Promise((r) => setTimeout(r, 50));
    return { total: detail.total, currency: detail.currency, card: detail.rate_card, text: el.shadowRoot.querySelector('[data-figure="total"]').textContent };
  });
  const data = fetched.filter((p) => p.includes('/wacost-data-'));
  assert.equal(data.length, 1, data.join(' '));
  assert.match(data[0], /\/wacost-data-INR-[0-9a-f]{16}\.csv$/);
  // The INR card of 2026-10-01: 1,000 x 0.8631 + 1,000 x 0.115 = 978.10.
  assert.deepEqual({ total: shown.total, currency: shown.currency, card: shown.card }, { total: '978.10', currency: 'INR', card: '2026-10-01' });
  assert.match(shown.text, /978\.10/);
  await page.close();
});
