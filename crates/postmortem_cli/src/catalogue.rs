//! `postmortem rules [CODE]` and `postmortem new`.

use crate::Failure;
use postmortem::RuleMeta;
use std::fmt::Write as _;

/// The catalogue as a table: code, name, default severity, on or off by default, fixable,
/// summary.
pub(crate) fn table() -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<6} {:<30} {:<8} {:<8} {:<4} SUMMARY",
        "CODE", "NAME", "SEVERITY", "DEFAULT", "FIX"
    );
    for meta in postmortem::rule_catalogue() {
        let _ = writeln!(
            out,
            "{:<6} {:<30} {:<8} {:<8} {:<4} {}",
            meta.code,
            meta.name,
            meta.default_severity.as_str(),
            if meta.enabled_by_default { "on" } else { "off" },
            if meta.fixable { "yes" } else { "" },
            summary(meta)
        );
    }
    let _ = writeln!(
        out,
        "\n`postmortem rules CODE` shows a rule's documentation. Turn rules on or off, or change\n\
         their severity, in `.postmortem.json`: {{ \"rules\": {{ \"PM605\": \"warning\" }} }}"
    );
    out
}

/// One rule's documentation, with its defaults.
pub(crate) fn rule(code_or_name: &str) -> Result<String, Failure> {
    let meta = postmortem::rules::find(code_or_name).ok_or_else(|| {
        Failure(format!(
            "no rule `{code_or_name}`: `postmortem rules` lists the codes and names"
        ))
    })?;
    let mut out = String::new();
    let _ = writeln!(out, "{} {}\n", meta.code, meta.name);
    let _ = writeln!(
        out,
        "Severity: {} by default. {}. {}.\n",
        meta.default_severity,
        if meta.enabled_by_default {
            "On by default"
        } else {
            "Off by default"
        },
        if meta.fixable {
            "Fixable with `--fix`"
        } else {
            "No automatic fix"
        },
    );
    out.push_str(&docs_text(meta));
    out.push('\n');
    Ok(out)
}

/// The documentation's first paragraph on one line (`RuleMeta::summary` is only its first
/// line, which may stop mid-sentence).
pub(crate) fn summary(meta: &RuleMeta) -> String {
    let docs = docs_text(meta);
    let paragraph = docs.split("\n\n").next().unwrap_or_default();
    paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rule's documentation as Markdown, without the indentation of its doc comment.
pub(crate) fn docs_text(meta: &RuleMeta) -> String {
    let lines: Vec<&str> = meta
        .docs
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect();
    lines.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docs_lose_the_doc_comment_indentation() {
        let meta = postmortem::rules::find("PM202").unwrap();
        let docs = docs_text(meta);
        assert!(docs.starts_with("Reports "), "{docs}");
        assert!(docs.contains("\n## Why is this bad?\n"), "{docs}");
    }

    #[test]
    fn a_summary_is_the_whole_first_paragraph() {
        let meta = postmortem::rules::find("PM203").unwrap();
        assert!(summary(meta).ends_with('.'), "{}", summary(meta));
        assert!(!summary(meta).contains('\n'));
    }
}
