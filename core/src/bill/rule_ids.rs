//! Every value the biller can write in `Priced::rule` (the `rule` column of `--detail` and of a
//! reconciliation difference). Each is defined in `docs/rules.md`; keeping the list here lets
//! `core/tests/rules_reference.rs` check that without reading the engine's source.

/// The rule IDs `Engine::push` assigns, in the order of `docs/rules.md`.
pub const RULE_IDS: [&str; 25] = [
    "DEF-1", "DEF-4", "PRE-7", "MX-1", "MX-2", "MX-5", "CBP1-2", "CBP1-3", "CBP1-6", "CBP2-2",
    "CBP2-3", "CBP2-4", "CBP2-7", "CBP2-8", "CBP2-11", "PMP-1", "PMP-2", "PMP-3", "PMP-4", "PMP-5",
    "PMP-6", "PMP-7", "SVC-2", "SVC-3", "SVC-5",
];
