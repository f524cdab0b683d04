//! Nothing panics, whatever the input: a panic in WebAssembly kills the page. Arbitrary text and
//! text built from the pieces real postmortems are made of go through parsing, every rule (on,
//! in both profiles), fixing, rendering, the HTML renderer, the diagram and the zone
//! conversion; every span must lie on character boundaries inside the source.

use postmortem::{Config, Profile, rule_catalogue};
use proptest::prelude::*;

fn everything_on(profile: Profile) -> Config {
    rule_catalogue().fold(Config::with_profile(profile), Config::enabling)
}

fn exercise(source: &str) {
    for profile in Profile::ALL {
        let validation = postmortem::validate(source, &everything_on(profile));
        for diagnostic in &validation.diagnostics {
            let span = diagnostic.span;
            assert!(
                span.start <= span.end && span.end as usize <= source.len(),
                "{span:?} out of bounds"
            );
            assert!(
                source.is_char_boundary(span.start as usize)
                    && source.is_char_boundary(span.end as usize)
            );
        }
        let _ = postmortem::fix::fix_all(source, &everything_on(profile));
        let _ = postmortem::render::render_markdown(source, profile);
    }
    let _ = postmortem::html::to_html(source);
    let document = postmortem::parse(source);
    let _ = postmortem::diagram::svg(source, &document, true);
    for edit in [
        postmortem::diagram::insert(source, &document),
        postmortem::diagram::sync(source, &document),
    ]
    .into_iter()
    .flatten()
    {
        let _ = postmortem::parse(&postmortem::fix::apply_edits(source, &[edit]));
    }
    for zone in ["UTC", "EAT", "UTC-09:30"] {
        if let Some(conversion) = postmortem::convert::to_zone(source, &document, zone) {
            let _ = postmortem::parse(&postmortem::fix::apply_edits(source, &conversion.fix.edits));
        }
    }
}

const PIECES: &[&str] = &[
    "# ",
    "## ",
    "**",
    "Issue Summary",
    "Timeline",
    ":",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "- [ ] ",
    "| ",
    "|---|",
    "```",
    "    ",
    "<h2>",
    "</h2>",
    "<!-- ",
    " -->",
    "postmortem-disable PM307",
    "10:00",
    " AM",
    " PM",
    " UTC",
    " GMT+3",
    " (EAT)",
    "IST",
    "09-06-2024",
    "June 7, 2024",
    "from ",
    " to ",
    " until ",
    "for two hours",
    "45%",
    "150%",
    "all users",
    "root cause",
    "caused by",
    "escalated",
    "restored",
    "detected",
    "investigated",
    "misleading",
    "TODO",
    "[insert name]",
    "./image.png",
    "![x](",
    ")",
    "Mr. Kyle",
    "human error",
    "é",
    "😀",
    "İ",
    "ß",
    "\u{0301}",
    "\u{200b}",
    "\t",
    "\r\n",
    "---\n",
    "+++\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text(source in any::<String>()) {
        exercise(&source);
    }

    #[test]
    fn text_made_of_postmortem_pieces(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)) {
        exercise(&pieces.concat());
    }
}

/// Lines with parentheses that do not pair up, in a document whose headings name sections
/// another way, so that the heading rules read them without their notes in parentheses.
#[test]
fn unpaired_parentheses_are_read_whole() {
    for line in [
        "Summary)",
        "Issue summary (",
        "Root cause) (x",
        "x) Timeline ((",
    ] {
        exercise(&format!(
            "# Checkout outage\n\n## What went wrong\nCheckout failed.\n\n**Incident Summary:**\nFrom 14:05 to 15:20 UTC checkout failed.\n\n{line}\n"
        ));
    }
}
