fn main() {
    #[cfg(target_arch = "wasm32")]
    cme_tracker::ui::start();
}
