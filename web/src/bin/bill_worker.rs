//! The Web Worker that bills a log for the "Check a log" view (Trunk `data-type="worker"`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    wasm_bindgen_futures::spawn_local(async {
        // Every currency's cards: this view may price any of them. If a file cannot be
        // fetched, its currency answers "no card", as the estimate words it.
        let _ = wacost_web::currency_data::ensure_all().await;
        wacost_web::log_check::worker::start();
    });
}
