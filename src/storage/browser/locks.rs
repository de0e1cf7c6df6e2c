//! The exclusive cross-tab lock on the records (the Web Locks API).

use wasm_bindgen::{JsCast, JsValue};

/// Runs `f` holding the exclusive cross-tab lock on the records (the Web Locks API), so that a
/// save's read-merge-write never interleaves with another tab's. Where the browser has no Web
/// Locks (Safari before 15.4, pages not served from a secure context) `f` runs at once: the
/// storage event's merge-and-save-again still heals a collision, a moment later.
pub fn with_lock(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined() && !l.is_null());
    let request = locks.as_ref().and_then(|l| {
        js_sys::Reflect::get(l, &JsValue::from_str("request"))
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    let f = std::rc::Rc::new(std::cell::RefCell::new(Some(f)));
    let run_now = || {
        let f = f.borrow_mut().take();
        if let Some(f) = f {
            f();
        }
    };
    match (locks, request) {
        (Some(locks), Some(request)) => {
            let run = f.clone();
            // The lock is held until the callback returns (it returns no promise): the save is
            // synchronous, so the whole read-merge-write happens under it.
            let callback = Closure::once_into_js(move |_lock: JsValue| {
                let f = run.borrow_mut().take();
                if let Some(f) = f {
                    f();
                }
                JsValue::UNDEFINED
            });
            if request
                .call2(&locks, &JsValue::from_str(LOCK_NAME), &callback)
                .is_err()
            {
                run_now();
            }
        }
        _ => run_now(),
    }
}

const LOCK_NAME: &str = "cme-tracker:records";
