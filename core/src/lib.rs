//! wacost's domain: what Meta charges for WhatsApp Business Platform messages.
//!
//! Pure Rust with no DOM or JavaScript types, so the same rules serve the command line, the
//! Yew page, the widget and the JavaScript package. Money is `rust_decimal::Decimal`
//! throughout; counts are integers.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod card_diff;
pub mod catalog;
mod catalog_builtin;
pub mod category;
pub mod count;
pub mod csv;
pub mod currencies;
pub mod currency;
pub mod date;
pub mod destinations;
pub mod link;
pub mod locale;
pub mod money;
pub mod money_format;
pub mod percent;

pub use catalog::Catalog;
pub use catalog_builtin::{
    add_currency_data, card_index, currency_data_file, currency_data_files, has_currency_data,
};
pub use category::Category;
pub mod analytics;
pub mod bill;
pub mod budget;
pub mod custom_card;
pub mod estimate;
pub mod export;
pub mod levers;
pub mod line_category;
pub mod plan;
pub mod problem;
pub mod scenario;
pub mod suggest;
