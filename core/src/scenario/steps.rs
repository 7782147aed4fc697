//! The order in which a scenario's fields are read and checked, which is the order of the
//! problems a user is shown: the first four settings, then whether a month is needed, then
//! the rest, with the counts before the shares and `bsp`'s choice after its fees.

use super::schema::Setting;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    Value(Setting),
    /// A month is needed unless both rules and a card are given.
    MonthRequired,
    Lines,
    CustomRates,
    CustomTiers,
}

pub(super) const STEPS: [Step; Setting::ALL.len() + 4] = [
    Step::Value(Setting::Month),
    Step::Value(Setting::Currency),
    Step::Value(Setting::Rules),
    Step::Value(Setting::RateCard),
    Step::MonthRequired,
    Step::Value(Setting::BusinessCountry),
    Step::Value(Setting::AuthInternational),
    Step::Value(Setting::PhoneNumbers),
    Step::Value(Setting::Wabas),
    Step::Value(Setting::FreeConversations),
    Step::Value(Setting::UtilityInWindow),
    Step::Value(Setting::EntryPoint),
    Step::Value(Setting::PerConversationMarketing),
    Step::Value(Setting::PerConversationUtility),
    Step::Value(Setting::PerConversationAuthentication),
    Step::Value(Setting::PerConversationService),
    Step::Lines,
    Step::Value(Setting::BspPerMessage),
    Step::Value(Setting::BspMarkup),
    Step::Value(Setting::BspMonthly),
    Step::Value(Setting::BspPerNumber),
    Step::Value(Setting::BspPerMessageOn),
    Step::CustomRates,
    Step::CustomTiers,
];

/// Every setting has its step, once: a setting added to the schema fails the build here
/// until it is given its place.
#[allow(clippy::indexing_slicing)]
const _: () = {
    let mut at = 0;
    while at < Setting::ALL.len() {
        let mut found = 0;
        let mut step = 0;
        while step < STEPS.len() {
            if let Step::Value(s) = STEPS[step] {
                if s as u8 == Setting::ALL[at] as u8 {
                    found += 1;
                }
            }
            step += 1;
        }
        assert!(
            found == 1,
            "a setting has no place in scenario::steps::STEPS"
        );
        at += 1;
    }
};
