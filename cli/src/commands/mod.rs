//! One module per `wacost` subcommand.

pub mod card_choice;
pub mod cards;
pub mod market;
pub mod rates;
pub mod tiers;
pub mod estimate;
pub mod compare;
pub mod bill;
pub mod generate;
