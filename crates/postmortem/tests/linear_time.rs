//! The HTML renderer takes time linear in its input, on the shapes that once made it quadratic
//! (each unmatched end tag scanning every open element; each `<` of a tag cut off by the end
//! of the input reading to that end again) and on their relatives: deep nesting, many
//! attributes, long tables, many links and emphasis. For each shape at about 200 KB:
//!
//! - doubling the input must not much more than double the time (linear: about 2, quadratic:
//!   about 4);
//! - rendering must cost less than validating the same text, within a factor for timer noise.
//!
//! Times are the best of several runs, so a busy machine slows a run but cannot make a linear
//! renderer look quadratic. The figures are printed (`--nocapture`).

#![allow(clippy::print_stderr)] // The times are this test's figures.

use postmortem::html::{Images, to_html_with};
use std::time::{Duration, Instant};

/// A shape's name and the input it makes from a number of repetitions.
type Shape = (&'static str, fn(usize) -> String);

const SHAPES: &[Shape] = &[
    ("unmatched end tags", |n| {
        "<b>".repeat(n) + &"</i>".repeat(n)
    }),
    ("unmatched end tags in a block", |n| {
        format!("<div>\n{}{}", "<span>".repeat(n), "</i>".repeat(n))
    }),
    ("end tags of elements closed long ago", |n| {
        format!("<div>\n<b>x</b>{}", "</b>".repeat(n))
    }),
    ("deep raw nesting", |n| {
        format!("<div>\n{}", "<b><i>".repeat(n))
    }),
    ("deep block quotes", |n| format!("{}x", "> ".repeat(n))),
    ("deep lists", |n| format!("{}x", "- ".repeat(n))),
    ("blocks in inline", |n| format!("<b>{}", "<div>".repeat(n))),
    ("many attributes", |n| {
        format!("<a {}>x</a>", "title=t ".repeat(n))
    }),
    ("attributes on many tags", |n| {
        "<a href=\"https://example.org\" title=t class=c onclick=x>a</a> ".repeat(n)
    }),
    ("tags cut off by the end", |n| {
        format!("<div>\n{}", "<a ".repeat(n))
    }),
    ("end tags cut off by the end", |n| {
        format!("<div>\n{}", "</a ".repeat(n))
    }),
    ("open quotes", |n| format!("<div>\n{}", "<a b='x".repeat(n))),
    ("long Markdown table", |n| {
        format!(
            "| a | b | c |\n|---|---|---|\n{}",
            "| x | *y* | z |\n".repeat(n)
        )
    }),
    ("padded Markdown table", |n| {
        format!(
            "{}|\n{}|\n{}",
            "|a".repeat(200),
            "|-".repeat(200),
            "|a|\n".repeat(n)
        )
    }),
    ("long raw table", |n| {
        format!(
            "<table>\n{}</table>",
            "<tr><td>x</td><td>y</td></tr>\n".repeat(n)
        )
    }),
    ("raw table cells without rows", |n| {
        format!("<table>\n{}", "<td>x".repeat(n))
    }),
    ("raw rows without cells", |n| {
        format!("<table>\n{}", "<tr>".repeat(n))
    }),
    ("raw list items", |n| format!("<ul>\n{}", "<li>x".repeat(n))),
    ("many links", |n| "[a](https://example.org) ".repeat(n)),
    ("links inside raw links", |n| "<a href=x>[y](z)".repeat(n)),
    ("many emphases", |n| "*a* **b** ~~c~~ ".repeat(n)),
    ("unclosed emphasis", |n| "*a **b ".repeat(n)),
    ("closed comments", |n| "<!-- a -->".repeat(n)),
    ("an unclosed comment", |n| format!("<!--{}", " a".repeat(n))),
    ("unclosed raw text", |n| {
        format!("<div>\n<script>{}", "</scrip".repeat(n))
    }),
    ("character references", |n| "&#x".repeat(n)),
    ("images", |n| {
        "![a](https://example.org/a.png) <img src=x> ".repeat(n)
    }),
];

/// The best of `runs` runs of `work`.
fn best_time(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The input of about `bytes` bytes a shape makes.
fn sized(shape: fn(usize) -> String, bytes: usize) -> String {
    let unit = shape(2).len() - shape(1).len();
    shape(bytes / unit.max(1))
}

fn render(markdown: &str) {
    drop(to_html_with(markdown, Images::Https));
}

#[test]
fn rendering_takes_linear_time_and_less_than_validating() {
    let mut failures = Vec::new();
    for (name, shape) in SHAPES {
        let half = sized(*shape, 100_000);
        let full = sized(*shape, 200_000);
        let half_time = best_time(3, || render(&half));
        let full_time = best_time(3, || render(&full));
        // Validating is the slower and steadier yardstick: one run is enough.
        let validate_time = best_time(1, || {
            drop(postmortem::validate(&full, &postmortem::Config::default()));
        });
        eprintln!(
            "{name}: {half_time:?} at {} bytes, {full_time:?} at {} bytes; validating {validate_time:?}",
            half.len(),
            full.len(),
        );
        // The slack is for timer noise on tiny times.
        let slack = Duration::from_millis(5);
        if full_time > half_time * 3 + slack {
            failures.push(format!(
                "{name}: {half_time:?} at {} bytes, {full_time:?} at {} bytes",
                half.len(),
                full.len()
            ));
        }
        if full_time > validate_time * 2 + slack {
            failures.push(format!(
                "{name}: rendering takes {full_time:?}, validating {validate_time:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
