//! Browser tests of the app shell: components render into a real DOM in headless Chromium.
#![cfg(target_arch = "wasm32")]

use cme_tracker::ui::app::App;
use cme_tracker::ui::components::empty_state;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root(id: &str) -> web_sys::Element {
    let doc = gloo::utils::document();
    let root = doc.create_element("div").expect("create div");
    root.set_id(id);
    doc.body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    root
}

#[derive(Properties, PartialEq)]
struct Wrapper {
    title: AttrValue,
}

#[function_component(EmptyStateHost)]
fn empty_state_host(props: &Wrapper) -> Html {
    html! {
        { empty_state("📚", props.title.clone(), html! { <p>{ "Log your first activity." }</p> }) }
    }
}

#[wasm_bindgen_test]
async fn empty_state_renders_its_title_and_guidance() {
    let root = fresh_root("empty-state-test");
    yew::Renderer::<EmptyStateHost>::with_root_and_props(
        root.clone(),
        Wrapper {
            title: "No activities logged yet".into(),
        },
    )
    .render();
    yew::scheduler::flush().await;

    let section = root
        .query_selector("section.empty-state")
        .unwrap()
        .expect("section rendered");
    assert_eq!(
        section.get_attribute("aria-label").as_deref(),
        Some("No activities logged yet")
    );
    let heading = root.query_selector("h2").unwrap().expect("heading");
    assert_eq!(
        heading.text_content().as_deref(),
        Some("No activities logged yet")
    );
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("Log your first activity."));
}

#[wasm_bindgen_test]
async fn app_renders_navigation_with_every_screen() {
    let root = fresh_root("app-test");
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;

    let links = root.query_selector_all("nav[aria-label='Main'] a").unwrap();
    let labels: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|n| n.text_content())
        .collect();
    assert_eq!(
        labels,
        [
            "Dashboard",
            "Activities",
            "Credentials",
            "Goals",
            "Backup",
            "Settings",
            "About"
        ]
    );
    let h1 = root
        .query_selector("main h1")
        .unwrap()
        .expect("a page heading");
    assert!(!h1.text_content().unwrap_or_default().is_empty());
}

#[wasm_bindgen_test]
fn crash_screen_replaces_the_app() {
    let doc = gloo::utils::document();
    let body = doc.body().unwrap();
    for (tag, id) in [("div", "fatal"), ("pre", "fatal-details"), ("div", "app")] {
        let el = doc.create_element(tag).unwrap();
        el.set_id(id);
        if id == "fatal" {
            el.set_attribute("hidden", "").unwrap();
        }
        body.append_child(&el).unwrap();
    }
    cme_tracker::ui::show_fatal_error("panicked at 'boom'");
    assert!(!doc
        .get_element_by_id("fatal")
        .unwrap()
        .has_attribute("hidden"));
    assert!(doc
        .get_element_by_id("app")
        .unwrap()
        .has_attribute("hidden"));
    assert_eq!(
        doc.get_element_by_id("fatal-details")
            .unwrap()
            .text_content()
            .as_deref(),
        Some("panicked at 'boom'")
    );
}

#[wasm_bindgen_test]
fn the_backup_page_sizes_use_the_shared_size_text() {
    use cme_tracker::ui::locale::bytes;
    assert_eq!(bytes(12.0 * 1024.0), "12 KB");
    assert_eq!(bytes(-1.0), "0 bytes");
}

/// Years below 100 keep their digits (JavaScript's Date constructor reads 25 as 1925), and every
/// year the contract allows is written with its own number.
#[wasm_bindgen_test]
fn dates_keep_years_below_one_hundred_and_at_the_contract_ends() {
    use chrono::NaiveDate;
    use cme_tracker::ui::locale::date;
    let shown = date(NaiveDate::from_ymd_opt(25, 3, 1).unwrap());
    assert!(shown.contains("25") && !shown.contains("1925"), "{shown}");
    for (y, m, d) in [(1900, 1, 1), (2200, 12, 31), (2026, 2, 28)] {
        let shown = date(NaiveDate::from_ymd_opt(y, m, d).unwrap());
        assert!(shown.contains(&y.to_string()), "{shown}");
    }
    assert_eq!(date(NaiveDate::MIN), NaiveDate::MIN.to_string());
}

/// The pages other than the dashboard come from a second module in the release build
/// (`ui::lazy`). When it cannot be fetched the page says so in place of a blank screen, and
/// "Try again" loads it.
#[wasm_bindgen_test]
async fn a_page_that_cannot_be_loaded_says_so_and_loads_on_try_again() {
    use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
    use wasm_bindgen::JsCast;
    static CALLS: AtomicU32 = AtomicU32::new(0);
    // The network is back: set before "Try again".
    static REACHABLE: AtomicBool = AtomicBool::new(false);
    cme_tracker::ui::lazy::PAGES.with(|l| {
        l.set_loader(|| {
            CALLS.fetch_add(1, Ordering::SeqCst);
            let reachable = REACHABLE.load(Ordering::SeqCst);
            Box::pin(async move {
                if !reachable {
                    Err(cme_tracker::ui::lazy::LoadFailed)
                } else {
                    Ok(cme_tracker::ui::pages::render as cme_tracker::ui::lazy::RenderPage)
                }
            })
        })
    });
    // The records' module (a split point too) loads at once here.
    cme_tracker::ui::lazy::RECORDS.with(|l| {
        l.set_loader(|| {
            Box::pin(async {
                Ok(cme_tracker::ui::app::records_root as cme_tracker::ui::lazy::RenderRoot)
            })
        })
    });
    let window = gloo::utils::window();
    window.location().set_hash("#/privacy").unwrap();
    let root = fresh_root("lazy-test");
    yew::Renderer::<App>::with_root(root.clone()).render();
    let settle = || async {
        for _ in 0..5 {
            yew::scheduler::flush().await;
            // A macrotask: the loader's future and Yew's scheduled render both get to run.
            let tick = js_sys::Promise::new(&mut |resolve, _| {
                gloo::utils::window()
                    .set_timeout_with_callback(&resolve)
                    .unwrap();
            });
            wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
        }
    };
    settle().await;

    let main = root.query_selector("main").unwrap().expect("main");
    let text = main.text_content().unwrap_or_default();
    assert!(
        text.contains("This page could not be loaded") && text.contains("Your records are safe"),
        "{text}"
    );
    let retry: web_sys::HtmlElement = main
        .query_selector("button")
        .unwrap()
        .expect("Try again")
        .dyn_into()
        .unwrap();
    assert_eq!(retry.text_content().as_deref(), Some("Try again"));
    let failed_calls = CALLS.load(Ordering::SeqCst);
    REACHABLE.store(true, Ordering::SeqCst);
    retry.click();
    settle().await;

    let h1 = main
        .query_selector("h1")
        .unwrap()
        .expect("the page's heading");
    assert_eq!(h1.text_content().as_deref(), Some("About & privacy"));
    // One more load, the retry's (a failed load is not kept).
    assert_eq!(CALLS.load(Ordering::SeqCst), failed_calls + 1);
    window.location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
fn stored_text_reads_back_exactly_whatever_its_characters() {
    use cme_tracker::storage::browser::BrowserStore;
    use cme_tracker::storage::save_path::Store;
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let key = "cme-tracker:test-text";
    // ASCII, two- three- and four-byte characters (a surrogate pair), none at all, and long texts
    // whose first non-ASCII character comes after the room reserved for one byte per unit.
    let long_ascii = "a".repeat(300_000);
    let cases = [
        String::new(),
        "Grand rounds".to_string(),
        "Éthique médicale — 漢字 🩺 naïve".to_string(),
        format!("{long_ascii}é"),
        format!("{long_ascii}🩺{long_ascii}漢"),
        "🩺".repeat(10_000),
    ];
    for text in &cases {
        storage.set_item(key, text).unwrap();
        assert_eq!(BrowserStore.get(key).as_deref(), Some(text.as_str()));
    }
    // A lone surrogate (which JavaScript strings allow and Rust text does not) reads as U+FFFD.
    js_sys::eval("localStorage.setItem('cme-tracker:test-text', 'a\\uD800b')").unwrap();
    assert_eq!(BrowserStore.get(key).as_deref(), Some("a\u{FFFD}b"));
    storage.remove_item(key).unwrap();
    assert_eq!(BrowserStore.get(key), None);
}

#[wasm_bindgen_test]
fn a_kept_dashboard_reads_back_only_under_the_stored_meta_and_day() {
    use cme_tracker::storage::browser::{forget_dashboard, keep_dashboard, kept_dashboard};
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let meta = r#"{"revision":3,"schema_version":4,"writer":"abc"}"#;
    let html = "<div class=\"dashboard\"><h1>Dashboard</h1><p>Éthique — 🩺</p></div>";
    storage.set_item("cme-tracker:meta", meta).unwrap();
    keep_dashboard(meta, || html.to_string(), today);
    assert_eq!(kept_dashboard(today).as_deref(), Some(html));
    // One kept for these records today already fits: the markup is not even made again.
    keep_dashboard(meta, || unreachable!("a fitting dashboard is kept"), today);
    assert_eq!(kept_dashboard(today).as_deref(), Some(html));
    // The next day, or after any save (a new meta), it is not drawn.
    assert_eq!(kept_dashboard(today.succ_opt().unwrap()), None);
    storage
        .set_item(
            "cme-tracker:meta",
            r#"{"revision":4,"schema_version":4,"writer":"def"}"#,
        )
        .unwrap();
    assert_eq!(kept_dashboard(today), None);
    // Removed before a save.
    forget_dashboard();
    assert_eq!(storage.get_item("cme-tracker:dashboard").unwrap(), None);
    storage.remove_item("cme-tracker:meta").unwrap();
}
