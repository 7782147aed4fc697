//! Every field a scenario may hold, described once: its JSON name and path, the kind of value
//! it takes, its default, its limits and a short English description.
//!
//! The validator's allowed keys, the page's settings and columns, the widget's settings and
//! the JavaScript package's TypeScript declarations are derived from (or tested against) this
//! table, so a new field is added here and each front end's test says what it still lacks.

use super::{MAX_COUNT, MAX_MARKUP, MAX_RATE};
use crate::category::Category;

/// How a field's value is written and what it may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// A billing month, `YYYY-MM`.
    Month,
    /// An ISO 4217 currency code (`USD`).
    Currency,
    /// A rules version name (`pmp-2026-10`).
    Rules,
    /// The effective date of a card, `YYYY-MM-DD`.
    CardDate,
    /// An ISO 3166-1 alpha-2 country code (`IN`).
    Country,
    /// A market name as Meta's table writes it (`Rest of Africa`).
    Market,
    /// `true` or `false`.
    Bool,
    /// A whole number from `min` to 10^12, as a JSON integer or a string of digits.
    Count { min: u64 },
    /// An exact decimal from `min` to `max`, as a JSON number or a string.
    Decimal { min: u64, max: u64 },
    /// One of these words.
    Choice(&'static [&'static str]),
    /// A pricing category (`marketing`, …).
    Category,
    /// A category with volume tiers (`utility`, `authentication`,
    /// `authentication_international`).
    TieredCategory,
    /// A list of objects, each with the fields of its own table.
    List,
    /// An object holding settings.
    Group,
}

/// What the schema says about one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The JSON key inside its object.
    pub name: &'static str,
    pub kind: ValueKind,
    /// The value taken when the field is absent, as JSON text would give it; none when the
    /// field has no single default (the month, a line's destination).
    pub default: Option<&'static str>,
    /// What the field means, in a few English words.
    pub about: &'static str,
}

/// The two objects of settings inside a scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    PerConversation,
    Bsp,
}

impl Group {
    pub const fn name(self) -> &'static str {
        match self {
            Group::PerConversation => "per_conversation",
            Group::Bsp => "bsp",
        }
    }

    /// How many settings the group holds.
    // Evaluated only for the constants below: an index out of bounds fails the build.
    #[allow(clippy::indexing_slicing)]
    const fn size(self) -> usize {
        let mut count = 0;
        let mut at = 0;
        while at < Setting::ALL.len() {
            if matches!(Setting::ALL[at].group(), Some(g) if g as u8 == self as u8) {
                count += 1;
            }
            at += 1;
        }
        count
    }

    /// The group's JSON keys, in the schema's order. `N` must be `self.size()`.
    // Evaluated only for the constants below: an index out of bounds fails the build.
    #[allow(clippy::indexing_slicing)]
    const fn keys<const N: usize>(self) -> [&'static str; N] {
        let mut keys = [""; N];
        let mut filled = 0;
        let mut at = 0;
        while at < Setting::ALL.len() {
            let setting = Setting::ALL[at];
            if matches!(setting.group(), Some(g) if g as u8 == self as u8) {
                keys[filled] = setting.spec().name;
                filled += 1;
            }
            at += 1;
        }
        assert!(filled == N, "Group::keys: N is not the group's length");
        keys
    }
}

/// The list fields of a scenario, whose entries have fields of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum List {
    Lines,
    CustomRates,
    CustomTiers,
}

impl List {
    pub const fn spec(self) -> Spec {
        match self {
            List::Lines => Spec {
                name: "lines",
                kind: ValueKind::List,
                default: Some("[]"),
                about: "one entry per destination: its country or market, and its month's delivered messages",
            },
            List::CustomRates => Spec {
                name: "custom_rates",
                kind: ValueKind::List,
                default: Some("[]"),
                about: "your own rates, in place of (or in addition to) the card's",
            },
            List::CustomTiers => Spec {
                name: "custom_tiers",
                kind: ValueKind::List,
                default: Some("[]"),
                about: "your own volume-tier ladders, bands in order, the last one open",
            },
        }
    }
}

/// One key of the scenario object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Value(Setting),
    Group(Group),
    List(List),
}

impl Entry {
    pub const fn name(self) -> &'static str {
        match self {
            Entry::Value(setting) => setting.spec().name,
            Entry::Group(group) => group.name(),
            Entry::List(list) => list.spec().name,
        }
    }
}

/// The scenario object's keys, in the order the documentation and the messages give them.
pub const TOP: [Entry; 16] = [
    Entry::Value(Setting::Month),
    Entry::Value(Setting::Currency),
    Entry::Value(Setting::Rules),
    Entry::Value(Setting::RateCard),
    Entry::Value(Setting::BusinessCountry),
    Entry::Value(Setting::AuthInternational),
    Entry::Value(Setting::PhoneNumbers),
    Entry::Value(Setting::Wabas),
    Entry::Value(Setting::UtilityInWindow),
    Entry::Value(Setting::EntryPoint),
    Entry::Value(Setting::FreeConversations),
    Entry::Group(Group::PerConversation),
    Entry::List(List::Lines),
    Entry::Group(Group::Bsp),
    Entry::List(List::CustomRates),
    Entry::List(List::CustomTiers),
];

/// Every top-level setting and every group is a key of `TOP`, once: a setting added to the
/// table but not placed among the keys fails the build here.
#[allow(clippy::indexing_slicing)]
const _: () = {
    let mut at = 0;
    while at < Setting::ALL.len() {
        let setting = Setting::ALL[at];
        let mut found = 0;
        let mut key = 0;
        while key < TOP.len() {
            match (TOP[key], setting.group()) {
                (Entry::Value(s), None) if s as u8 == setting as u8 => found += 1,
                (Entry::Group(g), Some(group)) if g as u8 == group as u8 => found = 1,
                _ => {}
            }
            key += 1;
        }
        assert!(found == 1, "a setting is missing from schema::TOP");
        at += 1;
    }
};

#[allow(clippy::indexing_slicing)] // evaluated for TOP_KEYS only, at build time
const fn names<const N: usize>(entries: [Entry; N]) -> [&'static str; N] {
    let mut keys = [""; N];
    let mut at = 0;
    while at < N {
        keys[at] = entries[at].name();
        at += 1;
    }
    keys
}

/// The scenario object's keys.
pub const TOP_KEYS: [&str; TOP.len()] = names(TOP);
/// The keys of `per_conversation`.
pub const PER_CONVERSATION_KEYS: [&str; Group::PerConversation.size()] =
    Group::PerConversation.keys();
/// The keys of `bsp`.
pub const BSP_KEYS: [&str; Group::Bsp.size()] = Group::Bsp.keys();

/// Declares the settings: `Variant: group "name" kind, default, "about"`, the group being
/// `top` or the JSON name of the object holding it.
macro_rules! settings {
    ($($(#[$doc:meta])* $variant:ident: $group:ident $name:literal $kind:expr, $default:expr, $about:literal;)*) => {
        /// A single-valued field of the scenario: at the top, or in `per_conversation` or `bsp`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Setting {
            $($(#[$doc])* $variant,)*
        }

        impl Setting {
            pub const ALL: [Setting; [$($name),*].len()] = [$(Setting::$variant),*];

            pub const fn spec(self) -> Spec {
                match self {
                    $(Setting::$variant => Spec {
                        name: $name,
                        kind: $kind,
                        default: $default,
                        about: $about,
                    },)*
                }
            }

            /// The object holding the setting, if it is not at the top.
            pub const fn group(self) -> Option<Group> {
                match self {
                    $(Setting::$variant => settings!(@group $group),)*
                }
            }

            /// The path as text, `bsp.markup`: what the page keys its fields by.
            pub const fn path_text(self) -> &'static str {
                match self {
                    $(Setting::$variant => settings!(@path $group $name),)*
                }
            }
        }
    };
    (@group top) => { None };
    (@group per_conversation) => { Some(Group::PerConversation) };
    (@group bsp) => { Some(Group::Bsp) };
    (@path top $name:literal) => { $name };
    (@path $group:ident $name:literal) => { concat!(stringify!($group), ".", $name) };
}

const fn share() -> ValueKind {
    ValueKind::Decimal { min: 0, max: 1 }
}

const fn average() -> ValueKind {
    ValueKind::Decimal {
        min: 1,
        max: MAX_COUNT,
    }
}

const fn fee(max: u64) -> ValueKind {
    ValueKind::Decimal { min: 0, max }
}

settings! {
    Month: top "month" ValueKind::Month, None,
        "billing month YYYY-MM; required unless both rules and rate_card are given";
    Currency: top "currency" ValueKind::Currency, Some("USD"),
        "billing currency of the rate card";
    Rules: top "rules" ValueKind::Rules, None,
        "rules version; default the rules in force in the month";
    RateCard: top "rate_card" ValueKind::CardDate, None,
        "effective date of the card; default the card in force on the 1st of the month";
    BusinessCountry: top "business_country" ValueKind::Country, None,
        "the business's country, for the international authentication rate";
    AuthInternational: top "auth_international" ValueKind::Bool, Some("false"),
        "whether the business is eligible for the international authentication rate";
    PhoneNumbers: top "phone_numbers" ValueKind::Count { min: 1 }, Some("1"),
        "business phone numbers sending service traffic";
    Wabas: top "wabas" ValueKind::Count { min: 1 }, Some("1"),
        "WhatsApp Business Accounts (conversation eras' free tiers)";
    UtilityInWindow: top "utility_in_window" share(), Some("0"),
        "share of utility templates sent inside a customer service window";
    EntryPoint: top "entry_point" share(), Some("0"),
        "share of messages sent in a free entry point window";
    FreeConversations: top "free_conversations" ValueKind::Count { min: 0 }, Some("1500"),
        "monthly free conversations of the 2021 Mexico test";
    PerConversationMarketing: per_conversation "marketing" average(), Some("1"),
        "average marketing messages per conversation";
    PerConversationUtility: per_conversation "utility" average(), Some("1"),
        "average utility messages per conversation";
    PerConversationAuthentication: per_conversation "authentication" average(), Some("1"),
        "average authentication messages per conversation";
    PerConversationService: per_conversation "service" average(), Some("1"),
        "average service messages per conversation";
    BspPerMessage: bsp "per_message" fee(MAX_RATE), Some("0"),
        "provider fee per message";
    BspPerMessageOn: bsp "per_message_on" ValueKind::Choice(&["charged", "delivered"]), Some("charged"),
        "which messages the provider fee applies to";
    BspMarkup: bsp "markup" fee(MAX_MARKUP), Some("0"),
        "provider markup as a fraction of Meta's charge (0.10 = 10%)";
    BspMonthly: bsp "monthly" fee(MAX_COUNT), Some("0"),
        "provider's fixed monthly fee";
    BspPerNumber: bsp "per_number" fee(MAX_RATE), Some("0"),
        "provider's monthly fee per phone number";
}

impl Setting {
    /// `bsp.markup` as a typed path.
    pub fn path(self) -> super::FieldPath {
        let path = super::FieldPath::scenario();
        match self.group() {
            Some(group) => path.key(group.name()).key(self.spec().name),
            None => path.key(self.spec().name),
        }
    }
}

/// Declares the fields of a list's entries: `Variant: "name" kind, default, "about"`.
macro_rules! entry_fields {
    ($(#[$enum_doc:meta])* $enum:ident, $keys:ident {
        $($(#[$doc:meta])* $variant:ident: $name:literal $kind:expr, $default:expr, $about:literal;)*
    }) => {
        $(#[$enum_doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $enum {
            $($(#[$doc])* $variant,)*
        }

        impl $enum {
            pub const ALL: [$enum; [$($name),*].len()] = [$($enum::$variant),*];

            pub const fn spec(self) -> Spec {
                match self {
                    $($enum::$variant => Spec {
                        name: $name,
                        kind: $kind,
                        default: $default,
                        about: $about,
                    },)*
                }
            }

            pub const fn name(self) -> &'static str {
                self.spec().name
            }
        }

        /// The JSON keys of an entry, in the schema's order.
        pub const $keys: [&str; $enum::ALL.len()] = [$($name),*];
    };
}

entry_fields! {
    /// A field of an entry of `lines`.
    LineField, LINE_KEYS {
        Country: "country" ValueKind::Country, None,
            "ISO 3166-1 alpha-2 code of the destination (give it or market)";
        Market: "market" ValueKind::Market, None,
            "Meta's market name, for traffic known only by market (give it or country)";
        Marketing: "marketing" ValueKind::Count { min: 0 }, Some("0"),
            "delivered marketing templates";
        Utility: "utility" ValueKind::Count { min: 0 }, Some("0"),
            "delivered utility templates";
        Authentication: "authentication" ValueKind::Count { min: 0 }, Some("0"),
            "delivered authentication templates";
        Service: "service" ValueKind::Count { min: 0 }, Some("0"),
            "delivered service (free-form) messages";
    }
}

entry_fields! {
    /// A field of an entry of `custom_rates`.
    RateField, RATE_KEYS {
        Market: "market" ValueKind::Market, None, "the market the rate is for";
        Category: "category" ValueKind::Category, None, "the category the rate is for";
        Rate: "rate" fee(MAX_RATE), None, "the rate per message or conversation";
        Currency: "currency" ValueKind::Currency, None,
            "the rate's currency (ISO 4217), which must be the scenario's; the scenario's when absent";
    }
}

entry_fields! {
    /// A field of an entry of `custom_tiers`.
    TierField, TIER_KEYS {
        Market: "market" ValueKind::Market, None, "the market the ladder is for";
        Category: "category" ValueKind::TieredCategory, None, "the tiered category the ladder is for";
        Bands: "bands" ValueKind::List, None, "the bands in order, the last with \"to\": null";
        Currency: "currency" ValueKind::Currency, None,
            "the ladder's currency (ISO 4217), which must be the scenario's; the scenario's when absent";
    }
}

entry_fields! {
    /// A field of a band of a custom ladder.
    BandField, BAND_KEYS {
        To: "to" ValueKind::Count { min: 1 }, None,
            "the band's last message number, above the previous band's; null for the last band";
        Rate: "rate" fee(MAX_RATE), None, "the rate of the band's messages";
    }
}

impl LineField {
    /// The four counts of a line, in the order the page's sheet shows them.
    pub const COUNTS: [LineField; 4] = [
        LineField::Marketing,
        LineField::Utility,
        LineField::Authentication,
        LineField::Service,
    ];

    /// The category a count holds, for the four counts.
    pub const fn category(self) -> Option<Category> {
        match self {
            LineField::Marketing => Some(Category::Marketing),
            LineField::Utility => Some(Category::Utility),
            LineField::Authentication => Some(Category::Authentication),
            LineField::Service => Some(Category::Service),
            LineField::Country | LineField::Market => None,
        }
    }
}

/// The JSON keys of a line's four counts, as the page's sheet and the widget show them.
#[allow(clippy::indexing_slicing)]
pub const LINE_COUNTS: [&str; 4] = {
    let mut names = [""; 4];
    let mut at = 0;
    while at < 4 {
        names[at] = LineField::COUNTS[at].name();
        at += 1;
    }
    names
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Scenario, SettingValue};

    #[test]
    fn keys_are_those_the_scenario_has_always_had() {
        assert_eq!(
            TOP_KEYS.join(", "),
            "month, currency, rules, rate_card, business_country, auth_international, phone_numbers, wabas, utility_in_window, entry_point, free_conversations, per_conversation, lines, bsp, custom_rates, custom_tiers"
        );
        assert_eq!(
            PER_CONVERSATION_KEYS,
            ["marketing", "utility", "authentication", "service"]
        );
        assert_eq!(
            BSP_KEYS,
            [
                "per_message",
                "per_message_on",
                "markup",
                "monthly",
                "per_number"
            ]
        );
        assert_eq!(
            LINE_KEYS,
            [
                "country",
                "market",
                "marketing",
                "utility",
                "authentication",
                "service"
            ]
        );
        assert_eq!(
            LINE_COUNTS,
            ["marketing", "utility", "authentication", "service"]
        );
        assert_eq!(RATE_KEYS, ["market", "category", "rate", "currency"]);
        assert_eq!(TIER_KEYS, ["market", "category", "bands", "currency"]);
        assert_eq!(BAND_KEYS, ["to", "rate"]);
    }

    #[test]
    fn a_settings_path_is_its_group_and_name() {
        for setting in Setting::ALL {
            let expected = match setting.group() {
                Some(group) => format!("{}.{}", group.name(), setting.spec().name),
                None => setting.spec().name.to_string(),
            };
            assert_eq!(setting.path_text(), expected);
            assert_eq!(setting.path().to_string(), expected);
        }
    }

    /// A value of each setting's kind other than its default, as JSON.
    fn other_value(setting: Setting) -> serde_json::Value {
        use serde_json::json;
        match setting.spec().kind {
            ValueKind::Month => json!("2026-11"),
            ValueKind::Currency => json!("EUR"),
            ValueKind::Rules => json!("pmp-2025-07"),
            ValueKind::CardDate => json!("2026-07-01"),
            ValueKind::Country => json!("GB"),
            ValueKind::Bool => json!(true),
            ValueKind::Count { min } => json!(min + 2),
            ValueKind::Decimal { min, .. } => json!(format!("{min}.5")),
            ValueKind::Choice(words) => json!(words.last().copied().unwrap_or_default()),
            other => panic!("{setting:?} is of kind {other:?}, not a setting's"),
        }
    }

    /// Every setting read from JSON lands in its own field of the scenario: a setting added
    /// to the schema without its place in `Scenario::get`/`set` fails here.
    #[test]
    fn every_setting_is_read_into_its_field() {
        let default = Scenario::default();
        for setting in Setting::ALL {
            let mut json = serde_json::json!({ "month": "2026-10" });
            let value = other_value(setting);
            match setting.group() {
                Some(group) => {
                    json[group.name()] = serde_json::json!({ setting.spec().name: value })
                }
                None => json[setting.spec().name] = value,
            }
            let scenario =
                Scenario::from_value(&json).unwrap_or_else(|e| panic!("{setting:?}: {e}"));
            assert_ne!(scenario.get(setting), default.get(setting), "{setting:?}");
            let others_unchanged = Setting::ALL
                .into_iter()
                .filter(|s| *s != setting && *s != Setting::Month)
                .all(|s| scenario.get(s) == default.get(s));
            assert!(others_unchanged, "{setting:?} changed another setting");
        }
    }

    /// The documented defaults are the ones a scenario without the field gets.
    #[test]
    fn defaults_are_the_scenarios() {
        let scenario = Scenario::default();
        for setting in Setting::ALL {
            let value = scenario.get(setting);
            let text = match &value {
                SettingValue::Month(None)
                | SettingValue::Rules(None)
                | SettingValue::Date(None)
                | SettingValue::Text(None) => None,
                SettingValue::Text(Some(text)) => Some(text.to_string()),
                SettingValue::Bool(b) => Some(b.to_string()),
                SettingValue::Count(n) => Some(n.to_string()),
                SettingValue::Decimal(d) => Some(d.to_string()),
                SettingValue::Choice(word) => Some(word.to_string()),
                other => panic!("{setting:?} defaults to {other:?}"),
            };
            assert_eq!(text.as_deref(), setting.spec().default, "{setting:?}");
        }
        for field in LineField::COUNTS {
            assert_eq!(field.spec().default, Some("0"));
            assert!(field.category().is_some());
        }
    }
}
