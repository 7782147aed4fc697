//! An amount on screen: rounded to the currency's minor unit for reading, the exact figure
//! kept in `title` (a tooltip) and `data-value` (for scripts and tests), so finance sees cents
//! and never loses a digit.

use crate::i18n::Lang;
use rust_decimal::Decimal;
use wacost_core::money_format::MoneyFormat;
use yew::prelude::*;

/// `<span class="money" title="4354.7994" data-value="4354.7994">$4,354.80</span>`; `hook`
/// names the figure for scripts (`data-wacost`), when given.
pub fn amount(lang: Lang, currency: &str, value: Decimal, hook: Option<&'static str>) -> Html {
    let shown = MoneyFormat::new(currency, lang.locale()).shown(value);
    html! {
        <span class="money" data-wacost={hook} title={shown.exact.clone()} data-value={shown.exact}>{ shown.text }</span>
    }
}

/// A price per message, every published digit shown, the exact figure in `data-value`.
pub fn rate(lang: Lang, currency: &str, value: Decimal) -> Html {
    let text = MoneyFormat::new(currency, lang.locale()).rate(value);
    html! { <span class="rate" data-value={value.normalize().to_string()}>{ text }</span> }
}
