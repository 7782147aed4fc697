//! TypeScript declarations for the values the functions take and return. wasm-bindgen cannot
//! derive them from the core's serde types, so they are written here and checked against real
//! output by `js/tests/typescript.rs` (every key the functions return must be declared).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = r#"
/** Exact decimal as a string (never a binary float): "180.00", "0.0225". */
export type DecimalString = string;
/** A share, fee or average: a decimal string or a JS number. */
export type DecimalInput = DecimalString | number;
/** A count of messages: a whole number from 0 to 10^12 (digits-only strings are accepted). */
export type CountInput = number | string;
export type RulesVersion = "mx-2021-02" | "cbp-2022-02" | "cbp-2023-06" | "cbp-2024-11" | "pmp-2025-07" | "pmp-2026-10";
export type Category = "marketing" | "utility" | "authentication" | "authentication_international" | "service" | "business_initiated" | "user_initiated";

/** One destination: a `country` (ISO alpha-2) or a `market` (Meta's name), and its counts. */
export interface ScenarioLine {
  country?: string;
  market?: string;
  marketing?: CountInput;
  utility?: CountInput;
  authentication?: CountInput;
  service?: CountInput;
}

export interface Scenario {
  /** Billing month YYYY-MM; required unless both rules and rate_card are given. */
  month?: string;
  /** Billing currency (default "USD"). */
  currency?: string;
  rules?: RulesVersion;
  /** Effective date YYYY-MM-DD of the card to price with. */
  rate_card?: string;
  business_country?: string;
  auth_international?: boolean;
  phone_numbers?: CountInput;
  wabas?: CountInput;
  utility_in_window?: DecimalInput;
  entry_point?: DecimalInput;
  free_conversations?: CountInput;
  per_conversation?: { marketing?: DecimalInput; utility?: DecimalInput; authentication?: DecimalInput; service?: DecimalInput };
  lines: ScenarioLine[];
  bsp?: { per_message?: DecimalInput; per_message_on?: "charged" | "delivered"; markup?: DecimalInput; monthly?: DecimalInput; per_number?: DecimalInput };
  /** Your own rates; `currency` (ISO 4217) must be the scenario's, which it is when absent. */
  custom_rates?: { market: string; category: Category; rate: DecimalInput; currency?: string }[];
  custom_tiers?: { market: string; category: Category; bands: { to: number | null; rate: DecimalInput }[]; currency?: string }[];
}

export interface BandEstimate { tier: number; from: number; to: number | null; count: number; rate: DecimalString; amount: DecimalString }
export interface NextTier { tier: number; from: number; messages_to_go: number; rate: DecimalString; saving_per_message: DecimalString }
export interface CategoryEstimate {
  category: Category;
  delivered: number;
  free: { entry_point: number; window: number; allowance: number };
  /** Conversations opened (conversation eras only). */
  conversations?: number;
  /** Charged messages, or conversations under conversation rules. */
  charged: number;
  rate?: DecimalString;
  bands: BandEstimate[];
  amount: DecimalString;
  custom: boolean;
  /** Priced at list rate for lack of a published ladder: an upper bound. */
  upper_bound: boolean;
  cost_per_charged?: DecimalString;
  next_tier?: NextTier;
}
export interface MarketEstimate {
  market: string;
  countries: string[];
  lines: number[];
  delivered: number;
  amount: DecimalString;
  cost_per_delivered?: DecimalString;
  categories: CategoryEstimate[];
}
export interface Estimate {
  rules: RulesVersion;
  rate_card: string;
  currency: string;
  month?: string;
  /** What `charged` counts: "messages" or "conversations". */
  unit: string;
  markets: MarketEstimate[];
  /** The whole ladder of every category priced on one (absent when none is). */
  ladders?: TierLadder[];
  /** Meta's charge. */
  meta_total: DecimalString;
  /** The provider's fees. */
  bsp_fees: DecimalString;
  bsp: BspBreakdown;
  total: DecimalString;
  custom: boolean;
  main_driver?: { market: string; category: Category; amount: DecimalString; share: DecimalString; assumptions: string[] };
  /** English sentences, one per note. */
  warnings: string[];
  /** The same as data, in the same order, to word them in another language. */
  notes: Note[];
  /** Why figures are what they are (how tiers count, why a rate applies), in English; not warnings. */
  explanations?: string[];
  /** The same as data, in the same order. */
  pricing_notes?: PricingNote[];
}
/** Why an estimate's figures are what they are; `kind` tells which figures come with it. */
export type PricingNote =
  | { kind: "tier_counting"; categories: Category[] }
  | { kind: "auth_international"; market: string; lines: number[]; messages: number; currency: string; rate: DecimalString; domestic_rate: DecimalString | null; multiple: DecimalString | null; business_country: string | null };
/** The provider's fees by part, each with what it multiplies; the four amounts add up to `bsp_fees`. */
export interface BspBreakdown {
  /** per_message_count × per_message_fee */
  per_message: DecimalString;
  /** markup_fraction × meta_total */
  markup: DecimalString;
  monthly: DecimalString;
  /** phone_numbers × per_number_fee */
  per_number: DecimalString;
  per_message_on: "charged" | "delivered";
  per_message_count: number;
  per_message_fee: DecimalString;
  /** A fraction: "0.1" is 10 %. */
  markup_fraction: DecimalString;
  phone_numbers: number;
  per_number_fee: DecimalString;
}
/** One tiered category of one market on its whole ladder. */
export interface TierLadder {
  market: string;
  category: Category;
  custom: boolean;
  /** Every band, reached or not, with this category's charged messages in each. */
  bands: { tier: number; from: number; to: number | null; rate: DecimalString; count: number }[];
  /** Charged messages on the month's counter of the category's family: "you are here". */
  count: number;
  /** Index in `bands` of the band that prices message number `count`. */
  band: number;
  /** Absent on the last band. `messages_in_band`: more messages still at the current rate
   * (a band 1–250,000 after 20,000: 230,000); `starts_at`: the first message of the next band (250,001). */
  next?: { tier: number; messages_in_band: number; starts_at: number; rate: DecimalString; saving_per_message: DecimalString };
}
/** What a user should know about an estimate; `kind` tells which figures come with it. */
export type Note =
  | { kind: "partial_card"; currency: string; card: string; markets: number; missing_markets: number }
  | { kind: "card_changes_in_month"; currency: string; month: string; card: string; next_card: string }
  | { kind: "card_not_in_force"; currency: string; card: string; first_day: string; in_force: string }
  | { kind: "rules_not_of_month"; rules: RulesVersion; month: string; in_force: RulesVersion }
  | { kind: "mexico_free_conversations"; free_conversations: number }
  | { kind: "us_marketing_not_delivered"; lines: number[]; marketing: number; by_market: boolean }
  | { kind: "no_ladder"; market: string; category: Category; currency: string; card: string }
  | { kind: "custom_rate"; market: string; category: Category; flat: boolean; currency: string; card: string }
  | { kind: "main_driver"; market: string; category: Category; percent: DecimalString; currency: string; amount: DecimalString; assumptions: string[]; fields: string[] };
/** Which card each rules version is priced with: the card of its time (default) or the month's one card. */
export type CardsFor = "of_their_time" | "same";
export interface CompareOptions { cards?: CardsFor | "of-their-time" }
/** A rules version in words: `english` is the English name, the rest the parts to word it. */
export interface ModelName {
  model: "per_message" | "conversations_free_service" | "conversations_by_category" | "conversations" | "mexico_test";
  /** First month YYYY-MM, and last (null while still in force). */
  from: string; to: string | null;
  english: string;
}
/** What a card lacks to price a sheet. */
export interface Lacks { markets: string[]; categories: Category[]; rates: { market: string; category: Category }[] }
/** Why a version was priced with its card. */
export type CardReason =
  | { kind: "same" }
  | { kind: "of_the_month"; month?: string; chosen: boolean }
  | { kind: "last_month"; month: string }
  | { kind: "still_in_force" }
  | { kind: "latest_during_model"; instead_of: string; lacks: Lacks }
  | { kind: "latest_complete"; instead_of?: string; lacks: Lacks };
/** Why a version cannot be priced ("cannot be priced: <card> lacks <…>"). */
export type CannotPrice =
  | { kind: "card_lacks"; currency: string; card: string; lacks: Lacks }
  | { kind: "no_card"; currency: string; month: string }
  | { kind: "only_mexico"; markets: string[] }
  | { kind: "other" };
export interface VersionResult {
  rules: RulesVersion;
  name: ModelName;
  summary: string;
  /** The card used (or tried first when it cannot be priced). */
  rate_card?: string;
  card_reason: CardReason;
  estimate?: Estimate;
  errors: string[];
  cannot_price?: CannotPrice;
  /** This version's totals minus the current model's. */
  difference?: { meta_total: DecimalString; total: DecimalString };
}
export type RuleChange = "service_charged" | "utility_in_window_charged" | "per_message" | "service_conversations_free"
  | "conversations_by_category" | "conversations_everywhere" | "other";
export interface RateMove { market: string; old: DecimalString | null; new: DecimalString | null }
/** One part of an effect; `amount` = `after` − `before`, and the parts add up to the effect. */
export type EffectReason =
  | { kind: "rules"; category: Category; change: RuleChange; before_charged: number; after_charged: number; before: DecimalString; after: DecimalString; amount: DecimalString }
  | { kind: "rates"; category: Category; before: DecimalString; after: DecimalString; amount: DecimalString; rates: RateMove[] }
  | { kind: "provider_fees"; before: DecimalString; after: DecimalString; amount: DecimalString };
export interface AnswerSide { rules: RulesVersion; name: ModelName; rate_card?: string; meta_total?: DecimalString; total?: DecimalString; cannot_price?: CannotPrice }
/** The month's rules against the rules they replaced: the difference, split into what the rules
 * do (both on the current card) and what the card does (the older card against the current). */
export interface Answer {
  /** The day the month's rules took effect, YYYY-MM-DD. */
  switch: string;
  current: AnswerSide;
  before: AnswerSide;
  currency: string;
  /** current.total − before.total. */
  difference?: DecimalString;
  rule_effect?: { amount: DecimalString; rate_card: string; reasons: EffectReason[] };
  card_effect?: { amount: DecimalString; from_card: string; to_card: string; reasons: EffectReason[] };
  unanswered?: { kind: "current_cannot_be_priced" | "before_cannot_be_priced" | "no_split"; cannot_price: CannotPrice };
  /** The answer in English. */
  sentence: string;
}
export interface Comparison {
  /** The month's card. */
  rate_card: string;
  currency: string;
  month?: string;
  cards: CardsFor;
  /** The month's own model, which each version's `difference` is against. */
  current: RulesVersion;
  versions: VersionResult[];
  differences: { market: string; category: Category; amounts: { rules: RulesVersion; charged: number; amount: DecimalString }[]; differs: boolean; reasons: string[] }[];
  answer?: Answer;
}

/** What a billing currency can price in a month. */
export interface CurrencyCoverage {
  currency: string; month: string; rules: RulesVersion;
  status: "complete" | "partial" | "no_card";
  /** The card in force on the 1st of the month. */
  card?: string;
  markets: number; table_markets: number;
  categories: { category: Category; markets: number; complete: boolean }[];
  lacking: Category[];
  latest_complete?: string;
  first_card?: string;
  cards: number;
}
/** What changed between two cards of one currency. */
export interface CardDiff {
  currency: string; old_card: string; new_card: string; old_table: string; new_table: string;
  /** `change` = new − old exactly; `percent` exact to 28 digits (round it only to show it). */
  rates: { market: string; category: Category; status: "same" | "changed" | "only_new" | "only_old"; old?: DecimalString; new?: DecimalString; change?: DecimalString; percent?: DecimalString }[];
  markets_added: { market: string; from: string[] }[];
  markets_removed: string[];
  moves: { iso2: string; country: string; from: string; to: string }[];
  effect?: { rules: RulesVersion; old_total?: DecimalString; new_total?: DecimalString; change?: DecimalString; reasons: EffectReason[]; old_errors: string[]; new_errors: string[] };
}

export interface RateRow { market: string; category: Category; rate: DecimalString; printed: string; date_basis: string; source: string }
export interface CardRates { effective: string; currency: string; complete: boolean; missing_markets: string[]; rates: RateRow[] }
export interface CardInfo {
  effective: string; currency: string; complete: boolean;
  /** What the file claims: Meta's whole card, whole but for the `partial` categories, or part of it. */
  held: "whole" | "all_but" | "part"; partial?: Category[];
  /** Each category the card prints: complete, or the markets it lacks. */
  categories: { category: Category; markets: number; complete: boolean; missing_markets: string[] }[];
  markets: number; rates: number;
  has_tiers: boolean; missing_markets: string[]; missing_rates: [string, Category][]; file: string;
}
export interface MarketMatch {
  market: string; iso2: string; country: string; calling_code: string;
  network_prefix: string | null; listed_by_meta: boolean; table: string; note: string | null;
}

/** A category a line counts messages of, and the categories of a plan's growth and of a budget. */
export type LineCategory = "marketing" | "utility" | "authentication" | "service";
/** Messages by line category. */
export interface LineCounts { marketing: number; utility: number; authentication: number; service: number }

/** How `plan` grows the scenario (`wacost plan`'s options). Decimals are strings, or numbers read
 * as `String(n)` writes them (the shortest decimal that reads back as the same number: 0.05 is
 * 0.05); `NaN` and `Infinity` are refused. */
export interface PlanOptions {
  /** Months to price, 1 to 36. */
  months: number | string;
  /** First month YYYY-MM (default: the scenario's month, which the scenario still needs). */
  start?: string;
  /** Growth per month as a fraction above -1 and at most 10 (0.05 is 5 % a month), default 0. */
  growth?: DecimalInput;
  /** A growth of its own per category, instead of `growth`. */
  category_growth?: { marketing?: DecimalInput; utility?: DecimalInput; authentication?: DecimalInput; service?: DecimalInput };
  /** Calendar month "1" to "12" → multiplier 0 to 1000, repeated every year, not compounded: { "11": "1.8", "12": 2 }. */
  multipliers?: { [calendarMonth: string]: DecimalInput };
}
/** Why a plan's month costs what it does; `kind` tells which figures come with it. */
export type PlanNote =
  | { kind: "rules_change"; from: RulesVersion; to: RulesVersion; currency: string; change?: DecimalString; categories: CategoryChange[] }
  | { kind: "card_change"; currency: string; from: string; to: string; change?: DecimalString; with_rules: boolean; categories: CategoryChange[] }
  | { kind: "latest_card"; currency: string; card: string }
  | { kind: "unpriced"; month: string }
  | { kind: "unpriced_months"; months: string[] }
  | { kind: "latest_card_months"; currency: string; card: string; months: string[] };
/** A category's amount before and after a change of rules or card, at the month's volumes. */
export interface CategoryChange { category: Category; before: DecimalString; after: DecimalString }
export interface PlanMonth {
  /** YYYY-MM. */
  month: string;
  /** Messages the plan puts in the month, over every line. */
  messages: LineCounts;
  /** The rules and card that priced the month; absent when nothing could. */
  rules?: RulesVersion;
  rate_card?: string;
  /** Meta's charge by category over every market (the categories the month's rules price). */
  categories: {
    marketing?: DecimalString; utility?: DecimalString; authentication?: DecimalString;
    authentication_international?: DecimalString; service?: DecimalString;
    business_initiated?: DecimalString; user_initiated?: DecimalString;
  };
  meta_total?: DecimalString;
  bsp_fees?: DecimalString;
  total?: DecimalString;
  /** The plan's total from its first month to this one (priced months only). */
  cumulative_total: DecimalString;
  /** English sentences, one per note. */
  reasons: string[];
  notes: PlanNote[];
  /** Why nothing could price the month (then it is left out of the totals). */
  unpriced?: string[];
}
/** A month of `months` equals `estimate` of that month's scenario, exactly. */
export interface Plan {
  currency: string;
  start: string;
  months: PlanMonth[];
  meta_total: DecimalString;
  bsp_fees: DecimalString;
  total: DecimalString;
  warnings: string[];
  notes: PlanNote[];
}

/** Where the extra messages of `budget` go (one of `country` and `market`), which category, and
 * the budget for the whole sheet (Meta plus the provider's fees) in the scenario's currency. */
export type BudgetOptions = ({ country: string; market?: never } | { market: string; country?: never }) & {
  category: LineCategory;
  amount: DecimalInput;
};
export interface Budget {
  currency: string;
  /** The market the extra messages are billed in. */
  market: string;
  category: LineCategory;
  amount: DecimalString;
  /** Extra messages that fit: every count up to it fits, one more does not. */
  count: number;
  /** Whether the rest of the sheet alone fits (false: `count` is 0). */
  fits: boolean;
  /** Every count up to the scenario's limit (10^12) fits. */
  unbounded: boolean;
  total_at_count: DecimalString;
  /** The total with one message more; absent when `unbounded`. */
  total_at_next?: DecimalString;
}

/** One saving the month's rules make real, found by re-estimating with the lever pulled. */
export interface Lever {
  lever: "entry_point" | "utility_in_window" | "phone_number";
  /** The rule of docs/rules.md it rests on (`PMP-2`, `SVC-3`, …). */
  rule: string;
  /** The scenario field the hypothesis changes, from and to. */
  field: string;
  from: string;
  to: string;
  hypothesis: string;
  /** The re-estimate's total. */
  total: DecimalString;
  /** The scenario's total minus the re-estimate's, always above zero. */
  saving: DecimalString;
}
export interface Levers { currency: string; month?: string; rules: RulesVersion; total: DecimalString; levers: Lever[] }

/** `importAnalytics`' options: the month to import (needed when the file holds several) and the
 * WABA's billing currency, the currency of Meta's `cost` (default "USD"). */
export interface ImportOptions { month?: string; currency?: string }
/** Why messages of the file are not in the sheet. */
export type SkipReason = "authentication_international" | "marketing_lite" | "group" | "referral_conversion"
  | "unknown_category" | "unknown_type" | "no_country" | "no_category";
export interface NotImported { pricing_category: string; reason: SkipReason; volume: number; cost?: DecimalString }
/** Meta's cost beside wacost's price of the imported sheet; `difference` is wacost − Meta. */
export interface CostRow { market: string; category: LineCategory; volume: number; meta_cost: DecimalString; wacost: DecimalString; difference: DecimalString }
export interface Costs { rows: CostRow[]; meta_cost: DecimalString; wacost: DecimalString; difference: DecimalString }
/** What to know about an import; `kind` tells which figures come with it. */
export type ImportNote =
  | { kind: "approximation"; entry_point: DecimalString; utility_in_window: DecimalString }
  | { kind: "free_customer_service"; from_2026_10: boolean; volume: number }
  | { kind: "phone_numbers"; count: number | null }
  | { kind: "no_pricing_type"; volume: number }
  | { kind: "not_imported"; pricing_category: string; reason: SkipReason; volume: number }
  | { kind: "no_cost" }
  | { kind: "costs_not_compared"; reasons: string[] }
  | { kind: "next_page" }
  | { kind: "unknown_fields"; fields: string[] };
/** Meta's pricing_analytics turned into a scenario of one month, and the import's report. */
export interface AnalyticsImport {
  /** The month imported, YYYY-MM. */
  month: string;
  months_in_file: string[];
  /** The sheet, ready for `estimate`: an approximation (see the first note). */
  scenario: Scenario;
  /** Messages put into the sheet. */
  imported: LineCounts;
  not_imported: NotImported[];
  /** Absent when the file has no `cost`. */
  costs?: Costs;
  warnings: string[];
  notes: ImportNote[];
}

/** What every function throws: one `Error` with each problem's field path, message and kind. */
export interface WacostError extends Error {
  name: "WacostError";
  problems: Problem[];
}
/** One problem: where (`lines[2].utility`, or the argument: `card`, `currency`, `date`,
 * `countryOrNumber`, `month`, `from`, `to`; an option: `options.cards`, `options.months`,
 * `options.multipliers.11`, `options.country`; a place in an analytics file, `(file)` for the
 * whole; `scenario.lines[0].country` in the scenario an import builds), what in English, and its
 * stable kind, to word it in another language. */
export interface Problem { path: string; message: string; kind: ProblemKind }
export type ProblemKind = "invalid_json" | "not_an_object" | "not_an_array" | "not_a_string"
  | "not_a_bool" | "unknown_field" | "required" | "empty" | "month_required" | "not_a_month"
  | "unknown_rules" | "before_first_rules" | "not_a_month_number" | "not_a_card_date" | "not_a_code"
  | "not_a_capital_code" | "not_a_count" | "count_too_large" | "not_a_decimal" | "too_many_decimals"
  | "not_a_choice" | "not_a_category" | "not_a_tiered_category" | "formula_start" | "too_many_lines"
  | "too_many_custom_rates" | "too_many_custom_tiers" | "too_many_bands" | "more_errors"
  | "other_currency"
  | "both_destinations" | "no_destination" | "not_one_destination" | "duplicate" | "not_bands"
  | "open_band_not_last" | "last_band_not_open" | "bands_out_of_order" | "unknown_currency"
  | "no_card_on_date" | "no_card_in_force" | "malformed_country" | "malformed_number"
  | "unknown_calling_code" | "before_first_table" | "unknown_market" | "only_mexico"
  | "market_not_on_card" | "category_not_on_card" | "no_rate_for_line" | "no_card_to_compare"
  | "amount_not_exact" | "inexact_decimal"
  | "not_a_scenario" | "not_serialisable" | "conversion" | "not_a_date" | "not_a_comparison_mode"
  | "not_an_options_object" | "currency_mismatch"
  | "months_out_of_range" | "growth_out_of_range" | "not_a_calendar_month" | "multiplier_out_of_range"
  | "duplicate_multiplier" | "no_start" | "chosen_by_the_plan" | "one_destination" | "amount_out_of_range"
  | "no_room_for_line" | "not_json" | "no_pricing_analytics" | "not_a_time" | "not_an_amount"
  | "end_before_start" | "no_data_points" | "several_months" | "month_not_in_file";
"#;
