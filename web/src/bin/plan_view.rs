//! The "Plan a year" view, a wasm of its own that the calculator page imports on demand
//! (Trunk `data-type="worker"` with `data-bindgen-target="web"`: an ES module, not hashed).

fn main() {
    #[cfg(target_arch = "wasm32")]
    wacost_web::plan_view::mount();
}
