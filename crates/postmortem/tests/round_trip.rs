//! The canonical renderer: its output for the project's own documents and for the seeds
//! (snapshots), and idempotency, render(parse(render(x))) == render(x), on every real document
//! and on generated ones.

use postmortem::Profile;
use postmortem::render::render_markdown;
use proptest::prelude::*;
use std::path::PathBuf;

fn assert_idempotent(source: &str, profile: Profile, origin: &str) {
    let once = render_markdown(source, profile);
    let twice = render_markdown(&once, profile);
    assert_eq!(once, twice, "rendering {origin} twice changed it");
}

fn snapshot_rendering(paths: Vec<PathBuf>) {
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(name, render_markdown(&source, Profile::Standard));
    }
}

fn assert_all_idempotent(paths: Vec<PathBuf>) {
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap();
        for profile in Profile::ALL {
            assert_idempotent(&source, profile, &path.display().to_string());
        }
    }
}

#[test]
fn own_documents_render_canonically() {
    snapshot_rendering(postmortem_testdata::own_documents());
}

#[test]
fn seeds_render_canonically() {
    let Some(paths) = postmortem_testdata::shared_files("seeds", "seed renderings") else {
        return;
    };
    snapshot_rendering(paths);
}

#[test]
fn every_own_document_renders_idempotently() {
    assert_all_idempotent(postmortem_testdata::own_documents());
}

#[test]
fn every_seed_and_corpus_document_renders_idempotently() {
    let suite = "seed and corpus idempotency";
    let (Some(seeds), Some(corpus)) = (
        postmortem_testdata::shared_files("seeds", suite),
        postmortem_testdata::shared_files("corpus/docs", suite),
    ) else {
        return;
    };
    let paths: Vec<PathBuf> = seeds.into_iter().chain(corpus).collect();
    assert!(
        paths.len() >= 74,
        "expected the seeds and the corpus, found {}",
        paths.len()
    );
    assert_all_idempotent(paths);
}

/// Lines real postmortems are made of, in every shape the parser distinguishes.
const FRAGMENTS: &[&str] = &[
    "# Checkout outage",
    "## Issue Summary",
    "**Issue Summary:**",
    "Issue Summary:",
    "## Timeline (all times EAT)",
    "Timeline:",
    "<h2>Timeline</h2>",
    "## Root Cause and Resolution",
    "**Root Cause:**",
    "## Corrective and Preventative Measures",
    "Measures against such problem in future",
    "TODO:",
    "## Lessons learned",
    "## Appendix",
    "From 14:05 to 15:20 UTC all users could not pay due to a bad deploy.",
    "On 09-06-2024 at 6:20 PM GMT+3 the site went down.",
    "- 10:00 AM - The monitoring system alerted the on-call engineer.",
    "- **10:05 AM:** Engineers investigated the logs.",
    "* 23:50 UTC - Escalated to the database team.",
    "- 00:10 UTC - Service restored.",
    "1:00 PM: Misleading path: we rolled back the deploy.",
    "June 7, 2024, 10:00 AM (WAT) - Issue detected.",
    "| Time | Event |",
    "|---|---|",
    "| 10:00 | Alert fired |",
    "- [ ] Add monitoring on server memory",
    "- [x] Patch the Nginx server",
    "1. **Patch Database Server:** Review and apply patches.",
    "- Improve our testing procedures.",
    "The root cause was a missing index; we added it and restarted the service.",
    "```",
    "```nginx",
    "    indented prose",
    "<img src=./image.png width=50%>",
    "![diagram](timeline.png)",
    "<!-- postmortem-disable PM307 -->",
    "---",
    "> quoted text",
    "",
    "",
    "Plain words, *emphasis*, `code` and [a link](https://example.com).",
    "é 😀 ｜ \u{a0}",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn generated_documents_render_idempotently(lines in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..40)) {
        let source = lines.join("\n");
        let once = render_markdown(&source, Profile::Standard);
        let twice = render_markdown(&once, Profile::Standard);
        prop_assert_eq!(once, twice, "source:\n{}", source);
    }
}
