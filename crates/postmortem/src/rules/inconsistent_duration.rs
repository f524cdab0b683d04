//! PM203 `inconsistent-duration`.

use crate::rule::prelude::*;

/// A stated length may differ from the window by this much before it is a contradiction:
/// people round ("about two hours" for 1 h 50 min).
const TOLERANCE_MINUTES: i64 = 15;

declare_rule! {
    /// Reports an outage window that ends before it starts, or a stated length that
    /// contradicts the start and end times.
    ///
    /// ## Why is this bad?
    /// Readers quote the duration. When "two hours" sits next to 10:00 to 11:00, one of them is
    /// wrong, and every later report repeats the error.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// On June 7, 2024, from 10:00 AM to 11:00 AM WAT, checkout was down for three hours.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// On June 7, 2024, from 10:00 AM to 12:00 PM WAT, checkout was down for two hours.
    /// ```
    ///
    /// How long one request waited is what users saw, not the outage's length:
    /// ```markdown
    /// # Checkout outage
    /// ## Issue Summary
    /// On June 7, 2024, from 10:00 AM to 12:00 PM WAT, the payment page spun for a minute and
    /// then showed an error.
    /// ```
    pub InconsistentDuration {
        code: "PM203",
        name: "inconsistent-duration",
        severity: Severity::Warning,
        fixable: false,
    }
}

impl Rule for InconsistentDuration {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let summary = &context.document.summary;
        let (Some(start), Some(end)) = (&summary.start, &summary.end) else {
            return;
        };
        let Some(window) = summary.window_minutes() else {
            return;
        };
        if window < 0 {
            report.push(
                Diagnostic::new(&Self::META, end.span, "The outage ends before it starts")
                    .with_help(format!(
                        "Check the end time and its date against the start (`{}`)",
                        start.span.text(context.source)
                    )),
            );
            return;
        }
        if let Some((stated, span)) = summary.stated_minutes {
            let stated = i64::from(stated);
            let tolerance = TOLERANCE_MINUTES.max(window / 4);
            if (stated - window).abs() > tolerance {
                report.push(
                    Diagnostic::new(
                        &Self::META,
                        span,
                        format!(
                            "`{}` contradicts the window from {} to {} ({})",
                            span.text(context.source),
                            start.span.text(context.source),
                            end.span.text(context.source),
                            length(window)
                        ),
                    )
                    .with_help("Make the stated length and the start and end times agree"),
                );
            }
        }
    }
}

fn length(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, minutes) => format!("{minutes} min"),
        (hours, 0) => format!("{hours} h"),
        (hours, minutes) => format!("{hours} h {minutes} min"),
    }
}
