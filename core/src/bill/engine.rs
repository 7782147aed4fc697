//! The streaming biller: replays a time-ordered log, rebuilding windows, conversations,
//! allowances and tier ordinals exactly as Meta's rules define them (docs/rules.md).
//!
//! Memory is bounded by live state, not by rows: one small record per (phone number, user)
//! pair with an open window or conversation (swept when everything in it has expired), and
//! counters per month. The caller must push events in time order; `push` refuses an event
//! that goes back in time so the caller can fall back to sorting (see `bill_text`).

use super::classify::{Free, Model, Outcome, Priced, PricingType, Unpriced};
use super::input::{Event, Kind};
use super::settings::{CardChoice, RulesChoice, Settings};
use super::summary::Summary;
use super::warning::BillWarning;
use super::zone::DayCache;
use crate::catalog::{Ladder, LookupError, MarketMatch, MarketTable, RateCard};
use crate::scenario::RulesVersion;
use crate::{Catalog, Category};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

const HOUR: i64 = 3_600_000_000_000;
const DAY: i64 = 24 * HOUR;
const NONE: i64 = i64::MIN;
/// RulesVersion F service free tier per business phone number and month (SVC-3).
pub const SERVICE_FREE_PER_PHONE: u64 = 1000;
/// RulesVersion C/D free conversations per WABA and month (CBP1-5, CBP2-8).
pub const FREE_CONVERSATIONS_PER_WABA: u64 = 1000;

/// An event earlier than the one before: the log is not sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfOrder {
    pub line: u64,
}

#[derive(Debug, Clone, Copy)]
struct Conv {
    until: i64,
    id: u64,
    /// The conversation category (Meta's label is `summary.as_str()`).
    summary: Category,
    kind: PricingType,
}

const NO_CONV: Conv = Conv {
    until: NONE,
    id: 0,
    summary: Category::Service,
    kind: PricingType::Regular,
};

/// Slots of the open conversations of one pair: marketing, utility, authentication, service
/// (era D); era B/C use slot 0 only (one conversation at a time, CBP1-3).
const SLOT_MARKETING: usize = 0;
const SLOT_UTILITY: usize = 1;
const SLOT_AUTH: usize = 2;
const SLOT_SERVICE: usize = 3;

#[derive(Debug, Clone)]
struct Pair {
    csw_until: i64,
    /// Time of the last entry-point message still waiting for the business's answer.
    entry_at: i64,
    fep_until: i64,
    fep_id: u64,
    /// Open conversations, allocated only under conversation rules so that per-message eras
    /// keep each live pair at 40 bytes.
    convs: Option<Box<[Conv; 4]>>,
}

const NO_CONVS: [Conv; 4] = [NO_CONV; 4];

impl Pair {
    fn new() -> Pair {
        Pair {
            csw_until: NONE,
            entry_at: NONE,
            fep_until: NONE,
            fep_id: 0,
            convs: None,
        }
    }

    fn convs(&self) -> &[Conv; 4] {
        self.convs.as_deref().unwrap_or(&NO_CONVS)
    }

    fn convs_mut(&mut self) -> &mut [Conv; 4] {
        self.convs.get_or_insert_with(|| Box::new(NO_CONVS))
    }

    /// Whether anything in the pair can still matter at or after `now`.
    fn live(&self, now: i64) -> bool {
        let entry_end = if self.entry_at == NONE {
            NONE
        } else {
            self.entry_at.saturating_add(DAY)
        };
        self.csw_until > now
            || entry_end > now
            || self.fep_until > now
            || self.convs().iter().any(|c| c.until > now)
    }
}

#[derive(Debug, Clone, Copy)]
struct MarketInfo {
    market: u16,
    iso2: [u8; 2],
}

/// What the pricing steps need to know of a delivered outbound message.
struct Message {
    era: RulesVersion,
    kind: Kind,
    /// Its own category (a free-form message's is service).
    own: Category,
    csw_open: bool,
    /// Whether it opened a free entry point.
    fep_opened: bool,
    market: MarketInfo,
}

/// The biller. Feed it events in time order with `push`, then take the `Summary`.
pub struct Engine<'c> {
    catalog: &'c Catalog,
    settings: Settings,
    days: DayCache,
    last_time: i64,
    pairs: HashMap<(u32, u64), Pair>,
    since_sweep: usize,
    next_conv: u64,
    markets: Vec<String>,
    market_ids: HashMap<String, u16>,
    market_cache: HashMap<(NaiveDate, u8, u64), Result<MarketInfo, LookupError>>,
    /// The markets of the current table by their full deciding prefix (`max_len` digits, the
    /// case of every valid number), as an index + 1 into `market_found` (0: not looked up):
    /// an array read instead of a hash lookup on every outbound row.
    market_slots: Vec<u32>,
    market_found: Vec<Result<MarketInfo, LookupError>>,
    /// The last market table used and the longest prefix that can decide a market in it.
    last_table: Option<(NaiveDate, u8)>,
    cards: Vec<&'c RateCard>,
    last_card: Option<(NaiveDate, Option<usize>)>,
    last_era: Option<(NaiveDate, Option<RulesVersion>)>,
    rates: HashMap<(usize, u16, Category), Option<Decimal>>,
    ladders: HashMap<(usize, u16, Category), Option<&'c Ladder>>,
    tiers: HashMap<(u16, Category, i32), u64>,
    service_used: HashMap<(u32, i32), u64>,
    conv_free_used: HashMap<(u32, i32), u64>,
    /// By English sentence: the order the report lists them in, each once.
    warnings: BTreeMap<String, BillWarning>,
    pub summary: Summary,
}

impl<'c> Engine<'c> {
    pub fn new(catalog: &'c Catalog, settings: Settings) -> Engine<'c> {
        let mut cards: Vec<&RateCard> = catalog
            .cards()
            .iter()
            .filter(|c| c.id.currency == settings.currency)
            .filter(|c| match settings.rate_card {
                CardChoice::Auto => true,
                CardChoice::Fixed(d) => c.id.effective == d,
            })
            .collect();
        cards.sort_by_key(|c| c.id.effective);
        Engine {
            catalog,
            days: DayCache::new(settings.zone),
            settings,
            last_time: NONE,
            pairs: HashMap::default(),
            since_sweep: 0,
            next_conv: 1,
            markets: Vec::new(),
            market_ids: HashMap::default(),
            market_cache: HashMap::default(),
            market_slots: Vec::new(),
            market_found: Vec::new(),
            last_table: None,
            cards,
            last_card: None,
            last_era: None,
            rates: HashMap::default(),
            ladders: HashMap::default(),
            tiers: HashMap::default(),
            service_used: HashMap::default(),
            conv_free_used: HashMap::default(),
            warnings: BTreeMap::new(),
            summary: Summary::default(),
        }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Market names by index (`Priced::market`).
    pub fn markets(&self) -> &[String] {
        &self.markets
    }

    /// Warnings gathered so far, each once.
    pub fn warnings(&self) -> impl Iterator<Item = &BillWarning> {
        self.warnings.values()
    }

    fn warn(&mut self, warning: BillWarning) {
        self.warnings.entry(warning.to_string()).or_insert(warning);
    }

    /// Processes one event; returns the pricing of an outbound message.
    pub fn push(&mut self, event: &Event) -> Result<Option<Priced>, OutOfOrder> {
        self.advance_clock(event)?;
        if event.kind.is_inbound() {
            self.open_window(event);
            return Ok(None);
        }
        let date = self.days.date(event.time);
        let mut p = Priced::new(event, date, self.rules_on(date));
        self.price(event, &mut p);
        self.summary.add(&p);
        Ok(Some(p))
    }

    /// Refuses an event earlier than the last one, and now and then forgets the pairs whose
    /// windows and conversations have all closed.
    fn advance_clock(&mut self, event: &Event) -> Result<(), OutOfOrder> {
        if event.time < self.last_time {
            return Err(OutOfOrder { line: event.line });
        }
        self.last_time = event.time;
        self.since_sweep += 1;
        if self.since_sweep > 200_000usize.max(2 * self.pairs.len()) {
            let now = event.time;
            self.pairs.retain(|_, p| p.live(now));
            self.since_sweep = 0;
        }
        Ok(())
    }

    /// A user's message or call opens (or resets) the customer service window (DEF-4); an
    /// entry-point message also lets the business's answer open a free entry point.
    fn open_window(&mut self, event: &Event) {
        let t = event.time;
        let pair = self
            .pairs
            .entry((event.phone, event.user))
            .or_insert_with(Pair::new);
        pair.csw_until = t.saturating_add(DAY);
        if event.kind == Kind::InEntryPoint {
            pair.entry_at = t;
        }
    }

    /// The rules version of a local date (the setting's, or the one in force).
    fn rules_on(&mut self, date: NaiveDate) -> Option<RulesVersion> {
        match self.settings.rules {
            RulesChoice::Fixed(rules) => Some(rules),
            RulesChoice::Auto => match self.last_era {
                Some((d, rules)) if d == date => rules,
                _ => {
                    let rules = RulesVersion::on(date);
                    self.last_era = Some((date, rules));
                    rules
                }
            },
        }
    }

    /// Prices an outbound message with the state of its (phone number, user) pair.
    fn price(&mut self, event: &Event, p: &mut Priced) {
        let era = p.era;
        let market = self.market_of(event.user, p.date);
        if let Ok(m) = &market {
            p.market = Some(m.market);
        }
        if event.failed {
            p.outcome = Outcome::Failed;
            p.rule = if era.is_some_and(RulesVersion::counts_conversations) {
                "CBP2-2"
            } else {
                "PMP-1"
            };
            return;
        }
        let key = (event.phone, event.user);
        let mut pair = self.pairs.remove(&key).unwrap_or_else(Pair::new);
        self.classify(p, &mut pair, event.kind, era, market);
        self.keep(key, pair);
    }

    /// Decides how a delivered message is priced: refused, unpriceable, or priced under its
    /// rules version.
    fn classify(
        &mut self,
        p: &mut Priced,
        pair: &mut Pair,
        kind: Kind,
        era: Option<RulesVersion>,
        market: Result<MarketInfo, LookupError>,
    ) {
        let csw_open = pair.csw_until > p.time;
        if kind == Kind::FreeForm && !csw_open {
            p.outcome = Outcome::Undeliverable;
            p.rule = "DEF-4";
            return;
        }
        let (era, market) = match (era, market) {
            (None, _) => {
                p.outcome = Outcome::Unpriceable(Unpriced::BeforeTemplatePricing);
                p.rule = "PRE-7";
                return;
            }
            (Some(_), Err(e)) => {
                p.outcome = Outcome::Unpriceable(Unpriced::Market(e));
                p.rule = "DEF-1";
                return;
            }
            (Some(era), Ok(market)) => (era, market),
        };
        if era == RulesVersion::Mx2021_02 && &market.iso2 != b"MX" {
            p.outcome = Outcome::Unpriceable(Unpriced::MexicoOnly);
            p.rule = "MX-1";
            return;
        }
        let fep_opened = self.open_entry_point(pair, era, p.date, p.time);
        let own = match kind {
            Kind::Template(Category::Authentication) => self.auth_category(p.date, market, p.time),
            Kind::Template(c) => c,
            _ => Category::Service,
        };
        let message = Message {
            era,
            kind,
            own,
            csw_open,
            fep_opened,
            market,
        };
        if era.counts_conversations() {
            self.price_conversation(p, pair, &message);
        } else {
            self.price_per_message(p, pair, &message);
        }
    }

    /// Free entry point: the business's first answer within 24h of an entry-point message
    /// opens it (DEF-5, CBP2-7, CBP1-6, MX-5). Whether this message opened one.
    fn open_entry_point(
        &mut self,
        pair: &mut Pair,
        era: RulesVersion,
        date: NaiveDate,
        t: i64,
    ) -> bool {
        if pair.fep_until > t || pair.entry_at == NONE || t >= pair.entry_at.saturating_add(DAY) {
            return false;
        }
        let length = if matches!(era, RulesVersion::Mx2021_02 | RulesVersion::Cbp2022_02) {
            DAY
        } else {
            3 * DAY
        };
        pair.fep_until = t.saturating_add(length);
        pair.fep_id = self.next_id();
        pair.entry_at = NONE;
        if era.counts_conversations() {
            pair.convs = None;
        }
        if date >= crate::date!(2026, 9, 28) {
            self.warn(BillWarning::FreeEntryPointWindows);
        }
        true
    }

    /// Conversation rules (eras A to D): a free entry point conversation, or the era's own
    /// conversations.
    fn price_conversation(&mut self, p: &mut Priced, pair: &mut Pair, m: &Message) {
        p.model = Some(Model::Cbp);
        if pair.fep_until <= p.time {
            if matches!(m.era, RulesVersion::Mx2021_02 | RulesVersion::Cbp2022_02) {
                self.single_conversation(p, pair, m.era, m.csw_open, m.market);
            } else {
                self.category_conversation(p, pair, m.era, m.kind, m.own, m.market);
            }
            return;
        }
        p.category = Some("referral_conversion");
        p.summary_category = Some(
            if matches!(m.era, RulesVersion::Cbp2022_02 | RulesVersion::Mx2021_02) {
                Category::UserInitiated
            } else {
                m.own
            },
        );
        p.pricing_type = Some(PricingType::FreeEntryPoint);
        p.conversation = Some(pair.fep_id);
        p.opened = m.fep_opened;
        p.outcome = Outcome::Free(m.fep_opened.then_some(Free::EntryPoint));
        p.rule = match m.era {
            RulesVersion::Mx2021_02 => "MX-5",
            RulesVersion::Cbp2022_02 => "CBP1-6",
            _ => "CBP2-7",
        };
    }

    /// Per-message rules (eras E and F): a free entry point, a utility conversation carried
    /// over from CBP, or the message's own price.
    fn price_per_message(&mut self, p: &mut Priced, pair: &mut Pair, m: &Message) {
        p.model = Some(Model::Pmp);
        p.category = Some(m.own.as_str());
        p.summary_category = Some(m.own);
        let carry = pair.convs()[SLOT_UTILITY];
        if pair.fep_until > p.time {
            p.pricing_type = Some(PricingType::FreeEntryPoint);
            p.conversation = Some(pair.fep_id);
            p.outcome = Outcome::Free(Some(Free::EntryPoint));
            p.rule = if m.era == RulesVersion::Pmp2026_10 {
                "SVC-2"
            } else {
                "PMP-2"
            };
        } else if self.settings.rules == RulesChoice::Auto
            && m.own == Category::Utility
            && carry.until > p.time
        {
            // CBP2-11: a utility conversation opened before the switch still covers
            // utility templates, under CBP, until it closes.
            p.model = Some(Model::Cbp);
            p.category = Some(carry.summary.as_str());
            p.pricing_type = Some(carry.kind);
            p.conversation = Some(carry.id);
            p.outcome = Outcome::Free(Some(Free::Window));
            p.rule = "CBP2-11";
        } else {
            self.per_message_price(p, m);
        }
    }

    /// A message's own price under per-message rules: free inside the window where the era
    /// says so (PMP-3, PMP-4), the service allowance (SVC-3), or charged (PMP-5 .. PMP-7, SVC-5).
    fn per_message_price(&mut self, p: &mut Priced, m: &Message) {
        let free_window = |p: &mut Priced, rule| {
            p.pricing_type = Some(PricingType::FreeCustomerService);
            p.outcome = Outcome::Free(Some(Free::Window));
            p.rule = rule;
        };
        match (m.kind, m.era) {
            (Kind::FreeForm, RulesVersion::Pmp2025_07) => free_window(p, "PMP-3"),
            (Kind::FreeForm, _) => {
                p.rule = "SVC-3";
                let used = self
                    .service_used
                    .entry((p.phone, month_key(p.date)))
                    .or_insert(0);
                if *used < SERVICE_FREE_PER_PHONE {
                    *used += 1;
                    p.pricing_type = Some(PricingType::FreeCustomerService);
                    p.outcome = Outcome::Free(Some(Free::Allowance));
                } else {
                    p.pricing_type = Some(PricingType::Regular);
                    self.charge(p, Category::Service, false, m.market);
                }
            }
            (_, RulesVersion::Pmp2025_07) if m.own == Category::Utility && m.csw_open => {
                free_window(p, "PMP-4")
            }
            _ => {
                p.pricing_type = Some(PricingType::Regular);
                p.rule = match m.own {
                    Category::Marketing => "PMP-5",
                    Category::Utility if m.csw_open => "SVC-5",
                    Category::Utility => "PMP-7",
                    _ => "PMP-6",
                };
                self.charge(p, m.own, m.own != Category::Marketing, m.market);
            }
        }
    }

    /// Eras B and C: one conversation at a time, user-initiated if it answers within the
    /// customer service window, business-initiated otherwise (CBP1-2, MX-2).
    fn single_conversation(
        &mut self,
        p: &mut Priced,
        pair: &mut Pair,
        era: RulesVersion,
        csw_open: bool,
        market: MarketInfo,
    ) {
        let t = p.time;
        let slot = pair.convs()[0];
        if slot.until > t {
            self.join(
                p,
                &slot,
                if era == RulesVersion::Mx2021_02 {
                    "MX-2"
                } else {
                    "CBP1-3"
                },
            );
            return;
        }
        let summary = if csw_open {
            Category::UserInitiated
        } else {
            Category::BusinessInitiated
        };
        let limit = if era == RulesVersion::Mx2021_02 {
            self.settings.free_conversations_mx
        } else {
            FREE_CONVERSATIONS_PER_WABA
        };
        let used = self
            .conv_free_used
            .entry((p.waba, month_key(p.date)))
            .or_insert(0);
        let free = *used < limit;
        if free {
            *used += 1;
        }
        let conv = Conv {
            until: t.saturating_add(DAY),
            id: self.next_id(),
            summary,
            kind: if free {
                PricingType::FreeCustomerService
            } else {
                PricingType::Regular
            },
        };
        pair.convs_mut()[0] = conv;
        self.open(
            p,
            &conv,
            if era == RulesVersion::Mx2021_02 {
                "MX-2"
            } else {
                "CBP1-2"
            },
        );
        if free {
            p.outcome = Outcome::Free(Some(Free::Allowance));
        } else {
            self.charge(p, summary, false, market);
        }
    }

    /// RulesVersion D: a template opens a conversation of its category unless one is open (CBP2-3); a
    /// non-template joins any open conversation or opens a service one (CBP2-4).
    fn category_conversation(
        &mut self,
        p: &mut Priced,
        pair: &mut Pair,
        era: RulesVersion,
        kind: Kind,
        own: Category,
        market: MarketInfo,
    ) {
        let t = p.time;
        let slot = match own {
            Category::Marketing => SLOT_MARKETING,
            Category::Utility => SLOT_UTILITY,
            Category::Authentication | Category::AuthenticationInternational => SLOT_AUTH,
            _ => SLOT_SERVICE,
        };
        if kind == Kind::FreeForm {
            let convs = pair.convs();
            let open = if convs[SLOT_SERVICE].until > t {
                Some(convs[SLOT_SERVICE])
            } else {
                convs
                    .iter()
                    .filter(|c| c.until > t)
                    .min_by_key(|c| c.id)
                    .copied()
            };
            if let Some(conv) = open {
                self.join(p, &conv, "CBP2-4");
                return;
            }
        } else if pair.convs()[slot].until > t {
            let conv = pair.convs()[slot];
            self.join(p, &conv, "CBP2-3");
            return;
        }
        let free = if slot == SLOT_SERVICE {
            if era == RulesVersion::Cbp2024_11 {
                Some(Free::Window)
            } else {
                let used = self
                    .conv_free_used
                    .entry((p.waba, month_key(p.date)))
                    .or_insert(0);
                (*used < FREE_CONVERSATIONS_PER_WABA).then(|| {
                    *used += 1;
                    Free::Allowance
                })
            }
        } else {
            None
        };
        let conv = Conv {
            until: t.saturating_add(DAY),
            id: self.next_id(),
            summary: own,
            kind: if free.is_some() {
                PricingType::FreeCustomerService
            } else {
                PricingType::Regular
            },
        };
        pair.convs_mut()[slot] = conv;
        let rule = match (slot, free) {
            (SLOT_SERVICE, Some(_)) => "CBP2-8",
            (SLOT_SERVICE, None) => "CBP2-4",
            _ => "CBP2-3",
        };
        self.open(p, &conv, rule);
        match free {
            Some(reason) => p.outcome = Outcome::Free(Some(reason)),
            None => self.charge(p, own, false, market),
        }
    }

    /// Puts a pair back, unless nothing in it can matter any more.
    fn keep(&mut self, key: (u32, u64), pair: Pair) {
        if pair.live(self.last_time) {
            self.pairs.insert(key, pair);
        }
    }

    fn join(&mut self, p: &mut Priced, conv: &Conv, rule: &'static str) {
        p.category = Some(conv.summary.as_str());
        p.summary_category = Some(conv.summary);
        p.pricing_type = Some(conv.kind);
        p.conversation = Some(conv.id);
        p.outcome = Outcome::Free(None);
        p.rule = rule;
    }

    fn open(&mut self, p: &mut Priced, conv: &Conv, rule: &'static str) {
        p.category = Some(conv.summary.as_str());
        p.summary_category = Some(conv.summary);
        p.pricing_type = Some(conv.kind);
        p.conversation = Some(conv.id);
        p.opened = true;
        p.rule = rule;
    }

    fn next_id(&mut self) -> u64 {
        let id = self.next_conv;
        self.next_conv += 1;
        id
    }

    /// Authentication or authentication-international (AI-1): the business's country differs
    /// from the recipient's, the market has an international rate, and the start time passed.
    /// Without a `business_country` no market is the business's own (AI-5: an unverified
    /// primary location does not protect), the same reading as the estimator's.
    fn auth_category(&mut self, date: NaiveDate, market: MarketInfo, t: i64) -> Category {
        let intl = match (
            &self.settings.business_country,
            self.settings.auth_international_from,
        ) {
            (Some(country), Some(from)) => country.as_bytes() != market.iso2 && t >= from,
            (None, Some(from)) => t >= from,
            (_, None) => false,
        };
        if intl {
            if let Some(card) = self.card_for(date) {
                if self
                    .rate(card, market.market, Category::AuthenticationInternational)
                    .is_some()
                {
                    return Category::AuthenticationInternational;
                }
            }
        }
        Category::Authentication
    }

    /// Prices a charged message or conversation: the card of its local date, the band of its
    /// tier ordinal for tiered categories (TIER-2 .. TIER-5), the list rate otherwise.
    fn charge(&mut self, p: &mut Priced, category: Category, tiered: bool, market: MarketInfo) {
        p.outcome = Outcome::Charged;
        let Some(card) = self.card_for(p.date) else {
            p.outcome = Outcome::Unpriceable(Unpriced::NoCard {
                currency: self.settings.currency.clone(),
                date: p.date,
            });
            return;
        };
        let card_date = self.cards[card].id.effective;
        p.card = Some(card_date);
        let ordinal = tiered.then(|| {
            let family = category.tier_family().unwrap_or(category);
            let n = self
                .tiers
                .entry((market.market, family, month_key(p.date)))
                .or_insert(0);
            *n += 1;
            *n
        });
        let Some(list) = self.rate(card, market.market, category) else {
            p.outcome = Outcome::Unpriceable(Unpriced::NoRate {
                card: card_date,
                currency: self.settings.currency.clone(),
                category,
                market: self.markets[market.market as usize].clone(),
            });
            return;
        };
        let mut rate = list;
        if let Some(n) = ordinal {
            match self
                .ladder(card, market.market, category)
                .and_then(|l| l.band_for(n))
            {
                Some(band) => {
                    rate = band.rate;
                    p.tier = Some(band.tier);
                    p.band = Some((band.from.max(1), band.to));
                }
                None => {
                    self.warn(BillWarning::NoLadder {
                        currency: self.settings.currency.clone(),
                        market: self.markets[market.market as usize].clone(),
                        category,
                        card: card_date,
                    });
                }
            }
        }
        p.rate = Some(rate);
        p.amount = rate;
    }

    fn card_for(&mut self, date: NaiveDate) -> Option<usize> {
        if let Some((d, idx)) = self.last_card {
            if d == date {
                return idx;
            }
        }
        // A fixed card is the only one kept; `auto` takes the latest in force on the date.
        let idx = match self.settings.rate_card {
            CardChoice::Fixed(_) => (!self.cards.is_empty()).then_some(0),
            CardChoice::Auto => self.cards.iter().rposition(|c| c.id.effective <= date),
        };
        self.last_card = Some((date, idx));
        idx
    }

    fn rate(&mut self, card: usize, market: u16, category: Category) -> Option<Decimal> {
        let cards = &self.cards;
        let markets = &self.markets;
        *self
            .rates
            .entry((card, market, category))
            .or_insert_with(|| {
                cards[card]
                    .rate(&markets[market as usize], category)
                    .map(|r| r.rate)
            })
    }

    fn ladder(&mut self, card: usize, market: u16, category: Category) -> Option<&'c Ladder> {
        let catalog = self.catalog;
        let id = &self.cards[card].id;
        let name = &self.markets[market as usize];
        *self
            .ladders
            .entry((card, market, category))
            .or_insert_with(|| catalog.ladder(id, name, category))
    }

    /// The market of a user on a date (DEF-1, DEF-2), cached by the leading digits that can
    /// decide it so a log of millions of users costs one lookup per prefix.
    fn market_of(&mut self, user: u64, date: NaiveDate) -> Result<MarketInfo, LookupError> {
        let table = self.catalog.market_table_on(date);
        let max_len = self.deciding_digits(table);
        let digits = user.checked_ilog10().map_or(1, |d| d + 1) as u8;
        let keep = max_len.min(digits);
        let key = (table.effective, keep, drop_digits(user, digits - keep));
        let direct = keep == max_len && keep <= MAX_DIRECT_DIGITS;
        if let Some(found) = self.cached_market(direct, key) {
            // The cached miss was found for another number with the same leading digits:
            // the reason names this one.
            return found.map_err(|e| match e {
                LookupError::UnknownCallingCode(_) => {
                    LookupError::UnknownCallingCode(format!("+{user}"))
                }
                other => other,
            });
        }
        let found = table
            .for_number(&format!("+{user}"))
            .map(|m| self.market_info(&m));
        self.cache_market(direct, key, found.clone());
        found
    }

    /// The longest prefix that can decide a market in `table`; a new table empties the
    /// array cache, sized for it.
    fn deciding_digits(&mut self, table: &MarketTable) -> u8 {
        if let Some((d, len)) = self.last_table {
            if d == table.effective {
                return len;
            }
        }
        let len = table
            .rows
            .iter()
            .map(|r| {
                r.calling_code.len()
                    + r.network_prefixes
                        .iter()
                        .map(String::len)
                        .max()
                        .unwrap_or(0)
            })
            .max()
            .unwrap_or(15) as u8;
        self.last_table = Some((table.effective, len));
        self.market_slots.clear();
        self.market_found.clear();
        if len <= MAX_DIRECT_DIGITS {
            self.market_slots
                .resize(POW10[usize::from(len)] as usize, 0);
        }
        len
    }

    /// A market already looked up for this prefix: from the array when the prefix has all
    /// the deciding digits, from the map otherwise.
    fn cached_market(
        &self,
        direct: bool,
        key: (NaiveDate, u8, u64),
    ) -> Option<Result<MarketInfo, LookupError>> {
        if !direct {
            return self.market_cache.get(&key).cloned();
        }
        let slot = *self.market_slots.get(key.2 as usize)?;
        let found = self.market_found.get(slot.checked_sub(1)? as usize)?;
        Some(found.clone())
    }

    fn cache_market(
        &mut self,
        direct: bool,
        key: (NaiveDate, u8, u64),
        found: Result<MarketInfo, LookupError>,
    ) {
        if !direct {
            self.market_cache.insert(key, found);
        } else if let Some(slot) = self.market_slots.get_mut(key.2 as usize) {
            self.market_found.push(found);
            *slot = self.market_found.len() as u32;
        }
    }

    /// A market found in the table, by its index in `markets` (added when new); its note, if
    /// any, becomes a warning.
    fn market_info(&mut self, m: &MarketMatch) -> MarketInfo {
        if let Some(note) = &m.note {
            self.warn(BillWarning::MarketNote {
                calling_code: m.calling_code.clone(),
                note: note.clone(),
            });
        }
        let id = match self.market_ids.get(&m.market) {
            Some(id) => *id,
            None => {
                let id = self.markets.len() as u16;
                self.markets.push(m.market.clone());
                self.market_ids.insert(m.market.clone(), id);
                id
            }
        };
        let b = m.iso2.as_bytes();
        MarketInfo {
            market: id,
            iso2: [
                b.first().copied().unwrap_or(b'?'),
                b.get(1).copied().unwrap_or(b'?'),
            ],
        }
    }
}

/// Deciding prefixes up to this many digits are cached in an array (10^6 slots at most).
const MAX_DIRECT_DIGITS: u8 = 6;

/// `n` without its last `count` digits. A division by a constant compiles to a multiplication,
/// and a division by a variable was a third of the market lookup.
fn drop_digits(n: u64, count: u8) -> u64 {
    match count {
        0 => n,
        1 => n / 10,
        2 => n / 100,
        3 => n / 1_000,
        4 => n / 10_000,
        5 => n / 100_000,
        6 => n / 1_000_000,
        7 => n / 10_000_000,
        8 => n / 100_000_000,
        9 => n / 1_000_000_000,
        10 => n / 10_000_000_000,
        11 => n / 100_000_000_000,
        12 => n / 1_000_000_000_000,
        13 => n / 10_000_000_000_000,
        14 => n / 100_000_000_000_000,
        _ => POW10.get(usize::from(count)).map_or(0, |p| n / p),
    }
}

const POW10: [u64; 20] = {
    let mut table = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

/// Months as one integer (year * 12 + month - 1), for counter keys.
pub fn month_key(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropping_digits_divides_by_a_power_of_ten() {
        for n in [0u64, 7, 919_876_543_210, 999_999_999_999_999, u64::MAX] {
            for count in 0..=21u8 {
                let expected = 10u64.checked_pow(u32::from(count)).map_or(0, |p| n / p);
                let expected = if count >= 20 { 0 } else { expected };
                assert_eq!(drop_digits(n, count), expected, "{n} {count}");
            }
        }
        assert_eq!(drop_digits(919_876_543_210, 8), 9198);
    }
}
