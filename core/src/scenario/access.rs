//! A scenario's settings by their schema name, so the validator and the limit checks walk
//! the schema instead of naming every field again.

use super::schema::Setting;
use super::{Month, PerMessageOn, RulesVersion, Scenario};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;

/// A setting's value, typed by its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingValue<'a> {
    Month(Option<Month>),
    /// A code: the currency, or the business's country (none when not given).
    Text(Option<Cow<'a, str>>),
    Rules(Option<RulesVersion>),
    Date(Option<NaiveDate>),
    Bool(bool),
    Count(u64),
    Decimal(Decimal),
    /// One of the setting's words.
    Choice(&'static str),
}

impl Scenario {
    /// The value of a setting.
    pub fn get(&self, setting: Setting) -> SettingValue<'_> {
        use SettingValue as V;
        let per = &self.per_conversation;
        let bsp = &self.bsp;
        match setting {
            Setting::Month => V::Month(self.month),
            Setting::Currency => V::Text(Some(Cow::Borrowed(&self.currency))),
            Setting::Rules => V::Rules(self.rules),
            Setting::RateCard => V::Date(self.rate_card),
            Setting::BusinessCountry => {
                V::Text(self.business_country.as_deref().map(Cow::Borrowed))
            }
            Setting::AuthInternational => V::Bool(self.auth_international),
            Setting::PhoneNumbers => V::Count(self.phone_numbers),
            Setting::Wabas => V::Count(self.wabas),
            Setting::UtilityInWindow => V::Decimal(self.utility_in_window),
            Setting::EntryPoint => V::Decimal(self.entry_point),
            Setting::FreeConversations => V::Count(self.free_conversations),
            Setting::PerConversationMarketing => V::Decimal(per.marketing),
            Setting::PerConversationUtility => V::Decimal(per.utility),
            Setting::PerConversationAuthentication => V::Decimal(per.authentication),
            Setting::PerConversationService => V::Decimal(per.service),
            Setting::BspPerMessage => V::Decimal(bsp.per_message),
            Setting::BspPerMessageOn => V::Choice(bsp.per_message_on.as_str()),
            Setting::BspMarkup => V::Decimal(bsp.markup),
            Setting::BspMonthly => V::Decimal(bsp.monthly),
            Setting::BspPerNumber => V::Decimal(bsp.per_number),
        }
    }

    /// Sets a setting; a value of another kind than the setting's is ignored (the validator
    /// only ever reads a value by the setting's own kind).
    pub(crate) fn set(&mut self, setting: Setting, value: SettingValue<'_>) {
        use SettingValue as V;
        let per = &mut self.per_conversation;
        let bsp = &mut self.bsp;
        match (setting, value) {
            (Setting::Month, V::Month(month)) => self.month = month,
            (Setting::Currency, V::Text(Some(code))) => self.currency = code.into_owned(),
            (Setting::Rules, V::Rules(rules)) => self.rules = rules,
            (Setting::RateCard, V::Date(date)) => self.rate_card = date,
            (Setting::BusinessCountry, V::Text(code)) => {
                self.business_country = code.map(Cow::into_owned)
            }
            (Setting::AuthInternational, V::Bool(b)) => self.auth_international = b,
            (Setting::PhoneNumbers, V::Count(n)) => self.phone_numbers = n,
            (Setting::Wabas, V::Count(n)) => self.wabas = n,
            (Setting::UtilityInWindow, V::Decimal(d)) => self.utility_in_window = d,
            (Setting::EntryPoint, V::Decimal(d)) => self.entry_point = d,
            (Setting::FreeConversations, V::Count(n)) => self.free_conversations = n,
            (Setting::PerConversationMarketing, V::Decimal(d)) => per.marketing = d,
            (Setting::PerConversationUtility, V::Decimal(d)) => per.utility = d,
            (Setting::PerConversationAuthentication, V::Decimal(d)) => per.authentication = d,
            (Setting::PerConversationService, V::Decimal(d)) => per.service = d,
            (Setting::BspPerMessage, V::Decimal(d)) => bsp.per_message = d,
            (Setting::BspPerMessageOn, V::Choice(word)) => {
                if let Some(on) = PerMessageOn::ALL.into_iter().find(|on| on.as_str() == word) {
                    bsp.per_message_on = on;
                }
            }
            (Setting::BspMarkup, V::Decimal(d)) => bsp.markup = d,
            (Setting::BspMonthly, V::Decimal(d)) => bsp.monthly = d,
            (Setting::BspPerNumber, V::Decimal(d)) => bsp.per_number = d,
            _ => {}
        }
    }
}
