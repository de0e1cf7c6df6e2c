//! The page's entry point. The split points live here, in the binary, and not in the library: a
//! split function is exported, and in the library that export would pull what it reaches into
//! the worker and the browser tests too. See `ui::lazy`.

#[cfg(target_arch = "wasm32")]
mod split {
    use cme_tracker::ui::lazy::{LoadFailed, Pending, RenderPage, RenderRoot};
    use cme_tracker::ui::worker_client::WorkerSide;

    /// The app with the records: their reader and writer, the reducer, the engine and the
    /// dashboard (src/ui/lazy.rs).
    #[wasm_split_helpers::wasm_split(records, fallible)]
    fn records() -> Result<RenderRoot, LoadFailed> {
        Ok(cme_tracker::ui::app::records_root)
    }

    /// Every page but the dashboard: everything only this function reaches is put in a module of
    /// its own by scripts/split.mjs; calling it fetches and links that module first.
    #[wasm_split_helpers::wasm_split(pages, fallible)]
    fn pages() -> Result<RenderPage, LoadFailed> {
        Ok(cme_tracker::ui::pages::render)
    }

    /// The page's side of the worker: its connection, the messages' readers and writers, and the
    /// automatic backup's writing of its file, and the exchange through the sync folder.
    #[wasm_split_helpers::wasm_split(worker, fallible)]
    fn worker() -> Result<WorkerSide, LoadFailed> {
        Ok(WorkerSide {
            request: cme_tracker::ui::worker_client::request_now,
            write_backup: cme_tracker::ui::worker_client::write_backup_now,
            sync_folder: cme_tracker::ui::worker_client::sync_folder_now,
        })
    }

    pub fn load_records() -> Pending<RenderRoot> {
        Box::pin(records())
    }

    pub fn load_pages() -> Pending<RenderPage> {
        Box::pin(pages())
    }

    pub fn load_worker() -> Pending<WorkerSide> {
        Box::pin(worker())
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    cme_tracker::ui::start(split::load_records, split::load_pages, split::load_worker);
}
