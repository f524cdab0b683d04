//! PM601 `word-count`.

use crate::model::Document;
use crate::model::document_words;
use crate::rule::prelude::*;

declare_rule! {
    /// Reports a document whose length is outside the profile's word range.
    ///
    /// The range is 400 to 600 words for `standard` and 300 to 2,500 for `sre`, counted as a
    /// reader counts the rendered text.
    ///
    /// ## Why is this bad?
    /// A postmortem that is too short leaves out what readers need (the timeline's detail, the
    /// root cause's explanation); one that is too long is not read to the end. The range is the
    /// profile's brief: the course assignment asks for 400 to 600 words.
    ///
    /// Only prose counts: not Markdown syntax, URLs, HTML tags, comments, code or front matter.
    ///
    /// ## Options
    /// `words: { "min": 400, "max": 600 }` in the configuration sets the range.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// # Checkout outage
    /// ## Issue Summary
    /// Checkout failed for an hour.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// # Checkout outage of March 1
    ///
    /// ## Issue Summary
    /// On March 1, 2024, from 14:05 to 15:20 UTC (75 minutes), the checkout service returned
    /// errors for every order: customers could browse and fill their carts but could not pay, and
    /// all users who tried to check out were affected (about 12,000 attempts). The root cause was
    /// a database connection pool limit of 20, lowered by mistake in a configuration change
    /// deployed at 14:00.
    ///
    /// ## Timeline
    /// - 14:05 UTC - The error-rate alert on the checkout service paged the on-call engineer.
    /// - 14:08 UTC - The engineer confirmed that every payment request failed with a timeout.
    /// - 14:15 UTC - The payment provider was suspected first; its status page showed no incident.
    /// - 14:25 UTC - Network latency between the services was checked and found normal.
    /// - 14:35 UTC - The incident was escalated to the database team.
    /// - 14:50 UTC - The database team found the pool exhausted at 20 connections, not 200.
    /// - 15:05 UTC - The 14:00 configuration change was identified and reverted.
    /// - 15:20 UTC - Error rates returned to normal and the incident was closed.
    ///
    /// ## Root Cause and Resolution
    /// A configuration change meant for the staging environment set the checkout service's
    /// database connection pool to 20 connections. The change was reviewed, but the review did
    /// not show which environment the file applied to, and the production deploy picked it up at
    /// 14:00. Under the afternoon load, checkout requests waited for a free connection until they
    /// timed out after ten seconds, so every payment failed while the rest of the site, which
    /// uses a separate pool, kept working. This is also why the first checks found nothing: the
    /// provider, the network and the other pages were all healthy. The database team found the
    /// exhausted pool in the connection metrics; reverting the change restored the limit of 200
    /// connections, and the queued requests drained within a minute.
    ///
    /// ## Corrective and Preventative Measures
    /// Broadly, configuration needs the same safety as code: it should say which environment it
    /// targets, it should be checked before it reaches production, and the service should warn
    /// before a resource runs out, not after. We will also make the first hour of an incident
    /// faster by checking recent changes before external providers.
    ///
    /// - [ ] Split the configuration files by environment and refuse a deploy that mixes them.
    /// - [ ] Add a deploy check that rejects a pool size below 100 in production.
    /// - [ ] Alert when the connection pool is more than 80% used for five minutes.
    /// - [ ] Add "recent configuration changes" as the first step of the on-call runbook.
    /// - [ ] Show the target environment in the review tool's diff of configuration files.
    /// ```
    pub WordCount {
        code: "PM601",
        name: "word-count",
        severity: Severity::Error,
        fixable: false,
        requirement: "document.length",
    }
}

impl Rule for WordCount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        let document = context.document;
        let range = context.word_range;
        let words = document_words(document);
        let (message, help) = if words < range.min {
            (
                format!(
                    "{words} words, fewer than the {} to {} expected",
                    range.min, range.max
                ),
                format!("Add about {} words of detail", range.min - words),
            )
        } else if words > range.max {
            (
                format!(
                    "{words} words, more than the {} to {} expected",
                    range.min, range.max
                ),
                format!("Cut about {} words", words - range.max),
            )
        } else {
            return;
        };
        report.push(
            Diagnostic::new(&WordCount::META, anchor(context.source, document), message)
                .with_help(help),
        );
    }
}

/// The title, or else the document's first line of content.
fn anchor(source: &str, document: &Document) -> Span {
    if let Some(title) = &document.title {
        return title.span;
    }
    let first_block = document
        .preamble
        .iter()
        .find(|block| !block.is_blank())
        .map(|block| block.span.start);
    let first_heading = document
        .sections
        .first()
        .map(|section| section.heading.span.start);
    let start = match (first_block, first_heading) {
        (Some(block), Some(heading)) => block.min(heading),
        (block, heading) => block.or(heading).unwrap_or(0),
    } as usize;
    let line = source[start..]
        .lines()
        .next()
        .unwrap_or_default()
        .trim_end();
    Span::from_range(start..start + line.len())
}
