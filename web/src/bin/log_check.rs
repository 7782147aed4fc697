//! The "Check a log" view, a wasm of its own that the calculator page imports on demand
//! (Trunk `data-type="worker"` with `data-bindgen-target="web"`: an ES module, not hashed).
//! It prices nothing itself (its worker, `bill_worker`, fetches the cards it bills with), so
//! it fetches no currency's cards.

fn main() {
    #[cfg(target_arch = "wasm32")]
    wacost_web::log_check::mount();
}
