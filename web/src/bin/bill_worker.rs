//! The Web Worker that bills a log for the "Check a log" view (Trunk `data-type="worker"`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    wacost_web::log_check::worker::start();
}
