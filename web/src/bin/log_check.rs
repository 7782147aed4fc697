//! The "Check a log" view, a wasm of its own that the calculator page imports on demand
//! (Trunk `data-type="worker"` with `data-bindgen-target="web"`: an ES module, not hashed).

fn main() {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async {
        // Every currency's cards: this view may price any of them. If a file cannot be
        // fetched, its currency answers "no card", as the estimate words it.
        let _ = wacost_web::currency_data::ensure_all().await;
        wacost_web::log_check::mount();
    });
}
