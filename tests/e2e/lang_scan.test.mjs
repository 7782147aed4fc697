// End-to-end: no English left on the page in French, Spanish or Brazilian Portuguese. The built
// site (dist/) opens a sheet with countries, a region and every category, every folded part
// opened, and each piece of text the user reads (text nodes, tooltips, placeholders, labels for
// screen readers) is scanned for English words that are not words of the page's language. What
// may stay English is on an allow-list: codes (rules versions, currency and ISO codes), Meta's
// category names and brand names. Screenshots: tests/e2e/screenshots/lang-<tag>-<width>.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBuiltSite, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

const SCENARIO = {
  month: '2026-11', currency: 'USD',
  lines: [
    { country: 'IN', marketing: 1000, utility: 500, authentication: 200, service: 3350 },
    { country: 'BR', marketing: 2000, utility: 100 },
    { country: 'KE', marketing: 300 },
    { country: 'DE', marketing: 50, service: 10 },
    { market: 'Rest of Africa', marketing: 800 },
  ],
};
const link = (lang) =>
  `/?lang=${lang}&scenario=${Buffer.from(JSON.stringify(SCENARIO)).toString('base64url')}`;

/** English words that are not words of French, Spanish or Portuguese. */
const ENGLISH = new Set(`the and of is are not with for this that from your you per rate rates card
  cards market markets each month months charged rules partial window which what will be by or to
  at it than more less under before after same all only these those would could should have has
  was were other rest load paste add remove undo copy show hide why they differ differs free
  templates template tier tiers band bands price prices priced pricing cost costs country
  countries currency settings fees fee check year estimate`.split(/\s+/).filter(Boolean));

/** What may stay as it is in every language: brands, codes and Meta's category names. */
const ALLOWED = new Set(`whatsapp meta waba bsp csv json iso e164 marketing utility authentication
  service english`.split(/\s+/).filter(Boolean));

async function englishLeft(page) {
  return page.evaluate(([english, allowed]) => {
    const english_ = new Set(english);
    const allowed_ = new Set(allowed);
    for (const d of document.querySelectorAll('details')) d.open = true;
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Codes are codes; what the user typed is theirs.
      if (!parent || parent.closest('code, script, style, .code, textarea')) continue;
      texts.push(node.textContent);
    }
    for (const el of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
      for (const name of ['title', 'placeholder', 'aria-label']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    const found = [];
    for (const text of texts) {
      // Column names a file must carry are codes: market,category,rate.
      const words = text.replace(/market,category,rate/g, '').toLowerCase().match(/[a-z\u00c0-\u024f]+/g) ?? [];
      const hits = words.filter((w) => english_.has(w) && !allowed_.has(w));
      if (hits.length) found.push(`${hits.join(',')}: ${text.trim().slice(0, 120)}`);
    }
    return [...new Set(found)];
  }, [[...ENGLISH], [...ALLOWED]]);
}

const site = useBuiltSite(join(ROOT, 'dist'), ['index.html']);

for (const lang of ['fr', 'es', 'pt-BR']) {
  test(`no English sentence is left on the page in ${lang}`, async () => {
    for (const width of [1280, 375]) {
      const ctx = await site.browser.newContext({
        viewport: { width, height: width === 375 ? 812 : 900 }, locale: lang,
      });
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(site.server.url + link(lang));
      await page.waitForSelector('[data-wacost="meta-total"]');
      await page.waitForSelector('[data-wacost="answer"]');
      const left = await englishLeft(page);
      await page.screenshot({ path: join(SCREENSHOTS, `lang-${lang}-${width}.png`), fullPage: true });
      assert.deepEqual(left, [], `English left on the ${lang} page at ${width} px`);
      assert.deepEqual(errors, []);
      await ctx.close();
    }
  });
}

test('the English page, for the screenshots beside the others', async () => {
  for (const width of [1280, 375]) {
    const ctx = await site.browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 } });
    const page = await ctx.newPage();
    await page.goto(site.server.url + link('en'));
    await page.waitForSelector('[data-wacost="answer"]');
    // The scan finds the English it looks for: the same page in English is full of it.
    assert.ok((await englishLeft(page)).length > 10);
    await page.screenshot({ path: join(SCREENSHOTS, `lang-en-${width}.png`), fullPage: true });
    await ctx.close();
  }
});
