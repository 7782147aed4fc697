//! The page's parts, built as Yew's own examples build them: `App` holds the one reducer and
//! hands each part the data it shows and a callback for each thing it changes (`Properties`);
//! no part reads the page's whole state, and nothing is shared through a context.

pub mod answer;
pub mod app;
pub mod card_loader;
pub mod chart;
pub mod compare;
pub mod export;
pub mod fees;
pub mod field;
pub mod header;
pub mod ladder;
pub mod money;
pub mod notices;
pub mod picker;
pub mod rates_editor;
pub mod results;
pub mod settings;
pub mod sheet;
pub mod sheet_row;
