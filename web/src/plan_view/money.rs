//! Money on screen through the core's `MoneyFormat`: rounded to the currency's minor unit, the
//! exact decimal in a `title` tooltip and in `data-value` (what tests and scripts read).

use crate::i18n::Lang;
use rust_decimal::Decimal;
use wacost_core::money_format::MoneyFormat;
use yew::prelude::*;

/// The amount as text: `$4,354.80`, `4 354,80 $US`.
pub fn text(lang: Lang, currency: &str, value: Decimal) -> String {
    MoneyFormat::new(currency, lang.locale()).amount(value)
}

/// The amount as an element carrying its exact value.
pub fn amount(lang: Lang, currency: &str, value: Decimal) -> Html {
    let shown = MoneyFormat::new(currency, lang.locale()).shown(value);
    html! {
        <span class="money" title={shown.exact.clone()} data-value={shown.exact}>{ shown.text }</span>
    }
}
