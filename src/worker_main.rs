//! The worker's entry point (Trunk builds it as `data-type="worker"`; see `src/worker.rs`).

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_worker::Registrable;
        cme_tracker::worker::Jobs::registrar()
            .encoding::<cme_tracker::worker::Json>()
            .register();
    }
}
