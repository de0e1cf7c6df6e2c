//! The page's binary needs the linker's relocations in its wasm: wasm-split-cli reads them to tell
//! which functions only the split point reaches (src/main.rs, scripts/split.mjs). Only that
//! binary and only for wasm32: the worker, the tests and native builds stay as they are.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=cme-tracker=--emit-relocs");
    }
}
