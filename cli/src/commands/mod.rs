//! One module per `wacost` subcommand.

pub mod bill;
pub mod budget;
pub mod card_choice;
pub mod cards;
pub mod compare;
pub mod estimate;
pub mod generate;
pub mod import_analytics;
pub mod levers;
pub mod market;
pub mod plan;
pub mod rates;
pub mod report;
pub mod shown;
pub mod tiers;
