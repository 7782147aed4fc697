//! One module per `wacost` subcommand.

pub mod bill;
pub mod card_choice;
pub mod cards;
pub mod compare;
pub mod estimate;
pub mod generate;
pub mod market;
pub mod rates;
pub mod tiers;
