//! The domain's shape, checked: its layers (model, presets, engine, text, draft, formats, then
//! the operations) import only downward, no two modules import each other through any path, and
//! nothing in the domain reaches for the browser, the stored format or the UI.
//!
//! Read from the source as a newcomer would: every `crate::domain::…` and `super::…` path outside
//! comments and test modules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: [&str; 7] = [
    "model", "presets", "engine", "text", "draft", "formats", "ops",
];

fn rank(layer: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| *l == layer)
        .unwrap_or_else(|| panic!("no layer {layer}"))
}

/// Every .rs file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file below src/domain: ["engine", "evaluate"], ["draft"] for mod.rs.
fn module_of(file: &Path, root: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    if last != "mod.rs" {
        parts.push(last.trim_end_matches(".rs").to_string());
    }
    parts
}

/// The layer a module belongs to: its folder, or for files at the root, the operations layer
/// (`ops`, and `build`, the builders tests use).
fn layer_of(module: &[String]) -> &'static str {
    match module.first().map(String::as_str) {
        Some(l) if LAYERS.contains(&l) && l != "ops" => LAYERS[rank(l)],
        _ => "ops",
    }
}

/// The code of a file without comments and without its test modules (`#[cfg(…test…)]` above a
/// `mod`), which may use the builders of the layer above.
fn code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let end = (0..lines.len())
        .find(|&i| {
            lines[i].starts_with("#[cfg(")
                && lines[i].contains("test")
                && lines.get(i + 1).is_some_and(|l| l.starts_with("mod "))
        })
        .unwrap_or(lines.len());
    lines[..end]
        .iter()
        .map(|l| match l.find("//") {
            Some(at) => &l[..at],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The domain modules a file's code names, as paths below src/domain (the first two segments,
/// enough to name a module).
fn references(module: &[String], code: &str) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    let word = |at: usize| -> String {
        code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':' || *c == '{')
            .collect()
    };
    let mut i = 0;
    while i < bytes.len() {
        if !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &code[i..];
        let (base, len): (Vec<String>, usize) = if rest.starts_with("crate::domain::") {
            (vec![], "crate::domain::".len())
        } else if rest.starts_with("super::")
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b':'))
        {
            // `super` of a file module is its folder; of a folder's mod.rs, the folder above.
            let mut base = module.to_vec();
            base.pop();
            (base, "super::".len())
        } else {
            i += 1;
            continue;
        };
        let path = word(i + len);
        let mut segments: Vec<String> = base;
        for s in path.split("::") {
            if s.is_empty() || s.starts_with('{') || s.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            segments.push(s.to_string());
        }
        if path.starts_with(|c: char| c.is_uppercase()) && segments.is_empty() {
            // A type re-exported at the root (`crate::domain::Activity`) is a model type.
            segments.push("model".into());
        }
        // `super::*` or a lone `super::{…}` group names the parent itself.
        segments.truncate(2);
        if !segments.is_empty() {
            out.insert(segments);
        }
        i += len;
    }
    out
}

struct Domain {
    /// Module path → the modules its code names.
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
    /// Module path → its code.
    code: BTreeMap<Vec<String>, String>,
}

fn domain() -> Domain {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut all = Vec::new();
    files(&root, &mut all);
    let mut edges = BTreeMap::new();
    let mut codes = BTreeMap::new();
    for f in all {
        // A test module kept in a file of its own (`#[cfg(test)] mod tests;`) may use the
        // builders above, as one written inline may.
        if f.file_stem()
            .is_some_and(|s| s.to_string_lossy().ends_with("tests"))
        {
            continue;
        }
        let module = module_of(&f, &root);
        let code = code(&std::fs::read_to_string(&f).unwrap());
        edges.insert(module.clone(), references(&module, &code));
        codes.insert(module, code);
    }
    Domain { edges, code: codes }
}

/// The module a reference lands in: the longest known module path it starts with.
fn resolve<'a>(d: &'a Domain, r: &[String]) -> Option<&'a Vec<String>> {
    (1..=r.len())
        .rev()
        .find_map(|n| d.edges.get_key_value(&r[..n]).map(|(k, _)| k))
}

#[test]
fn layers_import_only_downward() {
    let d = domain();
    assert!(d.edges.len() > 40, "read {} modules", d.edges.len());
    let mut wrong = Vec::new();
    for (from, refs) in &d.edges {
        let from_layer = layer_of(from);
        for r in refs {
            let Some(to) = resolve(&d, r) else { continue };
            let to_layer = layer_of(to);
            if to.is_empty() || from.first() == to.first() {
                continue;
            }
            if rank(to_layer) > rank(from_layer) {
                wrong.push(format!(
                    "{} ({from_layer}) → {} ({to_layer})",
                    from.join("::"),
                    to.join("::")
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "imports upward:\n{}", wrong.join("\n"));
}

#[test]
fn no_module_imports_itself_through_others() {
    let d = domain();
    // Tarjan-free: a module is in a loop when it reaches itself.
    let next = |m: &Vec<String>| -> Vec<Vec<String>> {
        d.edges[m]
            .iter()
            .filter_map(|r| resolve(&d, r))
            .filter(|t| *t != m && !t.is_empty() && !m.starts_with(t) && !t.starts_with(m))
            .cloned()
            .collect()
    };
    let mut loops = Vec::new();
    for start in d.edges.keys() {
        let mut seen = BTreeSet::new();
        let mut stack = vec![(start.clone(), vec![start.join("::")])];
        while let Some((m, trail)) = stack.pop() {
            for t in next(&m) {
                if &t == start {
                    loops.push(format!("{} → {}", trail.join(" → "), start.join("::")));
                } else if seen.insert(t.clone()) {
                    let mut trail = trail.clone();
                    trail.push(t.join("::"));
                    stack.push((t, trail));
                }
            }
        }
    }
    loops.sort();
    loops.dedup();
    assert!(
        loops.is_empty(),
        "{} loops, e.g.:\n{}",
        loops.len(),
        loops
            .iter()
            .take(12)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_domain_never_reaches_for_the_browser_storage_or_ui() {
    let d = domain();
    for (m, code) in &d.code {
        for outside in [
            "web_sys",
            "js_sys",
            "yew",
            "gloo",
            "crate::storage",
            "crate::ui",
            "crate::worker",
        ] {
            assert!(!code.contains(outside), "{} uses {outside}", m.join("::"));
        }
    }
}
