//! PM606 `ambiguous-date`.

use crate::model::{Document, block_runs};
use crate::rule::prelude::*;
use crate::time::{self, DateMeaning, ZoneLookup};

declare_rule! {
    /// Reports dates that read two ways and timezone names that stand for several zones.
    ///
    /// ## Why is this bad?
    /// `09-06-2024` is June 9 in most of the world and September 6 in the United States; `IST`
    /// is India, Ireland or Israel. The reader guesses, and half of them guess wrong.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// On 09-06-2024 checkout failed.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// On 2024-06-09 checkout failed.
    /// ```
    pub AmbiguousDate {
        code: "PM606",
        name: "ambiguous-date",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for AmbiguousDate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        // Runs are pieces of the source: when the whole source has nothing to search for, no
        // run has, and the runs need not be listed.
        let searches_dates = may_have_ambiguous_date(context.source);
        let searches_zones = may_have_ambiguous_zone(context.source);
        if !(searches_dates || searches_zones) {
            return;
        }
        for run in run_spans(context.document) {
            let text = run.text(context.source);
            let dates = if searches_dates && may_have_ambiguous_date(text) {
                time::find_dates(text)
            } else {
                Vec::new()
            };
            for date in dates {
                if let DateMeaning::Ambiguous {
                    month_first,
                    day_first,
                } = date.meaning
                {
                    let span = shifted(run, &date.span);
                    report.push(
                        Diagnostic::new(
                            &Self::META,
                            span,
                            format!(
                                "`{}` reads as {} or as {}",
                                span.text(context.source),
                                month_name(month_first.month, month_first.day),
                                month_name(day_first.month, day_first.day),
                            ),
                        )
                        .with_help(format!(
                            "Write the date unambiguously: `{}` or `{}`, whichever is meant",
                            iso(month_first),
                            iso(day_first)
                        )),
                    );
                }
            }
            let zones = if searches_zones && may_have_ambiguous_zone(text) {
                time::find_zones(text)
            } else {
                Vec::new()
            };
            for zone in zones {
                if let ZoneLookup::Ambiguous(candidates) = zone.lookup {
                    let names: Vec<&str> =
                        candidates.iter().map(|candidate| candidate.name).collect();
                    report.push(
                        Diagnostic::new(
                            &Self::META,
                            shifted(run, &zone.span),
                            format!("`{}` could be {}", zone.text, names.join(", ")),
                        )
                        .with_help(
                            "Write the zone as a UTC offset (`UTC+5:30`) or an unambiguous name",
                        ),
                    );
                }
            }
        }
    }
}

/// Whether `text` may hold a date that reads two ways: only `09-06-2024` does, a day and a
/// month of one or two digits before a year of four, so most runs need no search for dates.
fn may_have_ambiguous_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    ['-', '/', '.'].into_iter().any(|separator| {
        text.match_indices(separator).any(|(at, _)| {
            bytes
                .get(at + 1..at + 5)
                .is_some_and(|year| year.iter().all(u8::is_ascii_digit))
        })
    })
}

/// Whether `text` may name a zone that stands for several: the abbreviations `IST`, `CST`,
/// `BST`, `ET`, `CT`, `MT` and `PT`, or "Central", "Eastern", "Mountain" or "Pacific" before
/// "Time". Other runs need no search.
fn may_have_ambiguous_zone(text: &str) -> bool {
    let bytes = text.as_bytes();
    let byte_before = |at: usize, back: usize| at.checked_sub(back).map(|before| bytes[before]);
    let abbreviated = text.match_indices('T').any(|(at, _)| {
        matches!(byte_before(at, 1), Some(b'E' | b'C' | b'M' | b'P'))
            || (byte_before(at, 1) == Some(b'S')
                && matches!(byte_before(at, 2), Some(b'I' | b'C' | b'B')))
    });
    abbreviated
        || ['m', 'M'].into_iter().any(|m| {
            text.match_indices(m).any(|(at, _)| {
                let Some(time) = at.checked_sub(2) else {
                    return false;
                };
                let before = bytes[..time].trim_ascii_end();
                bytes[time..].len() >= 4
                    && bytes[time..time + 4].eq_ignore_ascii_case(b"time")
                    && ["central", "eastern", "mountain", "pacific"]
                        .iter()
                        .any(|name| ends_with_ignore_ascii_case(before, name.as_bytes()))
            })
        })
}

fn ends_with_ignore_ascii_case(bytes: &[u8], suffix: &[u8]) -> bool {
    bytes.len() >= suffix.len() && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Where every run of the document is: title, opening text and sections.
fn run_spans(document: &Document) -> Vec<Span> {
    let mut spans: Vec<Span> = document.title.iter().map(|title| title.span).collect();
    let sections = document
        .sections
        .iter()
        .map(|section| (Some(section.heading.span), section.blocks.as_slice()));
    for (heading, blocks) in std::iter::once((None, document.preamble.as_slice())).chain(sections) {
        spans.extend(heading);
        for block in blocks {
            block_runs(block, |run| spans.push(run.span));
        }
    }
    spans
}

fn shifted(base: Span, range: &std::ops::Range<usize>) -> Span {
    let inner = Span::from_range(range.clone());
    Span::new(base.start + inner.start, base.start + inner.end)
}

fn iso(reading: crate::time::DateReading) -> String {
    match reading.year {
        Some(year) => format!("{year:04}-{:02}-{:02}", reading.month, reading.day),
        None => month_name(reading.month, reading.day),
    }
}

fn month_name(month: u8, day: u8) -> String {
    let name = crate::time::month_name(month).unwrap_or("?");
    format!("{name} {day}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick checks only skip searches: wherever a search finds something ambiguous, they
    /// must have let it search.
    #[test]
    fn quick_checks_never_skip_an_ambiguous_date_or_zone() {
        let zones = [
            "IST", "CST", "BST", "ET", "CT", "MT", "PT", "ist", "Ist", "cst", "bst", "et", "pt",
        ];
        let long_zones = ["Central", "Eastern", "Mountain", "Pacific"];
        let mut texts: Vec<String> = Vec::new();
        for zone in zones {
            texts.extend([
                format!("at 10:00 {zone} the alert fired"),
                format!("10:00{zone}"),
                format!("({zone})"),
                format!("All times {zone}."),
            ]);
        }
        for name in long_zones {
            for time in ["Time", "time", "TIME", "Standard Time"] {
                texts.extend([format!("10:00 {name} {time}"), format!("{name}  {time}")]);
            }
        }
        for date in ["09-06-2024", "9/6/2024", "09.06.2024", "on 1-2-2024, then"] {
            texts.push(date.to_owned());
        }
        let mut ambiguous_found = 0;
        for text in &texts {
            if time::find_zones(text)
                .iter()
                .any(|zone| zone.lookup.is_ambiguous())
            {
                ambiguous_found += 1;
                assert!(may_have_ambiguous_zone(text), "{text:?}");
            }
            if time::find_dates(text)
                .iter()
                .any(|date| date.meaning.is_ambiguous())
            {
                ambiguous_found += 1;
                assert!(may_have_ambiguous_date(text), "{text:?}");
            }
        }
        assert!(
            ambiguous_found >= 10,
            "the searches found {ambiguous_found}"
        );
    }
}
