// End-to-end: a French user's problems, in French and beside what caused them, on the built
// site (dist/), at 1280 and 375 px: a count typed with a decimal comma, a share out of range,
// a country name where a code goes, a rate card with an unknown market, and a count typed the
// French way (1 500), which is a count. Screenshots: tests/e2e/screenshots/errors-fr-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBuiltSite, watchErrors, SCREENSHOTS, ROOT } from './lib.mjs';

const DIST = join(ROOT, 'dist');
const SCENARIO = {
  month: '2026-11', currency: 'USD',
  lines: [
    { country: 'IN', marketing: 1000, utility: 500, authentication: 0, service: 3350 },
    { country: 'BR', marketing: 2000 },
  ],
};
const link = (scenario) => `/?lang=fr&scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
const nb = '\u00a0';

const site = useBuiltSite(DIST, ['index.html']);

test('a French user reads every problem in French, beside its field', async () => {
  for (const width of [1280, 375]) {
    const ctx = await site.browser.newContext({ viewport: { width, height: width === 375 ? 812 : 900 }, locale: 'fr-FR' });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(site.server.url + link(SCENARIO));
    await page.waitForSelector('[data-wacost="meta-total"][data-value="140.79"]');
    // 1 500 is a count in French: 1500 marketing to India, 17.70 in place of 11.80.
    await page.fill('#cell-0-marketing', `1${nb}500`);
    await page.waitForSelector('[data-wacost="meta-total"][data-value="146.69"]');
    await page.fill('#cell-0-utility', '12,5');
    assert.equal(await page.textContent('#cell-0-utility-error'),
      `«${nb}12,5${nb}» n'est pas un nombre entier${nb}: «${nb},${nb}» marque les décimales.`);
    await page.fill('#f-utility-in-window', '200');
    assert.equal(await page.textContent('#f-utility-in-window-error'), `«${nb}200${nb}» n'est pas un pourcentage de 0 à 100.`);
    await page.fill('#f-business-country', 'Inde');
    assert.equal(await page.textContent('#f-business-country-error'),
      `«${nb}Inde${nb}» n'est pas un code de pays${nb}: deux lettres, p. ex. IN.`);
    assert.equal(await page.textContent('.results .note'), 'Dernière estimation valide affichée : corrigez les champs signalés.');
    await page.click('.load-card summary');
    await page.fill('#card-text', 'market,category,rate\nIndia,marketing,0.02\nAtlantis,utility,0.01\n');
    await page.click('#card-load');
    await page.waitForSelector('[data-wacost="card-error"]');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'card-text');
    assert.equal(await page.textContent('[data-wacost="card-error"] p'),
      `Grille non chargée (vos tarifs sont inchangés) : Ligne 3${nb}: «${nb}Atlantis${nb}» n'est pas un marché de la table de Meta.`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    await page.screenshot({ path: join(SCREENSHOTS, `errors-fr-${width}.png`), fullPage: true });
    // The link carries the count as a number.
    await page.waitForURL(/\?lang=fr&scenario=/);
    const sent = JSON.parse(Buffer.from(new URL(page.url()).searchParams.get('scenario'), 'base64url').toString());
    assert.equal(sent.lines[0].marketing, 1500);
    assert.equal(sent.lines[0].utility, '12,5');
    assert.deepEqual(errors, []);
    await ctx.close();
  }
});
