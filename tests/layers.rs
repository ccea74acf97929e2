//! The core is layered: each module may use only the modules of lower layers
//! (`docs/architecture.md`). This test reads every `crate::…` path in the library's
//! sources and fails on any edge that points up or sideways, so a dependency cycle
//! cannot creep back in. Test code (`tests.rs` files and `#[cfg(test)]` modules) may
//! reach higher layers for fixtures.

use std::path::{Path, PathBuf};

/// The layers, bottom to top. A module may use modules of lower layers only.
const LAYERS: &[&[&str]] = &[
    &["display", "undo", "order"],
    &["card"],
    &["review"],
    &["document"],
    &["markdown"],
    &["render"],
    &["formats"],
    &["check", "storage"],
    &["ui"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a source file belongs to: `src/formats/hf/body.rs` → `formats`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    let module = first.strip_suffix(".rs").unwrap_or(first);
    // `main.rs` and `split_points.rs` are the web app's binary, `bin/` the others: they sit
    // on top of everything.
    (!matches!(module, "lib" | "main" | "split_points" | "bin")).then(|| module.to_owned())
}

/// The code of a file without its tests and comments.
fn production_code(text: &str) -> String {
    let code = match text.find("#[cfg(test)]") {
        Some(tests) => text.get(..tests).unwrap_or(text),
        None => text,
    };
    code.lines()
        .map(|line| line.split_once("//").map_or(line, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module named after `crate::` in the code, including inside `use crate::{a, b}`.
fn used_modules(code: &str) -> Vec<String> {
    let mut used = Vec::new();
    let mut rest = code;
    while let Some((_, after)) = rest.split_once("crate::") {
        rest = after;
        let after = after.trim_start();
        if let Some(group) = after.strip_prefix('{') {
            // `use crate::{card::Card, review};`: the first word of every item.
            let inner = group.split_once('}').map_or(group, |(inner, _)| inner);
            for item in inner.split(',') {
                let name: String =
                    item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    used.push(name);
                }
            }
        } else {
            let name: String =
                after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                used.push(name);
            }
        }
    }
    used
}

/// Every edge from `module` to a module that is not in a lower layer.
fn back_edges(module: &str, code: &str) -> Vec<String> {
    let Some(own) = layer_of(module) else {
        return vec![format!("{module} is in no layer; add it to LAYERS and docs/architecture.md")];
    };
    used_modules(code)
        .into_iter()
        .filter(|used| used != module)
        .filter_map(|used| match layer_of(&used) {
            Some(layer) if layer < own => None,
            Some(_) => Some(format!("{module} uses {used}, which is not in a lower layer")),
            None => Some(format!("{module} uses crate::{used}, which is in no layer")),
        })
        .collect()
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn no_module_uses_a_module_of_its_own_or_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut problems = Vec::new();
    let mut modules = 0;
    for file in &files {
        let Some(module) = module_of(&src, file) else { continue };
        if file.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        modules += 1;
        let text = std::fs::read_to_string(file).unwrap();
        for edge in back_edges(&module, &production_code(&text)) {
            problems.push(format!("{}: {edge}", file.strip_prefix(&src).unwrap().display()));
        }
    }
    assert!(modules > 50, "only {modules} files were read");
    assert!(problems.is_empty(), "the layers are broken:\n{}", problems.join("\n"));
}

#[test]
fn the_checker_finds_a_back_edge() {
    // review (layer 3) reaching up into check (layer 8), as it once did.
    let code = "use crate::card::Card;\nuse crate::check::{Kind, Problem};\n";
    assert_eq!(back_edges("review", code), ["review uses check, which is not in a lower layer"]);
    // Grouped imports, inline paths and same-layer neighbours count too.
    assert_eq!(
        back_edges("render", "use crate::{card::Card, formats};"),
        ["render uses formats, which is not in a lower layer"]
    );
    assert_eq!(
        back_edges("formats", "let x = crate::check::check(&d);"),
        ["formats uses check, which is not in a lower layer"]
    );
    assert_eq!(
        back_edges("storage", "use crate::check::CardProblem;"),
        ["storage uses check, which is not in a lower layer"]
    );
    // Comments and tests do not count; lower layers are fine.
    let fine =
        "// crate::ui::App\nuse crate::card::Card;\n#[cfg(test)]\nmod tests { use crate::ui; }";
    assert!(back_edges("review", &production_code(fine)).is_empty());
}

#[test]
fn the_architecture_doc_lists_every_layer() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/architecture.md"))
        .unwrap();
    for module in LAYERS.iter().flat_map(|layer| layer.iter()) {
        assert!(
            doc.contains(&format!("`{module}`")),
            "docs/architecture.md does not name {module}"
        );
    }
}
