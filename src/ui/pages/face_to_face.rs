//! Face to face: two of her devices in one room exchange directly, in seconds. One shows its
//! code (a QR code of its card, `storage::sync::card`), the other reads it and shows its own
//! answer, the first reads that; both screens then show the same check code, a direct channel
//! opens between the two browsers (`storage::browser::peer`, no server), and each sends the other
//! only what it lacks (`ui::sync_exchange::face_to_face`). When no connection forms she is told
//! so, and offered the files instead.

use std::rc::Rc;

use yew::prelude::*;

use crate::storage::browser::peer::Link;
use crate::storage::sync::card::{self, Card, CardError};
use crate::ui::components::qr_reader::QrReader;
use crate::ui::state::use_app;
use crate::ui::worker_client::ask;
use crate::worker::protocol::{Request, Response};
use crate::worker::qr::Drawn;

/// How long the device that showed its code first waits for the channel once it has read the
/// answer (both are ready by then: only the network can stop it).
const OPEN_MS: u32 = 20_000;
/// How long the device that answered waits for the first to read its code.
const ANSWERED_MS: u32 = 180_000;

#[derive(Clone, PartialEq)]
enum Step {
    Idle,
    Working(String),
    /// This device's code shown; `offer` when it showed first (it then reads the answer).
    Showing {
        code: String,
        drawn: Option<Drawn>,
        offer: bool,
        check: Option<String>,
    },
    /// Reading the other device's first code.
    Scanning,
    Exchanging {
        check: String,
    },
    Done(String),
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct FaceToFaceProps {
    /// The name she gave this device.
    pub name: AttrValue,
    /// After an exchange: the page shows the devices and edits to review again.
    pub on_synced: Callback<()>,
    /// "… instead" when no connection forms: the folder's exchange where a folder is chosen,
    /// else this device's sync file written.
    pub on_files: Callback<()>,
    /// What that button says.
    pub files_label: AttrValue,
}

#[function_component(FaceToFace)]
pub fn face_to_face(props: &FaceToFaceProps) -> Html {
    let app = use_app();
    let step = use_state(|| Step::Idle);
    let problem = use_state(|| None::<AttrValue>);
    let link = use_mut_ref(|| None::<Rc<Link>>);
    let mine = use_mut_ref(|| None::<Card>);

    // Once the channel is open: the exchange, and what it gave.
    let exchange = {
        let (app, step, name, on_synced, current) = (
            app.clone(),
            step.clone(),
            props.name.to_string(),
            props.on_synced.clone(),
            link.clone(),
        );
        move |link: Rc<Link>, check: String, wait: u32| {
            wasm_bindgen_futures::spawn_local(exchange_when_open(
                app.clone(),
                step.clone(),
                name.clone(),
                on_synced.clone(),
                current.clone(),
                link,
                check,
                wait,
            ));
        }
    };

    let show_code = {
        let (step, link, mine, problem) =
            (step.clone(), link.clone(), mine.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let (step, link, mine, problem) =
                (step.clone(), link.clone(), mine.clone(), problem.clone());
            problem.set(None);
            step.set(Step::Working("Preparing this device's code…".into()));
            wasm_bindgen_futures::spawn_local(async move {
                match Link::offer().await.and_then(|(l, sdp)| {
                    Card::from_sdp(&sdp, false)
                        .map(|c| (l, c))
                        .map_err(|e| e.to_string())
                }) {
                    Ok((l, c)) => {
                        let code = c.encode();
                        *link.borrow_mut() = Some(Rc::new(l));
                        *mine.borrow_mut() = Some(c);
                        let drawn = draw(&code).await;
                        step.set(Step::Showing {
                            code,
                            drawn,
                            offer: true,
                            check: None,
                        });
                    }
                    Err(m) => step.set(Step::Failed(m)),
                }
            });
        })
    };

    let scan_code = {
        let (step, problem) = (step.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            problem.set(None);
            step.set(Step::Scanning);
        })
    };

    // The other device's code read: its answer (this device showed first), or its first code.
    let on_code = {
        let (step, link, mine, problem, exchange) = (
            step.clone(),
            link.clone(),
            mine.clone(),
            problem.clone(),
            exchange.clone(),
        );
        Callback::from(move |text: String| {
            let theirs = match Card::decode(&text) {
                Ok(c) => c,
                Err(e) => {
                    problem.set(Some(e.to_string().into()));
                    return;
                }
            };
            let offered = matches!(&*step, Step::Showing { offer: true, .. });
            if offered {
                if !theirs.answer {
                    problem.set(Some(CardError::BothOffers.to_string().into()));
                    return;
                }
                let (Some(l), Some(m)) = (link.borrow().clone(), mine.borrow().clone()) else {
                    return;
                };
                problem.set(None);
                let check = card::check_code(&m, &theirs);
                let (step, exchange) = (step.clone(), exchange.clone());
                step.set(Step::Working(format!(
                    "Connecting… Check that the other screen shows {check}."
                )));
                wasm_bindgen_futures::spawn_local(async move {
                    match l.accept(&theirs.to_sdp()).await {
                        Ok(()) => exchange(l, check, OPEN_MS),
                        Err(m) => step.set(Step::Failed(m)),
                    }
                });
                return;
            }
            if theirs.answer {
                problem.set(Some(CardError::NotAnOffer.to_string().into()));
                return;
            }
            problem.set(None);
            let (step, link, mine, exchange) =
                (step.clone(), link.clone(), mine.clone(), exchange.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Some((l, check)) = answer(&theirs, &step, &link, &mine).await {
                    exchange(l, check, ANSWERED_MS);
                }
            });
        })
    };

    let again = {
        let (step, link) = (step.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = link.borrow_mut().take() {
                l.close();
            }
            step.set(Step::Idle);
        })
    };

    let actions = Actions {
        show_code,
        scan_code,
        on_code,
        again,
        files: props.on_files.reform(|_: MouseEvent| ()),
        files_label: props.files_label.clone(),
        problem: (*problem).clone(),
    };
    html! {
        <section class="card" aria-labelledby="face-title">
            <h2 id="face-title">{ "Sync face to face" }</h2>
            { view(&step, &actions) }
        </section>
    }
}

/// What the card's buttons and reader do.
struct Actions {
    show_code: Callback<MouseEvent>,
    scan_code: Callback<MouseEvent>,
    on_code: Callback<String>,
    again: Callback<MouseEvent>,
    files: Callback<MouseEvent>,
    files_label: AttrValue,
    problem: Option<AttrValue>,
}

/// The card at each step.
fn view(step: &Step, a: &Actions) -> Html {
    match step {
        Step::Idle => html! {
            <>
                <p>{ "With both devices in the same room and on the same Wi-Fi: on one, show its code; on the other, scan it. Nothing passes through any server." }</p>
                <div class="actions">
                    <button type="button" class="btn btn--primary" onclick={a.show_code.clone()}>{ "Show this device's code" }</button>
                    <button type="button" class="btn" onclick={a.scan_code.clone()}>{ "Scan the other device's code" }</button>
                </div>
            </>
        },
        Step::Working(m) => html! { <p role="status" id="face-status">{ m.clone() }</p> },
        Step::Showing {
            code,
            drawn,
            offer,
            check,
        } => html! {
            <>
                if *offer {
                    <p>{ "On the other device, choose “Scan the other device's code” and scan this code." }</p>
                } else {
                    <p>{ "Now scan this code with the first device." }</p>
                }
                { qr(code, drawn.as_ref()) }
                if let Some(check) = check {
                    <p role="status" id="face-status">{ format!("Waiting for the other device… Both screens show the check code {check}: if they differ, stop.") }</p>
                }
                if *offer {
                    <h3>{ "Then read the code the other device shows" }</h3>
                    <QrReader id="face-answer" on_code={a.on_code.clone()} problem={a.problem.clone()} />
                }
                <div class="actions">
                    <button type="button" class="btn" onclick={a.again.clone()}>{ "Cancel" }</button>
                </div>
            </>
        },
        Step::Scanning => html! {
            <>
                <p>{ "Read the code the other device shows." }</p>
                <QrReader id="face-offer" on_code={a.on_code.clone()} problem={a.problem.clone()} />
                <div class="actions">
                    <button type="button" class="btn" onclick={a.again.clone()}>{ "Cancel" }</button>
                </div>
            </>
        },
        Step::Exchanging { check } => html! {
            <p role="status" id="face-status">{ format!("Connected (check code {check}). Exchanging…") }</p>
        },
        Step::Done(m) => html! {
            <>
                <p role="status" class="notice" id="face-status">{ m.clone() }</p>
                <div class="actions">
                    <button type="button" class="btn" onclick={a.again.clone()}>{ "Done" }</button>
                </div>
            </>
        },
        Step::Failed(m) => html! {
            <>
                <p role="alert" class="error" id="face-status">{ m.clone() }</p>
                <div class="actions">
                    <button type="button" class="btn btn--primary" onclick={a.files.clone()}>{ a.files_label.clone() }</button>
                    <button type="button" class="btn" onclick={a.again.clone()}>{ "Try again" }</button>
                </div>
            </>
        },
    }
}
/// This device's answer to the other's first code, shown: the connection and the check code,
/// or none (the step says why).
async fn answer(
    theirs: &Card,
    step: &UseStateHandle<Step>,
    link: &Rc<std::cell::RefCell<Option<Rc<Link>>>>,
    mine: &Rc<std::cell::RefCell<Option<Card>>>,
) -> Option<(Rc<Link>, String)> {
    step.set(Step::Working("Preparing this device's answer…".into()));
    let answered = Link::answer(&theirs.to_sdp()).await.and_then(|(l, sdp)| {
        Card::from_sdp(&sdp, true)
            .map(|c| (l, c))
            .map_err(|e| e.to_string())
    });
    let (l, c) = match answered {
        Ok(x) => x,
        Err(m) => {
            step.set(Step::Failed(m));
            return None;
        }
    };
    let code = c.encode();
    let check = card::check_code(&c, theirs);
    let l = Rc::new(l);
    *link.borrow_mut() = Some(l.clone());
    *mine.borrow_mut() = Some(c);
    let drawn = draw(&code).await;
    step.set(Step::Showing {
        code,
        drawn,
        offer: false,
        check: Some(check.clone()),
    });
    Some((l, check))
}

/// Once the channel is open (or not, within `wait` ms): the exchange, and what it gave.
#[allow(clippy::too_many_arguments)]
async fn exchange_when_open(
    app: crate::ui::state::AppContext,
    step: UseStateHandle<Step>,
    name: String,
    on_synced: Callback<()>,
    current: Rc<std::cell::RefCell<Option<Rc<Link>>>>,
    link: Rc<Link>,
    check: String,
    wait: u32,
) {
    if let Err(m) = link.opened(wait).await {
        // Cancelled meanwhile (or started again): this connection has nothing to say.
        let still = current
            .borrow()
            .as_ref()
            .is_some_and(|l| Rc::ptr_eq(l, &link));
        if still {
            step.set(Step::Failed(m));
        }
        return;
    }
    step.set(Step::Exchanging {
        check: check.clone(),
    });
    let result = crate::ui::sync_exchange::face_to_face(app, link.clone(), Some(name)).await;
    link.close();
    match result {
        Ok(settled) => {
            let said = settled
                .message
                .unwrap_or_else(|| "Nothing new on either device.".into());
            let refused = settled.refused.join(" ");
            step.set(Step::Done(format!(
                "{said} {refused} (Check code {check}.)"
            )));
            on_synced.emit(());
        }
        Err(m) => step.set(Step::Failed(m)),
    }
}

/// This device's code as a QR code, with the code written under it (to type on a computer
/// without a camera).
fn qr(code: &str, drawn: Option<&Drawn>) -> Html {
    html! {
        <figure class="qr">
            if let Some(d) = drawn {
                <svg id="face-qr" viewBox={format!("0 0 {0} {0}", d.size)} role="img" aria-label="This device's code as a QR code" shape-rendering="crispEdges">
                    <rect width="100%" height="100%" fill="#fff" />
                    <path d={d.path.clone()} fill="#000" />
                </svg>
            }
            <figcaption><code id="face-code">{ card::grouped(code) }</code></figcaption>
        </figure>
    }
}

async fn draw(code: &str) -> Option<Drawn> {
    match ask(Request::QrDraw {
        text: code.to_string(),
    })
    .await
    {
        Response::QrDrawn(d) => Some(d),
        _ => None,
    }
}

/// Whether the browser can open a direct connection (WebRTC) at all.
pub fn supported() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"RTCPeerConnection".into()).ok())
        .is_some_and(|f| f.is_function())
}
