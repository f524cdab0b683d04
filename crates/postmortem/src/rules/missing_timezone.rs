//! PM202 `missing-timezone`.

use crate::model::{Document, EntryTime};
use crate::rule::prelude::*;

declare_rule! {
    /// Reports times that carry no timezone when none is declared for the document.
    ///
    /// ## Why is this bad?
    /// "10:00 AM" means a different instant in every office that reads it. A zone on the
    /// summary's times settles it for every time that follows. One declared under the Timeline
    /// heading ("All times are UTC") settles the timeline's, not the summary's, which a reader
    /// meets first.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// From 10:00 AM to 11:00 AM checkout failed for all users because of a bad deploy.
    /// ## Timeline
    /// - 10:00 AM - An alert fired.
    /// ```
    ///
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// From 10:00 AM to 11:00 AM checkout failed for all users because of a bad deploy.
    /// ## Timeline
    /// All times are EDT.
    /// - 10:00 AM - An alert fired.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// From 10:00 AM to 11:00 AM EDT checkout failed for all users because of a bad deploy.
    /// ## Timeline
    /// - 10:00 AM - An alert fired.
    /// ```
    ///
    /// ```markdown
    /// # Checkout outage
    /// ## Timeline
    /// All times are EDT.
    /// - 10:00 AM - An alert fired.
    /// ```
    ///
    /// ## Fix
    /// Where the document declares a zone for its timeline, or writes one zone on its entries,
    /// appends it to the times that lack it.
    pub MissingTimezone {
        code: "PM202",
        name: "missing-timezone",
        severity: Severity::Error,
        fixable: true,
        requirement: "summary.timezone",
    }
}

impl Rule for MissingTimezone {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let summary = &document.summary;
        if summary.zone.is_some() {
            return;
        }
        let declared = document.timeline.declared_zone.as_ref();
        let zone_elsewhere = declared
            .filter(|zone| zone.offset_minutes.is_some())
            .map(|zone| zone.text.as_str())
            .or_else(|| single_written_zone(document));
        let summary_times: Vec<Span> = summary
            .start
            .iter()
            .chain(&summary.end)
            .filter(|time| time.zone.is_none())
            .map(|time| time.span)
            .collect();
        let entry_times: Vec<&EntryTime> = document
            .timeline
            .entries
            .iter()
            .filter_map(|entry| entry.time.as_ref())
            .filter(|time| time.zone.is_none())
            .collect();
        if let Some(&first) = summary_times.first() {
            report.push(missing(
                first,
                "The summary's times have no timezone",
                zone_elsewhere,
                &summary_times,
            ));
        } else if declared.is_none()
            && let Some(first) = entry_times.first()
        {
            let spans: Vec<Span> = entry_times.iter().map(|time| time.span).collect();
            report.push(missing(
                first.span,
                "The timeline's times have no timezone",
                zone_elsewhere,
                &spans,
            ));
        }
    }
}

fn missing(span: Span, message: &str, zone: Option<&str>, spans: &[Span]) -> Diagnostic {
    let diagnostic = Diagnostic::new(&MissingTimezone::META, span, message)
        .with_help("Add the timezone to the summary's times (`14:05 UTC`), or declare one for the timeline: `All times are UTC`");
    match zone {
        Some(zone) => diagnostic.with_fix(
            format!("Add `{zone}` to these times"),
            spans
                .iter()
                .map(|span| Edit::insert(span.end, format!(" {zone}")))
                .collect(),
        ),
        None => diagnostic,
    }
}

/// The one zone the document writes on its times, if it writes exactly one.
fn single_written_zone(document: &Document) -> Option<&str> {
    let mut zones = document
        .timeline
        .entries
        .iter()
        .filter_map(|entry| entry.time.as_ref()?.zone.as_ref())
        .filter(|zone| zone.offset_minutes.is_some())
        .map(|zone| zone.text.as_str());
    let first = zones.next()?;
    zones.all(|zone| zone == first).then_some(first)
}
