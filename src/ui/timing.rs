//! User Timing measures around the app's heavy work (evaluation, saving, state changes), so that
//! the benchmark (scripts/bench-ui.mjs) and the browser's performance panel can see where time
//! goes in wasm. They stay in the page: nothing is sent anywhere.

/// One measure: started by `start`, recorded under `name` when dropped.
pub struct Timing {
    name: &'static str,
    /// The start mark's name (`<name>:start`).
    start: String,
    performance: Option<web_sys::Performance>,
}

impl Timing {
    pub fn start(name: &'static str) -> Timing {
        let performance = web_sys::window().and_then(|w| w.performance());
        let start = format!("{name}:start");
        if let Some(p) = &performance {
            let _ = p.mark(&start);
        }
        Timing {
            name,
            start,
            performance,
        }
    }
}

impl Drop for Timing {
    fn drop(&mut self) {
        if let Some(p) = &self.performance {
            let _ = p.measure_with_start_mark(self.name, &self.start);
            // Only the measure is kept: marks would pile up over a long session.
            p.clear_marks_with_mark_name(&self.start);
        }
    }
}
