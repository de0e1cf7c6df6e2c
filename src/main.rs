//! The page's entry point. The split point lives here, in the binary, and not in the library:
//! the split function is exported, and in the library that export would pull every page into the
//! worker and the browser tests too.

#[cfg(target_arch = "wasm32")]
mod split {
    use cme_tracker::ui::lazy::{LoadFailed, Pending, RenderPage};

    /// Everything only this function reaches (every page but the dashboard) is put in a second
    /// module by scripts/split.mjs; calling it fetches and links that module first.
    #[wasm_split_helpers::wasm_split(pages, fallible)]
    fn pages() -> Result<RenderPage, LoadFailed> {
        Ok(cme_tracker::ui::pages::render)
    }

    pub fn load() -> Pending {
        Box::pin(pages())
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    cme_tracker::ui::start(split::load);
}
