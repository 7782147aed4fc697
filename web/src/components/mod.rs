//! The page's parts, each a function component reading the shared state from context.

pub mod app;
pub mod chart;
pub mod compare;
pub mod field;
pub mod picker;
pub mod rates_editor;
pub mod results;
pub mod settings;
pub mod sheet;

use crate::state::AppState;
use yew::UseReducerHandle;

/// Every component reads and changes the one reducer through this context.
pub type Ctx = UseReducerHandle<AppState>;
