//! Two things the page's build needs from here.
//!
//! - The linker's relocations in the page's wasm: wasm-split-cli reads them to tell which
//!   functions only the split point reaches (src/main.rs, scripts/split.mjs). Only that binary and
//!   only for wasm32: the worker, the tests and native builds stay as they are.
//! - `CME_BUILD`, a hash of the sources: the dashboard kept with the records (`storage::kept`) is
//!   drawn at start only by the build that made it, so a new version never shows, even for a
//!   moment, what an older one computed.
use std::hash::{Hash, Hasher};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=cme-tracker=--emit-relocs");
    }
    let mut files = Vec::new();
    collect(Path::new("src"), &mut files);
    files.push(Path::new("Cargo.lock").to_path_buf());
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        f.hash(&mut hasher);
        std::fs::read(f).unwrap_or_default().hash(&mut hasher);
    }
    println!("cargo:rustc-env=CME_BUILD={:016x}", hasher.finish());
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
