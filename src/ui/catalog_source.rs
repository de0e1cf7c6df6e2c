//! The preset catalog as the app gets it: a same-origin file (`catalog.json`, copied into the
//! build by Trunk and precached by the service worker), fetched the first time a page needs it.
//! Keeping it out of the wasm keeps the first download 42 KB (gzipped) smaller for everyone,
//! while the catalog still works offline after the first visit.

use std::cell::Cell;

use yew::prelude::*;

use crate::domain::presets::Catalog;

/// Where the catalog stands for a page.
#[derive(Clone)]
pub enum CatalogLoad {
    Loading,
    Ready(&'static Catalog),
    Failed(String),
}

impl PartialEq for CatalogLoad {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (CatalogLoad::Loading, CatalogLoad::Loading) => true,
            // The same loaded catalog: compared by address, not preset by preset.
            (CatalogLoad::Ready(a), CatalogLoad::Ready(b)) => std::ptr::eq(*a, *b),
            (CatalogLoad::Failed(a), CatalogLoad::Failed(b)) => a == b,
            _ => false,
        }
    }
}

impl CatalogLoad {
    pub fn ready(&self) -> Option<&'static Catalog> {
        match self {
            CatalogLoad::Ready(c) => Some(c),
            _ => None,
        }
    }
}

thread_local! {
    /// Loaded once per page and kept for its lifetime (pages hold `&'static Preset`s from it).
    static LOADED: Cell<Option<&'static Catalog>> = const { Cell::new(None) };
}

/// The catalog, fetched on first use.
#[hook]
pub fn use_catalog() -> CatalogLoad {
    let state = use_state(|| match LOADED.with(Cell::get) {
        Some(c) => CatalogLoad::Ready(c),
        None => CatalogLoad::Loading,
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if *state == CatalogLoad::Loading {
                wasm_bindgen_futures::spawn_local(async move {
                    // Another page may have loaded it meanwhile.
                    let loaded = match LOADED.with(Cell::get) {
                        Some(c) => Ok(c),
                        None => fetch_catalog().await,
                    };
                    state.set(match loaded {
                        Ok(c) => {
                            LOADED.with(|l| l.set(Some(c)));
                            CatalogLoad::Ready(c)
                        }
                        Err(message) => CatalogLoad::Failed(message),
                    });
                });
            }
        });
    }
    (*state).clone()
}

async fn fetch_catalog() -> Result<&'static Catalog, String> {
    const UNREACHABLE: &str =
        "The preset catalog could not be loaded. It is saved for offline use \
        on the first visit with a connection; until then, add the credential by hand.";
    let text = crate::ui::fetch::text("catalog.json")
        .await
        .map_err(|e| match e {
            crate::ui::fetch::NotFetched::Status(s) => {
                format!("{UNREACHABLE} (The server answered {s}.)")
            }
            crate::ui::fetch::NotFetched::Unreachable => UNREACHABLE.to_string(),
        })?;
    let catalog = Catalog::parse(&text)?;
    // Leaked on purpose: one catalog per page lifetime, referenced by the pages that show it.
    Ok(Box::leak(Box::new(catalog)))
}
