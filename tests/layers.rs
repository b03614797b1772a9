//! The layers of `src/lib.rs`, checked on the source: a module uses only modules below it
//! (listed before it here), so that no import goes up and there is no import circle. Code
//! under `#[cfg(test)]` may use anything.

use std::collections::BTreeSet;
use std::path::Path;

/// Bottom first, as `src/lib.rs` maps them.
const LAYERS: &[&str] = &[
    "unicode",
    "lexicon",
    "post",
    "chat",
    "clock",
    "status",
    "ingest",
    "extract",
    "store",
    "answer",
    "schedule",
    "index",
    "export",
    "preview",
    "bot",
    "shared",
    "transport",
    "config",
    "source",
    "run",
    "synthetic",
    "bench",
];

/// The source of a module (its file, or every file of its folder), without test code.
fn source_of(module: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let file = root.join(format!("{module}.rs"));
    if file.exists() {
        files.push(file);
    }
    let dir = root.join(module);
    if dir.is_dir() {
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    files.push(path);
                }
            }
        }
    }
    files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            // Test modules come last in a file; a file named tests.rs is all test code.
            if f.file_name().is_some_and(|n| n == "tests.rs") {
                return String::new();
            }
            match text.find("#[cfg(test)]") {
                Some(i) => text[..i].to_string(),
                None => text,
            }
        })
        .collect()
}

/// The modules of the crate that `text` names as `crate::module`.
fn used(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(i, m)| {
            text[i + m.len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|m| LAYERS.contains(&m.as_str()))
        .collect()
}

#[test]
fn no_module_uses_one_above_it() {
    let mut wrong = Vec::new();
    for (i, module) in LAYERS.iter().enumerate() {
        for dep in used(&source_of(module)) {
            let at = LAYERS.iter().position(|l| *l == dep).unwrap();
            if at > i {
                wrong.push(format!("{module} uses {dep}, which is above it"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_module_has_its_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&root).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let module = name.trim_end_matches(".rs");
        if matches!(module, "lib" | "main") {
            continue;
        }
        assert!(
            LAYERS.contains(&module),
            "src/{name} has no place in LAYERS (tests/layers.rs) or in src/lib.rs's map"
        );
    }
}
