//! The timeline section's blocks → entries with resolved times and milestones. Understands
//! lists, separate lines (or headings) each starting with a time, tables with a time column,
//! HTML lists and prose; a zone declared once; dates written on headings, on lines of their own
//! or with an entry, carried to the entries that follow; midnight crossings.

use crate::model::{
    Block, BlockKind, Document, EntryTime, Line, SectionKind, Summary, Timeline, TimelineEntry,
    TimelineForm, WrittenZone,
};
use crate::parse::html_lists::html_block_items;
use crate::parse::milestones::classify;
use crate::parse::summary::{shift, written_zone};
use crate::span::Span;
use crate::text::{Patterns, strip_tags};
use crate::time::{self, CivilDate, DateMention, DateReading, TimeMention, epoch_minutes};
use std::sync::LazyLock;

/// A time counts as an entry's own when it starts within this many bytes of the entry's start
/// (after list markers, bold and the like): `- **10:05 AM:** ...`.
const LEADING_TIME_WINDOW: usize = 12;
const MINUTES_PER_DAY: i64 = 24 * 60;
/// The year a yearless date is placed in when the document gives none: a leap year, so that
/// February 29 still counts as a day.
const YEAR_OF_YEARLESS_DATES: i32 = 2000;

pub(crate) fn timeline(source: &str, document: &Document, summary: &Summary) -> Timeline {
    let Some(section) = document.section(SectionKind::Timeline) else {
        return Timeline::default();
    };
    let mut reader = Reader {
        source,
        declared_zone: time::find_zones(section.heading.span.text(source))
            .first()
            .map(|zone| written_zone(zone, section.heading.span.start)),
        date: None,
        markers: 0,
        pieces: Vec::new(),
        lists: 0,
        heading_entry: None,
    };
    if let Some(date) = leading_date(&section.heading.text).or_else(|| {
        time::find_dates(&section.heading.text)
            .first()
            .and_then(|date| date.meaning.certain())
    }) {
        reader.set_date(date);
    }
    for block in &section.blocks {
        reader.block(block);
    }
    reader.finish(summary)
}

/// How a piece of the section was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A list item (Markdown or HTML).
    Listed,
    /// A table row.
    Tabled,
    /// A line of a paragraph that starts with a time (or a date).
    Line,
    /// A heading that starts with a time, with the blocks under it.
    Heading,
    /// One of several entries run together on one line ("12:00 EAT: ... 12:06 EAT: ...").
    RunOn,
    /// A line of narrative.
    Prose,
    /// Not an entry: a label, an introduction, a list of links.
    Note,
}

impl Kind {
    const fn is_structured(self) -> bool {
        matches!(
            self,
            Kind::Listed | Kind::Tabled | Kind::Line | Kind::Heading
        )
    }
}

struct Piece {
    kind: Kind,
    span: Span,
    text: String,
    /// The date written on a heading or a line of its own that is in force here, and which
    /// one it is (each such line gets a new number).
    marker: Option<(DateReading, u32)>,
    /// The list an item belongs to, numbered from 1; 0 for anything else.
    list: u32,
    /// The piece's time, once found: when the piece is read from times already found in its
    /// text, or else in [`Reader::finish`].
    time: PieceTime,
    /// The dates of the piece's source text as [`time::find_dates`] finds them, when they were
    /// read with its time: its leading date is then looked up among them, not read again.
    dates: Option<Vec<DateMention>>,
}

/// Whether a piece's time has been looked for, and what was found.
enum PieceTime {
    Unknown,
    Found(Option<TimeMention>),
}

struct Reader<'a> {
    source: &'a str,
    declared_zone: Option<WrittenZone>,
    date: Option<(DateReading, u32)>,
    markers: u32,
    pieces: Vec<Piece>,
    lists: u32,
    /// The heading entry that the blocks being read belong to.
    heading_entry: Option<usize>,
}

impl Reader<'_> {
    fn set_date(&mut self, date: DateReading) {
        self.markers += 1;
        self.date = Some((date, self.markers));
    }

    fn push(&mut self, kind: Kind, span: Span, text: String) -> usize {
        self.pieces.push(Piece {
            kind,
            span,
            text,
            marker: self.date,
            list: 0,
            time: PieceTime::Unknown,
            dates: None,
        });
        self.pieces.len() - 1
    }

    /// Records the time of the piece at `index`, whose source text is `text`, from the times
    /// (and, when known, the dates) found in that text.
    fn found_time(
        &mut self,
        index: usize,
        text: &str,
        times: &[TimeMention],
        dates: Option<Vec<DateMention>>,
    ) {
        let piece = &mut self.pieces[index];
        piece.time = PieceTime::Found(leading_among(text, times).or(times.first()).cloned());
        piece.dates = dates;
    }

    fn append(&mut self, index: usize, span: Span, text: &str) {
        let piece = &mut self.pieces[index];
        piece.span = piece.span.cover(span);
        piece.time = PieceTime::Unknown;
        piece.dates = None;
        if !text.is_empty() {
            piece.text.push('\n');
            piece.text.push_str(text);
        }
    }

    fn block(&mut self, block: &Block) {
        if let BlockKind::Heading { heading } = &block.kind {
            self.heading_entry = None;
            self.heading(block.span, &heading.text);
            return;
        }
        if block.is_blank() {
            return;
        }
        if let Some(index) = self.heading_entry {
            let text = block_text(self.source, block);
            self.append(index, block.span, &text);
            return;
        }
        match &block.kind {
            BlockKind::List { items, .. } => {
                self.lists += 1;
                for item in items {
                    self.item(item.span, &item.text);
                }
            }
            BlockKind::Table { header, rows } => self.table(header, rows),
            BlockKind::Paragraph { lines } => self.paragraph(lines),
            BlockKind::Html { text } => {
                let mut items: Vec<(Span, String)> = html_block_items(self.source, block, text)
                    .into_iter()
                    .map(|(span, text)| (span, without_list_marker(&text).to_owned()))
                    .filter(|(_, text)| !text.is_empty())
                    .collect();
                // The items of a block whose text is not its source all have the block's
                // span: read it once, and its source is split at its times.
                items.dedup_by(|item, previous| item.0 == previous.0);
                if !items.is_empty() {
                    self.lists += 1;
                }
                for (span, text) in items {
                    self.item(span, &text);
                }
            }
            BlockKind::Quote { text } => {
                self.push(Kind::Note, block.span, text.clone());
            }
            _ => {}
        }
    }

    /// A heading inside the timeline: an entry when it starts with a time ("### 16:32"), a
    /// date for what follows ("### 2023-07-19"), or a label.
    fn heading(&mut self, span: Span, text: &str) {
        if leading_time(text).is_some() {
            let index = self.push(Kind::Heading, span, text.to_owned());
            self.heading_entry = Some(index);
        } else if let Some(date) = leading_date(text) {
            self.set_date(date);
        } else {
            if let Some(zone) = time::find_zones(span.text(self.source)).first() {
                self.declared_zone = Some(written_zone(zone, span.start));
            }
            self.push(Kind::Note, span, text.to_owned());
        }
    }

    fn item(&mut self, span: Span, text: &str) {
        let raw = span.text(self.source);
        let (times, dates) = times_and_dates(raw);
        let leads = leading_among(raw, &times).is_some();
        let starts = entry_starts(raw, &times);
        let run_on = if leads {
            starts.len() > 1
        } else {
            starts.len() > 1 && starts[0] > 0
        };
        if run_on {
            let first = if leads { 0 } else { starts[0] };
            if first > 0 {
                let head = Span::new(span.start, span.start + to_u32(first));
                let index = self.push(Kind::Listed, head, collapse(&raw[..first]));
                self.pieces[index].list = self.lists;
            }
            self.run_on(span, raw, &starts);
        } else {
            let index = self.push(Kind::Listed, span, text.to_owned());
            self.pieces[index].list = self.lists;
            self.found_time(index, raw, &times, dates);
        }
    }

    /// Pushes one `RunOn` piece per entry written on the line, from each start to the next.
    fn run_on(&mut self, span: Span, raw: &str, starts: &[usize]) {
        for (position, &start) in starts.iter().enumerate() {
            let end = starts.get(position + 1).copied().unwrap_or(raw.len());
            let segment = &raw[start..end];
            let trimmed = segment.trim_end();
            let piece = Span::new(
                span.start + to_u32(start),
                span.start + to_u32(start + trimmed.len()),
            );
            self.push(Kind::RunOn, piece, collapse(trimmed));
        }
    }

    fn table(&mut self, header: &[crate::model::Cell], rows: &[Vec<crate::model::Cell>]) {
        let time_column = time_column(header);
        for row in rows {
            let Some(span) = row.iter().map(|cell| cell.span).reduce(Span::cover) else {
                continue;
            };
            let time_first: Vec<&str> = row
                .get(time_column)
                .into_iter()
                .chain(
                    row.iter()
                        .enumerate()
                        .filter(|(index, _)| *index != time_column)
                        .map(|(_, cell)| cell),
                )
                .map(|cell| cell.text.as_str())
                .filter(|text| !text.trim().is_empty())
                .collect();
            if time_first.is_empty() {
                continue;
            }
            self.push(Kind::Tabled, span, time_first.join(" - "));
        }
    }

    fn paragraph(&mut self, lines: &[Line]) {
        // The piece the next line may continue, and whether it was a time-led line.
        let mut open: Option<usize> = None;
        let mut previous_ends_sentence = true;
        for line in lines {
            let raw = line.span.text(self.source);
            let ends_sentence = ends_sentence(&line.text);
            if let Some(zone) = declaration(raw) {
                self.declared_zone = Some(written_zone(&zone, line.span.start));
                if let Some(date) = time::find_dates(raw)
                    .first()
                    .and_then(|date| date.meaning.certain())
                {
                    self.set_date(date);
                }
                open = None;
                previous_ends_sentence = true;
                continue;
            }
            let (times, dates) = times_and_dates(raw);
            let line_date = |dates: Option<&[DateMention]>| match dates {
                Some(dates) => leading_date_among(raw, dates),
                None => leading_date(raw),
            };
            if leading_among(raw, &times).is_some() {
                let starts = entry_starts(raw, &times);
                if starts.len() > 1 {
                    self.run_on(line.span, raw, &starts);
                    open = Some(self.pieces.len() - 1);
                } else {
                    let index = self.push(Kind::Line, line.span, line.text.clone());
                    self.found_time(index, raw, &times, dates);
                    open = Some(index);
                }
            } else if let Some(index) = open
                .filter(|_| !previous_ends_sentence || !line.text.starts_with(char::is_uppercase))
            {
                // A wrapped continuation of the entry above.
                self.append(index, line.span, &line.text);
            } else if open.is_some_and(|index| self.pieces[index].kind == Kind::Line)
                && line_date(dates.as_deref()).is_none()
            {
                // A sentence of its own among lines that start with times: an entry whose time
                // is missing.
                open = Some(self.push(Kind::Line, line.span, line.text.clone()));
            } else if let Some(date) = line_date(dates.as_deref()) {
                if dated_entry(&line.text) {
                    self.set_date(date);
                    open = Some(self.push(Kind::Line, line.span, line.text.clone()));
                } else {
                    self.set_date(date);
                    open = None;
                }
            } else if is_label(&line.text) || !line.text.chars().any(char::is_alphanumeric) {
                self.push(Kind::Note, line.span, line.text.clone());
                open = None;
            } else {
                open = Some(self.push(Kind::Prose, line.span, line.text.clone()));
            }
            previous_ends_sentence = ends_sentence;
        }
    }

    fn finish(mut self, summary: &Summary) -> Timeline {
        for piece in &mut self.pieces {
            if let PieceTime::Unknown = piece.time {
                piece.time = PieceTime::Found(piece_time(piece.span.text(self.source)));
            }
        }
        let timed: Vec<bool> = self
            .pieces
            .iter()
            .map(|piece| matches!(piece.time, PieceTime::Found(Some(_))))
            .collect();
        // A list none of whose items has a time, in a timeline whose entries are timed, is not
        // a list of entries: links, a checklist, notes.
        let any_timed_structured = self
            .pieces
            .iter()
            .zip(&timed)
            .any(|(piece, &timed)| piece.kind.is_structured() && timed);
        if any_timed_structured {
            for list in 1..=self.lists {
                let mut items = self
                    .pieces
                    .iter()
                    .zip(&timed)
                    .filter(|(piece, _)| piece.list == list && piece.kind == Kind::Listed);
                if items.all(|(_, &timed)| !timed) {
                    for piece in &mut self.pieces {
                        if piece.list == list && piece.kind == Kind::Listed {
                            piece.kind = Kind::Note;
                        }
                    }
                }
            }
        }
        let count = |kinds: &[Kind], only_timed: bool| {
            self.pieces
                .iter()
                .zip(&timed)
                .filter(|(piece, timed)| kinds.contains(&piece.kind) && (**timed || !only_timed))
                .count()
        };
        let structured = count(
            &[Kind::Listed, Kind::Tabled, Kind::Line, Kind::Heading],
            false,
        );
        let structured_timed = count(
            &[Kind::Listed, Kind::Tabled, Kind::Line, Kind::Heading],
            true,
        );
        let prose = count(&[Kind::Prose, Kind::RunOn], false);
        let prose_timed = count(&[Kind::Prose, Kind::RunOn], true);
        let listed = count(&[Kind::Listed], false);
        let tabled = count(&[Kind::Tabled], false);
        let form = if structured == 0 && prose == 0 {
            TimelineForm::Missing
        } else if structured == 0 || prose_timed > structured_timed {
            TimelineForm::Prose
        } else if tabled > 0 && tabled >= listed {
            TimelineForm::Table
        } else if listed > 0 {
            TimelineForm::List
        } else {
            TimelineForm::Lines
        };
        let is_entry = |kind: Kind| match form {
            TimelineForm::Prose => kind != Kind::Note,
            _ => kind.is_structured() || kind == Kind::RunOn,
        };
        let (entry_pieces, note_pieces): (Vec<Piece>, Vec<Piece>) = self
            .pieces
            .into_iter()
            .partition(|piece| is_entry(piece.kind));
        let notes = note_pieces
            .into_iter()
            .map(|piece| TimelineEntry {
                milestones: classify(&piece.text, true),
                text: piece.text,
                span: piece.span,
                time: None,
            })
            .collect();
        let entries = place(
            self.source,
            entry_pieces,
            self.declared_zone.as_ref(),
            summary,
        );
        Timeline {
            form,
            entries,
            notes,
            declared_zone: self.declared_zone,
        }
    }
}

/// Builds the entries in order, each time with the zone that applies to it, and places them on
/// a common axis: minutes from the first entry, moving to the next day where a date says so or
/// where the clock wraps past midnight, and to an instant where date and offset are known.
fn place(
    source: &str,
    pieces: Vec<Piece>,
    declared_zone: Option<&WrittenZone>,
    summary: &Summary,
) -> Vec<TimelineEntry> {
    let summary_date = summary.start.as_ref().and_then(|start| start.date);
    let summary_offset = summary.zone.as_ref().and_then(|zone| zone.offset_minutes);
    let declared_offset = declared_zone.and_then(|zone| zone.offset_minutes);
    // The year of yearless dates: the summary's, else the first one the timeline writes.
    let mut year = summary_date.map(CivilDate::year);
    let mut reference: Option<CivilDate> = summary_date;
    let mut reference_known = summary_date.is_some();
    let mut day: i64 = 0;
    let mut marker_in_force: Option<u32> = None;
    let mut carried_offset: Option<i32> = None;
    let mut previous: Option<(i64, i64)> = None;
    let mut origin: Option<i64> = None;
    let mut responding = false;
    let mut entries = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let written = piece.span.text(source);
        let mention = match piece.time {
            PieceTime::Found(time) => time,
            PieceTime::Unknown => piece_time(written),
        };
        let own_date = mention
            .as_ref()
            .and_then(|mention| mention.date.as_ref())
            .and_then(|date| date.meaning.certain())
            .or_else(|| match &piece.dates {
                Some(dates) => leading_date_among(written, dates),
                None => leading_date(written),
            });
        let new_marker = piece
            .marker
            .filter(|(_, number)| Some(*number) != marker_in_force);
        if let Some((_, number)) = piece.marker {
            marker_in_force = Some(number);
        }
        let explicit = own_date.or(new_marker.map(|(date, _)| date));
        if year.is_none() {
            year = explicit.and_then(|reading| reading.year);
        }
        if let Some(date) =
            explicit.and_then(|reading| reading.civil_in(year.unwrap_or(YEAR_OF_YEARLESS_DATES)))
        {
            if let Some(reference) = reference {
                day = date.days_since_epoch() - reference.days_since_epoch();
            } else {
                reference = date.add_days(-day);
                reference_known = year.is_some();
            }
        }
        let time = mention.map(|mention| {
            let zone = mention
                .zone
                .as_ref()
                .filter(|_| !mention.zone_inherited)
                .map(|zone| written_zone(zone, piece.span.start));
            let offset_minutes = match &mention.zone {
                Some(zone) => zone.lookup.offset_minutes(),
                None => declared_offset.or(carried_offset).or(summary_offset),
            };
            if let Some(offset) = zone.as_ref().and_then(|zone| zone.offset_minutes) {
                carried_offset = Some(offset);
            }
            let local = i64::from(mention.clock.minutes_since_midnight());
            let to_utc =
                |day: i64| day * MINUTES_PER_DAY + local - i64::from(offset_minutes.unwrap_or(0));
            if explicit.is_none()
                && let Some((previous_absolute, previous_local)) = previous
                && to_utc(day) < previous_absolute
                && crosses_midnight(previous_local, local)
            {
                day += 1;
            }
            let absolute = to_utc(day);
            previous = Some((absolute, local));
            let date = reference
                .filter(|_| reference_known)
                .and_then(|reference| reference.add_days(day));
            EntryTime {
                span: shift(&mention.span, piece.span.start),
                clock: mention.clock,
                date,
                zone,
                offset_minutes,
                instant: date
                    .zip(offset_minutes)
                    .map(|(date, offset)| epoch_minutes(date, mention.clock, offset)),
                elapsed_minutes: Some(absolute - *origin.get_or_insert(absolute)),
            }
        });
        let milestones = classify(&piece.text, responding);
        responding |= milestones.action;
        entries.push(TimelineEntry {
            milestones,
            time,
            text: piece.text,
            span: piece.span,
        });
    }
    entries
}

/// A backwards step counts as a new day when going forward to the next day is the shorter way
/// round, or when it goes from evening to early morning; anything else is an entry out of
/// order.
fn crosses_midnight(previous: i64, clock: i64) -> bool {
    let previous = previous.rem_euclid(MINUTES_PER_DAY);
    let clock = clock.rem_euclid(MINUTES_PER_DAY);
    previous - clock > MINUTES_PER_DAY / 2 || (previous >= 18 * 60 && clock < 8 * 60)
}

/// "All times are UTC", "Times in EAT", "(all times EAT)": a zone declared for what follows.
fn declaration(text: &str) -> Option<time::Zone> {
    static DECLARATIONS: LazyLock<Patterns<()>> = LazyLock::new(|| {
        Patterns::of(&[
            "all times",
            "times are",
            "times in",
            "timezone",
            "time zone",
        ])
    });
    if !DECLARATIONS.any_in(text) || !find_times(text).is_empty() {
        return None;
    }
    time::find_zones(text).into_iter().next()
}

/// Times as [`time::find_times`] finds them, and also a 24-hour time written as a label with a
/// colon right after it (`07:40: Initial theory`), which the scanner reads as the start of
/// seconds.
fn find_times(text: &str) -> Vec<TimeMention> {
    times_and_dates(text).0
}

/// [`find_times`], and the dates of `text` as [`time::find_dates`] finds them when they are
/// read on the way: not when a label's colon had to be masked, which the dates may depend on.
fn times_and_dates(text: &str) -> (Vec<TimeMention>, Option<Vec<DateMention>>) {
    let bytes = text.as_bytes();
    let mut masked: Option<Vec<u8>> = None;
    // Colons are found by `match_indices`, which skips the text between them a block at a time.
    for (index, _) in text.match_indices(':') {
        if index >= 3
            && bytes[index - 1].is_ascii_digit()
            && bytes[index - 2].is_ascii_digit()
            && bytes[index - 3] == b':'
            && !bytes.get(index + 1).is_some_and(u8::is_ascii_digit)
        {
            masked.get_or_insert_with(|| bytes.to_vec())[index] = b' ';
        }
    }
    // Replacing an ASCII colon with a space keeps the text valid UTF-8 and every offset.
    if let Some(Ok(masked)) = masked.map(String::from_utf8) {
        return (time::find_times(&masked), None);
    }
    let dates = time::find_dates(text);
    (time::find_times_among_dates(text, &dates), Some(dates))
}

/// How many bytes of list markers, emphasis and brackets open `text`.
fn markup_prefix(text: &str) -> usize {
    let content = text.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '*' | '+' | '_' | '>' | '|' | '[' | '(' | '#' | '~' | '`'
            )
    });
    text.len() - content.len()
}

/// The time an entry starts with, if it starts with one.
fn leading_time(text: &str) -> Option<TimeMention> {
    leading_among(text, &find_times(text)).cloned()
}

/// Of the times found in `text`, the one it starts with.
fn leading_among<'t>(text: &str, times: &'t [TimeMention]) -> Option<&'t TimeMention> {
    let skipped = markup_prefix(text);
    times.iter().find(|mention| {
        let written = mention.date.as_ref().map_or(mention.span.start, |date| {
            date.span.start.min(mention.span.start)
        });
        written >= skipped && written - skipped <= LEADING_TIME_WINDOW
    })
}

/// The time of an entry: the one it starts with, else the first one in it.
fn piece_time(text: &str) -> Option<TimeMention> {
    let times = find_times(text);
    leading_among(text, &times).or(times.first()).cloned()
}

/// The date a line starts with: `2019-01-22`, `**Feb 05, 2021:**`, `19. April, 11:00`.
fn leading_date(text: &str) -> Option<DateReading> {
    let skipped = markup_prefix(text);
    let dates = time::find_dates_starting_before(text, skipped + LEADING_TIME_WINDOW + 1);
    leading_date_among(text, &dates)
}

/// [`leading_date`], given the dates of `text` as [`time::find_dates`] finds them (or as many
/// as start within the window after the markup).
fn leading_date_among(text: &str, dates: &[DateMention]) -> Option<DateReading> {
    let skipped = markup_prefix(text);
    dates
        .iter()
        .find(|date| date.span.start >= skipped && date.span.start - skipped <= LEADING_TIME_WINDOW)
        .and_then(|date| date.meaning.certain())
        .or_else(|| day_dot_month(&text[skipped..]))
}

/// `19. April`, as German and Scandinavian writers date a day.
fn day_dot_month(text: &str) -> Option<DateReading> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let (day, rest) = text.split_once('.')?;
    let day: u8 = day.parse().ok().filter(|day| (1..=31).contains(day))?;
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|month| word.len() >= 3 && word.starts_with(month))?;
    Some(DateReading {
        year: None,
        month: u8::try_from(month + 1).ok()?,
        day,
    })
}

/// A date-led line that records something ("Feb 05, 2021: Disclosure"), not a date that heads
/// the lines below it ("2019-01-22", "Saturday, April 29th:").
fn dated_entry(text: &str) -> bool {
    let dates = time::find_dates(text);
    let Some(date) = dates.first() else {
        return false;
    };
    let rest = text[date.span.end..].trim();
    rest.chars().any(char::is_alphabetic) && !rest.ends_with(':')
}

/// Where each entry of a line starts, when it starts with one: the leading time, then every
/// time written as a label (`12:06pm EAT: ...`) further on. `times` are the line's times.
fn entry_starts(raw: &str, times: &[TimeMention]) -> Vec<usize> {
    let mut starts = Vec::new();
    if let Some(first) = leading_among(raw, times) {
        starts.push(markup_prefix(raw).min(first.span.start));
    }
    for mention in times {
        let start = mention.date.as_ref().map_or(mention.span.start, |date| {
            date.span.start.min(mention.span.start)
        });
        if starts
            .first()
            .is_some_and(|&first| start <= first + LEADING_TIME_WINDOW)
        {
            continue;
        }
        let after = raw[mention.extent.end..].trim_start_matches([' ', '*', '_']);
        if after.starts_with(':') && !after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            starts.push(start);
        }
    }
    starts
}

/// A label alone on its line ("**Misleading paths:**"): what follows is its content.
fn is_label(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['*', '_']);
    text.ends_with(':') && text.split_whitespace().count() <= 5
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['*', '_', ')', '"', '\''])
        .ends_with(['.', '!', '?', ':', ';'])
}

fn collapse(text: &str) -> String {
    without_list_marker(
        &strip_tags(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
    .to_owned()
}

/// Text without the Markdown list markers it may start with (`- `, `* `, `+ `).
fn without_list_marker(text: &str) -> &str {
    text.trim_start_matches(['-', '*', '+']).trim()
}

/// The text a reader sees in a block.
fn block_text(source: &str, block: &Block) -> String {
    match &block.kind {
        BlockKind::Paragraph { lines } => lines
            .iter()
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        BlockKind::List { items, .. } => items
            .iter()
            .map(|item| item.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        BlockKind::Heading { heading } => heading.text.clone(),
        BlockKind::Html { text } => collapse(text),
        BlockKind::Code { .. } | BlockKind::ThematicBreak => String::new(),
        BlockKind::Quote { text } => text.clone(),
        BlockKind::Table { .. } => collapse(block.span.text(source)),
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// The column of a timeline table that holds the times: the first whose header names a time,
/// else the first.
pub(crate) fn time_column(header: &[crate::model::Cell]) -> usize {
    header
        .iter()
        .position(|cell| {
            let label = cell.text.to_lowercase();
            ["time", "when", "timestamp", "date", "hour"]
                .iter()
                .any(|word| label.contains(word))
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timeline_of(source: &str) -> Timeline {
        crate::parse(source).timeline
    }

    fn elapsed(timeline: &Timeline) -> Vec<Option<i64>> {
        timeline
            .entries
            .iter()
            .map(|entry| entry.time.as_ref().and_then(|time| time.elapsed_minutes))
            .collect()
    }

    #[test]
    fn crosses_midnight_without_dates() {
        let timeline = timeline_of("## Timeline\n- 23:50 UTC - Alert.\n- 00:10 UTC - Fixed.\n");
        assert_eq!(elapsed(&timeline), [Some(0), Some(20)]);
        let late = timeline_of(
            "## Timeline\n- 09:30 PM: Deploy.\n- 10:00 PM: Reports.\n- 08:45 AM: Found it.\n",
        );
        assert_eq!(elapsed(&late), [Some(0), Some(30), Some(675)]);
    }

    #[test]
    fn crosses_midnight_with_the_summary_date() {
        let source = "## Issue Summary\n\
            On April 13, 2024 from 10:00 PM to 2:00 AM PST.\n\
            ## Timeline\n\
            - 11:30 PM: Found.\n\
            - 1:30 AM: Fixed.\n";
        let timeline = timeline_of(source);
        assert_eq!(elapsed(&timeline), [Some(0), Some(120)]);
        let fixed = timeline.entries[1].time.as_ref().unwrap();
        assert_eq!(fixed.date, CivilDate::new(2024, 4, 14));
        assert!(fixed.instant.is_some());
    }

    #[test]
    fn a_backwards_step_in_the_day_is_out_of_order() {
        let timeline = timeline_of("## Timeline\n- 14:00 - Alert.\n- 13:00 - Fixed.\n");
        assert_eq!(elapsed(&timeline), [Some(0), Some(-60)]);
    }

    #[test]
    fn reads_dates_from_headings_lines_and_entries() {
        let source = "## Timeline\n\
            ### 2023-07-19\n\
            - 22:00 UTC - Deploy.\n\
            ### 2023-07-20\n\
            - 10:00 UTC - Alert.\n";
        assert_eq!(elapsed(&timeline_of(source)), [Some(0), Some(720)]);
        let lines = "## Timeline\n\
            June 7th, 2024, 15:45 (UTC): Escalated.\n\
            June 8th, 2024, 07:00 (UTC): Found.\n";
        assert_eq!(elapsed(&timeline_of(lines)), [Some(0), Some(915)]);
        let carried = "## Timeline\n\
            **Sep 25, 2020, 23:24 (UTC)**: Reports.\n\
            **23:36**: Verified.\n\
            **00:48**: Fixed.\n";
        let timeline = timeline_of(carried);
        assert_eq!(elapsed(&timeline), [Some(0), Some(12), Some(84)]);
        assert_eq!(
            timeline.entries[1].time.as_ref().unwrap().offset_minutes,
            Some(0)
        );
    }

    #[test]
    fn reads_headings_as_entries() {
        let source = "## Timeline\n\
            All times in CEST\n\
            ### 2018-04-18 12:35\n\
            Deployed.\n\
            \n\
            Tests pass.\n\
            ### 19:47\n\
            Deploy attempted.\n\
            ### 19. April, 11:00\n\
            Fixed.\n";
        let timeline = timeline_of(source);
        assert_eq!(timeline.form, TimelineForm::Lines);
        assert_eq!(elapsed(&timeline), [Some(0), Some(432), Some(1345)]);
        assert!(timeline.entries[0].text.contains("Tests pass."));
        assert_eq!(timeline.declared_zone.unwrap().offset_minutes, Some(120));
    }

    #[test]
    fn sorts_sections_text_into_entries_and_notes() {
        let source = "## Timeline\n\
            All times are UTC.\n\
            \n\
            - 10:00 - Alert.\n  \
            - Paged the on-call engineer.\n\
            - Engineers investigated.\n\
            \n\
            **Escalation:**\n\
            \n\
            The incident was escalated to the DBA team.\n";
        let timeline = timeline_of(source);
        assert_eq!(timeline.form, TimelineForm::List);
        assert_eq!(timeline.entries.len(), 2);
        assert!(timeline.entries[0].text.contains("Paged"));
        assert!(timeline.entries[1].time.is_none());
        assert!(timeline.notes.iter().any(|note| note.milestones.escalation));
    }

    #[test]
    fn a_list_of_links_is_not_a_list_of_entries() {
        let source = "## Timeline\n\
            - [overview](https://example.com/a)\n\
            - [pods](https://example.com/b)\n\
            \n\
            10:00 UTC - Alert.\n\
            10:05 UTC - Fixed.\n";
        let timeline = timeline_of(source);
        assert_eq!(timeline.form, TimelineForm::Lines);
        assert_eq!(timeline.entries.len(), 2);
    }

    #[test]
    fn splits_entries_run_together_and_calls_them_prose() {
        let source = "## Timeline\n\
            12:00pm EAT: Issue was detected. 12:06pm EAT: Curl showed one server. \
            12:09pm EAT: Handled.\n";
        let timeline = timeline_of(source);
        assert_eq!(timeline.form, TimelineForm::Prose);
        assert_eq!(elapsed(&timeline), [Some(0), Some(6), Some(9)]);
    }

    #[test]
    fn reads_a_label_time_with_a_colon() {
        let timeline = timeline_of("## Timeline\n- **07:40:** Initial theory: overload.\n");
        assert_eq!(timeline.entries[0].time.as_ref().unwrap().clock.hour(), 7);
    }

    #[test]
    fn a_declaration_names_a_zone_for_the_times_that_follow() {
        for (text, declares) in [
            ("", false),
            ("All times are UTC", true),
            ("ALL TIMES EAT", true),
            ("Times in CEST", true),
            ("Timezone: WAT", true),
            ("Time Zone (EAT)", true),
            ("é times in UTC é", true),
            ("TİMES ARE UTC", false),
            ("All times UTC, 10:00 deploy", false),
            ("Deploy at 10:00 UTC", false),
            ("All times are approximate", false),
        ] {
            assert_eq!(declaration(text).is_some(), declares, "{text:?}");
        }
    }

    #[test]
    fn finds_the_leading_date_among_all_the_dates_of_a_line() {
        for text in [
            "",
            "2019-01-22",
            "- **Feb 05, 2021:** Disclosure",
            "19. April, 11:00",
            "### 19. April",
            "- 10:00 AM on June 7, 2024: Alert",
            "**Sep 25, 2020, 23:24 (UTC)**: Reports.",
            "A long line before the date of June 7, 2024",
            "09-06-2024 10:00",
            "é 2024-01-01",
            "- **07:40:** Initial theory on 2024-01-02",
        ] {
            assert_eq!(
                leading_date_among(text, &time::find_dates(text)),
                leading_date(text),
                "{text:?}"
            );
            let (times, dates) = times_and_dates(text);
            assert_eq!(times, find_times(text), "{text:?}");
            if let Some(dates) = dates {
                assert_eq!(dates, time::find_dates(text), "{text:?}");
            }
        }
    }

    #[test]
    fn prose_stays_prose() {
        let source = "## Timeline\n\
            The error came to our attention on Saturday, April 29th, at 12:00 hours (EAT).\n\
            \n\
            The problem was resolved by Sunday, April 30th, at 18:00 hours (EAT).\n";
        let timeline = timeline_of(source);
        assert_eq!(timeline.form, TimelineForm::Prose);
        assert_eq!(elapsed(&timeline), [Some(0), Some(1800)]);
    }
}
