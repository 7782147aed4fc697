// Calls the wacost JavaScript package from Node (build it first: scripts/build-js.sh).
//   node examples/node-estimate.mjs
// The package is built for the web target; in Node, hand the .wasm bytes to initSync.
import { readFileSync } from 'node:fs';
import { initSync, estimate, compare, rates, market, cards, currencies, cardDiff } from '../js/pkg/wacost.js';

initSync({ module: readFileSync(new URL('../js/pkg/wacost_bg.wasm', import.meta.url)) });

// 8,000 marketing messages to "Rest of Africa", priced with the 2026-10-01 USD card.
const result = estimate({
  rules: 'pmp-2026-10',
  rate_card: '2026-10-01',
  currency: 'USD',
  lines: [{ market: 'Rest of Africa', marketing: 8000 }],
  bsp: { per_message: 0.005, monthly: '49' },
});
console.log(`Meta ${result.meta_total} + provider ${result.bsp_fees} = ${result.total} ${result.currency}`);

// The same traffic under every rules version since 2021, each on the card of its time, and
// what the last switch of rules changes for the month.
const comparison = compare({ month: '2026-11', lines: [{ country: 'IN', marketing: 1000, utility: 500, service: 3350 }] });
console.log(comparison.answer.sentence);
for (const v of comparison.versions) {
  const figure = v.estimate ? `${v.estimate.total} on the ${v.rate_card} card` : '—';
  console.log(`${v.name.english.padEnd(50)} ${figure}`);
}

// Which currencies can price November 2026, and what the July 2026 card changed.
for (const c of currencies('2026-11')) console.log(`${c.currency} ${c.status}`);
const diff = cardDiff('2026-04-01', '2026-07-01');
for (const r of diff.rates.filter((r) => r.status === 'changed')) {
  console.log(`${r.market} ${r.category}: ${r.old} → ${r.new} (${Number(r.percent).toFixed(1)} %)`);
}

// A rate straight from the card, and where a number is billed.
const card = rates('2026-10-01', 'USD');
const india = card.rates.find((r) => r.market === 'India' && r.category === 'marketing');
console.log(`India marketing on the ${card.effective} ${card.currency} card: ${india.rate}`);
console.log(`+44 7700 900123 is billed as ${market('+447700900123', '2026-11-01').market}`);
console.log(`${cards().filter((c) => !c.complete).length} of ${cards().length} built-in cards are partial`);

// Errors are thrown as one Error carrying every problem with its field path.
try {
  estimate({ month: '2026-11', lines: [{ country: 'IN', utility: '12.5' }, { country: 'India' }] });
} catch (err) {
  console.log(`${err.name}:`);
  for (const p of err.problems) console.log(`  ${p.path}: ${p.message}`);
}
