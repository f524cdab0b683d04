//! The core's layers, in the manner of rust-analyzer's tidy tests: each module of
//! `crates/postmortem/src` imports only from its own layer or the layers below, no rule file
//! imports another, the model imports nothing above the text layer, and only the parser names
//! pulldown-cmark. ARCHITECTURE.md draws the same table.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers, lowest first: the top-level modules of each.
const LAYERS: &[&[&str]] = &[
    &["span", "time", "text", "sort"],
    &["model", "template"],
    &["parse"],
    &["diagnostic", "rule"],
    &["rules"],
    &["config", "check", "checklist", "stats", "metrics"],
    &["render", "html", "form", "diagram", "convert", "fix"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn source_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, found);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file belongs to: `rules/vague_task.rs` → `rules`, `parse.rs` →
/// `parse`.
fn module_of(relative: &Path) -> String {
    let first = relative.components().next().unwrap();
    let first = first.as_os_str().to_str().unwrap();
    first.trim_end_matches(".rs").to_owned()
}

/// The code outside tests: a file's `mod tests` and the items under `#[cfg(test)]` may reach
/// anywhere.
fn code_outside_tests(text: &str) -> String {
    let mut code = String::new();
    let mut skip_item = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            skip_item = true;
            continue;
        }
        if skip_item {
            // An item under `#[cfg(test)]` that opens a block: the rest of the file, for a
            // test module; else the one line.
            if trimmed.contains("mod tests") {
                break;
            }
            skip_item = false;
            if !trimmed.ends_with('{') {
                continue;
            }
        }
        // Comments may name anything.
        if !trimmed.starts_with("//") {
            code.push_str(line);
            code.push('\n');
        }
    }
    code
}

/// The names `crate::` reaches in `code`: `crate::model::X` → `model`, `crate::{a, b::c}` →
/// `a` and `b`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inside = &group[..group.find('}').unwrap_or(group.len())];
            names.extend(
                inside
                    .split(',')
                    .filter_map(|item| item.trim().split("::").next())
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned),
            );
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    names
}

/// What the crate root re-exports, by the module it comes from: `crate::Severity` is the
/// diagnostic module's.
fn root_exports(lib: &str) -> BTreeMap<String, String> {
    let mut exports = BTreeMap::new();
    for line in lib.lines() {
        let Some(path) = line.strip_prefix("pub use ") else {
            continue;
        };
        let (module, items) = path.split_once("::").unwrap();
        let items = items.trim_end_matches(';').trim_matches(['{', '}']);
        for item in items.split(',') {
            exports.insert(item.trim().to_owned(), module.to_owned());
        }
    }
    exports
}

#[test]
fn every_module_imports_only_from_its_layer_or_below() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(root.join("lib.rs")).unwrap();
    let exports = root_exports(&lib);
    let mut files = Vec::new();
    source_files(&root, &mut files);
    files.sort();
    let mut problems = Vec::new();
    for path in &files {
        let relative = path.strip_prefix(&root).unwrap();
        let module = module_of(relative);
        if module == "lib" {
            continue;
        }
        let Some(layer) = layer_of(&module) else {
            problems.push(format!(
                "{}: module `{module}` has no layer",
                relative.display()
            ));
            continue;
        };
        let code = code_outside_tests(&std::fs::read_to_string(path).unwrap());
        for name in crate_paths(&code) {
            let target = exports.get(&name).cloned().unwrap_or(name);
            match layer_of(&target) {
                Some(target_layer) if target_layer > layer => problems.push(format!(
                    "{}: `{module}` (layer {}) imports `{target}` (layer {})",
                    relative.display(),
                    layer + 1,
                    target_layer + 1
                )),
                None if target != module => problems.push(format!(
                    "{}: imports `{target}`, which has no layer",
                    relative.display()
                )),
                _ => {}
            }
        }
        if module == "rules" && relative.components().count() > 1 && code.contains("super::") {
            problems.push(format!(
                "{}: a rule file imports through `super::`: another rule's code belongs in the model or the text layer",
                relative.display()
            ));
        }
        if module == "model"
            && crate_paths(&code).iter().any(|name| {
                let target = exports.get(name).unwrap_or(name);
                target != "model" && layer_of(target).is_none_or(|target_layer| target_layer > 0)
            })
        {
            problems.push(format!(
                "{}: the model imports above the text layer",
                relative.display()
            ));
        }
        if module != "parse" && code.contains("pulldown_cmark") {
            problems.push(format!(
                "{}: only the parser names pulldown-cmark",
                relative.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(files.len() > 80, "read only {} files", files.len());
}

#[test]
fn the_checker_sees_an_import_from_above_and_a_rule_importing_a_rule() {
    let code = code_outside_tests(
        "use crate::{check::Context, span::Span};\nuse super::vague_task::task_line;\n#[cfg(test)]\nuse crate::fix;\nfn f() {}\n#[cfg(test)]\nmod tests {\n    use crate::html;\n}\n",
    );
    assert_eq!(crate_paths(&code), ["check", "span"]);
    assert!(code.contains("super::vague_task"));
    assert_eq!(layer_of("check"), Some(5));
    assert_eq!(
        root_exports("pub use diagnostic::{Diagnostic, Severity};\n")["Severity"],
        "diagnostic"
    );
}
