//! The exclusive cross-tab lock on the records (the Web Locks API).

use wasm_bindgen::{JsCast, JsValue};

/// Runs `f` holding the exclusive cross-tab lock on the records (the Web Locks API), so that a
/// save's read-merge-write never interleaves with another tab's. Where the browser has no Web
/// Locks (Safari before 15.4, pages not served from a secure context) `f` runs at once: the
/// storage event's merge-and-save-again still heals a collision, a moment later.
pub fn with_lock(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let (locks, request) = lock_manager().unzip();
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

/// The browser's lock manager and its `request` method, where it has Web Locks.
fn lock_manager() -> Option<(JsValue, js_sys::Function)> {
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined() && !l.is_null())?;
    let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((locks, request))
}

/// Runs `job` holding the exclusive cross-tab lock named `name` until it is done (the lock
/// request's callback returns a promise that settles with it). Without Web Locks it runs at once.
pub async fn holding<T: 'static>(
    name: &str,
    job: impl std::future::Future<Output = T> + 'static,
) -> T {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    let out: Rc<RefCell<Option<T>>> = Rc::default();
    type Job<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T>>>;
    let job: Rc<RefCell<Option<Job<T>>>> = Rc::new(RefCell::new(Some(Box::pin(job))));
    let (locks, request) = lock_manager().unzip();
    if let (Some(locks), Some(request)) = (locks, request) {
        let (run, put) = (job.clone(), out.clone());
        let callback = Closure::once_into_js(move |_lock: JsValue| {
            let job = run.borrow_mut().take();
            wasm_bindgen_futures::future_to_promise(async move {
                if let Some(job) = job {
                    let value = job.await;
                    *put.borrow_mut() = Some(value);
                }
                Ok(JsValue::UNDEFINED)
            })
        });
        if let Ok(promise) = request.call2(&locks, &JsValue::from_str(name), &callback) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            }
        }
    }
    // No Web Locks, or the request failed before running the job: run it now.
    let left = job.borrow_mut().take();
    if let Some(job) = left {
        let value = job.await;
        *out.borrow_mut() = Some(value);
    }
    let value = out.borrow_mut().take();
    value.expect("the job ran")
}
