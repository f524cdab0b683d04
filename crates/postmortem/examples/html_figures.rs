//! The safe HTML's figures on the inputs of issue 18, before and after a change:
//! `cargo run --release -p postmortem_core --example html_figures`.

#![allow(clippy::print_stdout)]

use postmortem::html::to_html;
use std::time::{Duration, Instant};

fn main() {
    let link = "<a href=\"https://example.org\">\n\n# Heading\n\nParagraph.\n\n- item\n";
    println!(
        "unclosed <a href>: {link:?}\n  renders to {:?}",
        to_html(link)
    );

    let table = table_amplification();
    let html = to_html(&table);
    println!(
        "table rows: {} bytes render to {} bytes, {} <td> cells",
        table.len(),
        html.len(),
        html.matches("<td").count()
    );

    for bytes in [55_000, 205_000] {
        let n = bytes / "<b></i>".len();
        let unmatched = "<b>".repeat(n) + &"</i>".repeat(n);
        let rendering = best_time(|| drop(to_html(&unmatched)));
        let validating = best_time(|| {
            drop(postmortem::validate(
                &unmatched,
                &postmortem::Config::default(),
            ));
        });
        println!(
            "'<b>'.repeat({n}) + '</i>'.repeat({n}), {} bytes: to_html {rendering:?}, \
             validate {validating:?}",
            unmatched.len()
        );
    }
}

/// A header of 112 columns and short rows, which the parser pads to the header's width.
fn table_amplification() -> String {
    let columns = 112;
    let mut table = "|a".repeat(columns) + "|\n" + &"|-".repeat(columns) + "|\n";
    while table.len() < 9_600 {
        table.push_str("|a|\n");
    }
    table
}

fn best_time(mut work: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}
