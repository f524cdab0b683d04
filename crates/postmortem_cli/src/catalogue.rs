//! `postmortem rules [CODE]` and `postmortem new`.

use crate::Failure;
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
            meta.summary()
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
    out.push_str(meta.markdown().trim());
    out.push('\n');
    Ok(out)
}
