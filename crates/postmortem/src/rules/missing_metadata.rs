//! PM107 `missing-metadata`.

use crate::model::Profile;
use crate::model::{Block, BlockKind, Document, HeadingStyle};
use crate::rule::prelude::*;
use crate::text::without_comments;
use crate::time::find_dates;

declare_rule! {
    /// Reports a postmortem that does not give its date, authors and status (`sre` profile).
    ///
    /// ## Why is this bad?
    /// The SRE postmortem template opens with the date, the authors and the status
    /// (draft, in review, complete). Without them a reader cannot tell which incident the
    /// document is about, whom to ask, or whether it is still being written. The rule reads
    /// `Date:`, `Authors:` and `Status:` lines (bold or not) under the title, a metadata table,
    /// or front matter; a date in the title counts as the date, and `Created by:`,
    /// `Last modified:` and similar names are understood. One finding lists what is missing.
    /// It runs only under the `sre` profile.
    ///
    /// ## Examples
    ///
    /// ### Invalid
    /// ```markdown,invalid
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// # Checkout outage
    ///
    /// **Date:** 2024-05-01
    ///
    /// ## Summary
    /// Checkout failed for 40 minutes after a bad deploy.
    /// ```
    ///
    /// ### Valid
    /// ```markdown
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// # Checkout outage
    ///
    /// **Date:** 2024-05-01
    /// **Authors:** @dana, @lee
    /// **Status:** Complete, action items in progress
    ///
    /// ## Summary
    /// Checkout failed for 40 minutes after a bad deploy.
    /// ```
    ///
    /// ```markdown
    /// ---
    /// date: 2024-05-01
    /// authors: [dana, lee]
    /// status: in review
    /// ---
    /// <!-- postmortem-config {"profile":"sre"} -->
    /// # Checkout outage
    /// ```
    pub MissingMetadata {
        code: "PM107",
        name: "missing-metadata",
        severity: Severity::Error,
        fixable: false,
        requirement: "sre.metadata",
    }
}

impl Rule for MissingMetadata {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, context: &Context<'_>, report: &mut Vec<Diagnostic>) {
        if context.profile() != Profile::Sre {
            return;
        }
        let document = context.document;
        let metadata = Metadata::of(context.source, document);
        let missing: Vec<Field> = [Field::Date, Field::Authors, Field::Status]
            .into_iter()
            .filter(|&field| !metadata.gives(field))
            .collect();
        if missing.is_empty() {
            return;
        }
        let span = match &document.title {
            Some(title) => title.span,
            None => first_line(context.source),
        };
        report.push(missing_metadata(
            span,
            &missing,
            metadata.undated.as_deref(),
        ));
    }
}

fn missing_metadata(span: Span, missing: &[Field], undated: Option<&str>) -> Diagnostic {
    let names: Vec<&str> = missing.iter().map(|field| field.name()).collect();
    let examples: Vec<&str> = missing.iter().map(|field| field.example()).collect();
    let help = match undated {
        Some(undated) => format!(
            "Add {} under the title; `{undated}` is not a date",
            join(&examples)
        ),
        None => format!("Add {} under the title", join(&examples)),
    };
    Diagnostic::new(
        &MissingMetadata::META,
        span,
        format!("The postmortem does not give its {}", join(&names)),
    )
    .with_help(help)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Date,
    Authors,
    Status,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Date => "date",
            Field::Authors => "authors",
            Field::Status => "status",
        }
    }

    fn example(self) -> &'static str {
        match self {
            Field::Date => "`**Date:** 2024-05-01`",
            Field::Authors => "`**Authors:** @dana, @lee`",
            Field::Status => "`**Status:** Draft`",
        }
    }

    /// The field a `name:` line gives, whatever the author called it.
    fn named(name: &str) -> Option<Field> {
        let name = normalized(name);
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        if words.contains(&"date") || DATE_NAMES.contains(&name.as_str()) {
            Some(Field::Date)
        } else if AUTHOR_NAMES.contains(&name.as_str()) {
            Some(Field::Authors)
        } else if STATUS_NAMES.contains(&name.as_str()) {
            Some(Field::Status)
        } else {
            None
        }
    }
}

/// Names of a date field besides those with the word "date".
const DATE_NAMES: &[&str] = &[
    "created",
    "created on",
    "created at",
    "last modified",
    "last updated",
    "updated",
    "published",
    "written on",
    "when",
    "day",
];
const AUTHOR_NAMES: &[&str] = &[
    "author",
    "authors",
    "author s",
    "created by",
    "written by",
    "prepared by",
    "authored by",
    "by",
    "editor",
    "editors",
    "contributors",
    "postmortem owner",
    "postmortem owners",
    "document owner",
    "owner",
    "owners",
];
const STATUS_NAMES: &[&str] = &[
    "status",
    "state",
    "document status",
    "postmortem status",
    "review status",
];

/// Values that stand for a missing one.
const PLACEHOLDERS: &[&str] = &[
    "", "-", "–", "—", "?", "...", "…", "tbd", "tba", "todo", "n/a", "na", "none", "xxx", "name",
    "names",
];

/// What the document says about itself.
#[derive(Default)]
struct Metadata {
    date: bool,
    authors: bool,
    status: bool,
    /// A date field whose value is no date (`YYYY-MM-DD`).
    undated: Option<String>,
}

impl Metadata {
    fn of(source: &str, document: &Document) -> Metadata {
        let mut metadata = Metadata::default();
        if let Some(front_matter) = document.front_matter {
            for line in front_matter.text(source).lines() {
                match line.split_once(':') {
                    Some(pair) => metadata.read(pair),
                    None => metadata.read(line.split_once('=').unwrap_or_default()),
                }
            }
        }
        if let Some(title) = &document.title
            && !find_dates(&title.text).is_empty()
        {
            metadata.date = true;
        }
        // Under the title: the preamble and the unrecognised sections before the first
        // recognised one ("## Metadata").
        let leading = document
            .sections
            .iter()
            .take_while(|section| section.kind == SectionKind::Other)
            .flat_map(|section| &section.blocks);
        for block in document.preamble.iter().chain(leading) {
            metadata.read_block(source, block);
        }
        // A label line read as a section (`**Status:** Complete, action items in progress`).
        for section in &document.sections {
            if matches!(
                section.heading.style,
                HeadingStyle::Bold | HeadingStyle::Plain
            ) {
                metadata.read_line(&section.heading.text);
            }
        }
        metadata
    }

    fn gives(&self, field: Field) -> bool {
        match field {
            Field::Date => self.date,
            Field::Authors => self.authors,
            Field::Status => self.status,
        }
    }

    fn read_block(&mut self, source: &str, block: &Block) {
        match &block.kind {
            BlockKind::Paragraph { lines } => {
                for line in lines {
                    // The source keeps what the text drops: `**Authors:** <!-- names -->`.
                    let text = without_comments(line.span.text(source));
                    self.read_line(&strip_emphasis(&text));
                }
            }
            BlockKind::List { items, .. } => {
                for item in items {
                    self.read_line(item.text.lines().next().unwrap_or_default());
                }
            }
            BlockKind::Table { header, rows } => {
                // Names in the header over a row of values.
                if let Some(values) = rows.first() {
                    for (name, value) in header.iter().zip(values) {
                        self.read((&name.text, &value.text));
                    }
                }
                // Or a name and a value in each row.
                for row in std::iter::once(header).chain(rows) {
                    if let [name, value, ..] = row.as_slice() {
                        self.read((&name.text, &value.text));
                    }
                }
            }
            _ => {}
        }
    }

    fn read_line(&mut self, line: &str) {
        if let Some(pair) = line.split_once(':') {
            self.read(pair);
        }
    }

    fn read(&mut self, (name, value): (&str, &str)) {
        // A front matter title dates the document as a title heading does.
        if normalized(name) == "title" && !find_dates(value).is_empty() {
            self.date = true;
        }
        let Some(field) = Field::named(name) else {
            return;
        };
        let value = value
            .trim()
            .trim_matches(|c: char| matches!(c, '"' | '\'' | '[' | ']' | '<' | '>'))
            .trim();
        if PLACEHOLDERS.contains(&value.to_lowercase().as_str()) {
            return;
        }
        match field {
            Field::Date if find_dates(value).is_empty() => {
                self.undated.get_or_insert_with(|| value.to_owned());
            }
            Field::Date => self.date = true,
            Field::Authors => self.authors = true,
            Field::Status => self.status = true,
        }
    }
}

/// Lowercase words separated by single spaces.
fn normalized(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_emphasis(text: &str) -> String {
    text.replace(['*', '`'], "").replace("__", "")
}

/// "date", "date and authors", "date, authors and status".
fn join(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn first_line(source: &str) -> Span {
    let end = source.find('\n').unwrap_or(source.len());
    Span::from_range(0..source[..end].trim_end().len())
}
