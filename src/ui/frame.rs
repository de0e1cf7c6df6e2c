//! Work put off until the browser has painted: what a person waits for is drawn first, the rest
//! (the address, the lower parts of a page, the save) in the tasks after that frame.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Runs `f` in a task after the browser has painted the next frame, or after 250 ms when no frame
/// comes (a hidden tab gets none): whichever is first, once.
pub fn after_next_frame(f: impl FnOnce() + 'static) {
    after_frames(1, f);
}

/// As [`after_next_frame`], after `frames` frames (or 250 ms each when none come): work asked for
/// after one frame runs (and what it draws is painted) before work asked for after two, whichever
/// was asked for first.
pub fn after_frames(frames: u32, f: impl FnOnce() + 'static) {
    let once = Rc::new(RefCell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            let f = once.borrow_mut().take();
            if let Some(f) = f {
                f();
            }
        }
    };
    gloo::timers::callback::Timeout::new(250 * frames, run.clone()).forget();
    request_frames(frames.max(1), Box::new(run));
}

/// Asks for `frames` animation frames, one after the other, then runs `run` in a task of its own
/// (a callback of the last frame runs before that frame is painted).
fn request_frames(frames: u32, run: Box<dyn FnOnce()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(move |_: f64| {
        if frames > 1 {
            request_frames(frames - 1, run);
        } else {
            gloo::timers::callback::Timeout::new(0, run).forget();
        }
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// False while a component's first frame is drawn, true from the task after it is painted: a
/// page draws what is seen first (its heading and the record) and its lower parts a frame later,
/// so that the frame after a click or a save comes sooner.
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| after_next_frame(move || painted.set(true)));
    }
    *painted
}
