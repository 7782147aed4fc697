// Compile-only check that js/pkg/wacost.d.ts is valid TypeScript and describes the API as the
// README uses it. Build the package first (scripts/build-js.sh), then:
//   tsc --noEmit --strict --target es2022 --module es2022 --moduleResolution bundler js/tests/types-check.ts
import init, { estimate, compare, rates, market, cards, currencies, cardDiff, estimateCsv, compareCsv, plan, budget, levers, importAnalytics } from '../pkg/wacost.js';
import type { Scenario, Estimate, Comparison, CardRates, MarketMatch, CardInfo, WacostError, CurrencyCoverage, CardDiff, Plan, PlanOptions, PlanNote, Budget, BudgetOptions, Levers, AnalyticsImport, ImportNote } from '../pkg/wacost.js';

export async function demo(): Promise<string> {
  await init();
  const scenario: Scenario = {
    month: '2026-11',
    currency: 'USD',
    rules: 'pmp-2026-10',
    lines: [{ country: 'IN', marketing: 1000, utility: '500' }, { market: 'Rest of Africa', marketing: 8000 }],
    bsp: { per_message: 0.005, per_message_on: 'charged', monthly: '49' },
  };
  const e: Estimate = estimate(scenario);
  const fromText: Estimate = estimate(JSON.stringify(scenario));
  const firstBand = e.markets[0].categories[0].bands[0];
  const to: number | null = firstBand ? firstBand.to : null;
  const c: Comparison = compare(scenario);
  const csv: string = estimateCsv(scenario) + compareCsv(JSON.stringify(scenario));
  const ladder = e.ladders?.[0];
  const untilNext: number = ladder?.next?.messages_in_band ?? 0;
  const perMessage: string = `${e.bsp.per_message_count} × ${e.bsp.per_message_fee} = ${e.bsp.per_message}`;
  const totals: string[] = c.versions.map((v) => v.estimate?.total ?? v.errors.join('; '));
  const same: Comparison = compare(scenario, { cards: 'same' });
  const answer: string = same.answer?.sentence ?? c.versions.map((v) => `${v.name.english} (${v.rules}) ${v.rate_card ?? '-'}`).join();
  const list: CurrencyCoverage[] = currencies('2026-11');
  const diff: CardDiff = cardDiff('2026-04-01', '2026-07-01', 'USD', scenario);
  const ratesOnly: CardDiff = cardDiff('2026-04-01', '2026-07-01');
  const card: CardRates = rates('2026-10-01', 'USD');
  const noArgs: CardRates = rates();
  const m: MarketMatch = market('+919876543210');
  const all: CardInfo[] = cards();
  const growth: PlanOptions = { months: 12, growth: '0.03', category_growth: { marketing: 0.08 }, multipliers: { 11: '1.5', '12': 2 } };
  const p: Plan = plan(scenario, growth);
  const october = p.months[3];
  const serviceInOctober: string = october?.categories.service ?? '-';
  const changes: string[] = (october?.notes ?? []).map((n: PlanNote) => (n.kind === 'rules_change' ? `${n.from} → ${n.to}: ${n.change ?? '?'}` : n.kind));
  const query: BudgetOptions = { country: 'IN', category: 'marketing', amount: 2500 };
  const b: Budget = budget(JSON.stringify(scenario), query);
  const byMarket: Budget = budget(scenario, { market: 'India', category: 'service', amount: '1000' });
  const l: Levers = levers(scenario);
  const savings: string[] = l.levers.map((lever) => `${lever.lever} (${lever.rule}): ${lever.saving}`);
  const imported: AnalyticsImport = importAnalytics('{"data":[]}', { month: '2026-10', currency: 'USD' });
  const fromObject: AnalyticsImport = importAnalytics({ data: [] });
  const again: Estimate = estimate(imported.scenario);
  const approximation = imported.notes.find((n: ImportNote) => n.kind === 'approximation');
  const shares: string = approximation?.kind === 'approximation' ? approximation.entry_point : '-';
  const difference: string = imported.costs?.difference ?? fromObject.month;
  try {
    estimate({ lines: [] });
  } catch (caught) {
    const err = caught as WacostError;
    return err.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
  }
  const planned = [p.total, serviceInOctober, changes.join(), String(b.count), String(byMarket.unbounded), b.total_at_next ?? '', savings.join(), again.total, shares, difference].join(' ');
  return [planned, e.total, fromText.meta_total, String(to), totals.join(), answer, list[0].status, diff.rates.length, ratesOnly.markets_added.length, card.rates[0].rate, noArgs.effective, m.market, String(all.length), String(csv.length), String(untilNext), perMessage].join(' ');
}
