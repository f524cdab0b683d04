//! Timezones as written: abbreviations, long names and numeric offsets, mapped to UTC offsets.
//!
//! Abbreviations count only in uppercase, so the words "cat" and "est" in prose are not zones;
//! long names ("East Africa Time") match in any case. Abbreviations that name several zones
//! (IST, CST, BST) are reported as ambiguous with every candidate, never guessed.

use super::scan::{
    Lowercase, byte_at, digits_end, digits_value, exact_digits, is_word_end, is_word_start,
    letters_end, next_byte, phrase_at, skip_inline_space,
};
use serde::Serialize;
use std::ops::Range;

/// One zone an ambiguous name may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ZoneCandidate {
    pub name: &'static str,
    /// Minutes east of UTC.
    pub offset_minutes: i32,
}

/// What a zone name means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase", tag = "type", content = "value")]
pub enum ZoneLookup {
    /// A single offset, in minutes east of UTC.
    Known(i32),
    /// Several zones share the name (IST: India, Ireland or Israel), or it names a region whose
    /// offset changes with daylight saving time ("Eastern Time").
    Ambiguous(&'static [ZoneCandidate]),
    /// Written where a zone goes, but not one this table knows.
    Unknown,
}

impl ZoneLookup {
    /// The offset in minutes east of UTC, when it is certain.
    pub fn offset_minutes(self) -> Option<i32> {
        match self {
            ZoneLookup::Known(offset) => Some(offset),
            ZoneLookup::Ambiguous(_) | ZoneLookup::Unknown => None,
        }
    }

    pub fn is_ambiguous(self) -> bool {
        matches!(self, ZoneLookup::Ambiguous(_))
    }
}

/// A timezone written in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Zone {
    /// Byte range of the zone's name within the scanned text, without any parentheses.
    pub span: Range<usize>,
    /// The zone as written: `EAT`, `GMT+3`, `East Africa Time`, `+03:00`.
    pub text: String,
    pub lookup: ZoneLookup,
}

/// What a standalone zone name means: `EAT`, `UTC+05:30`, `+0300`, `Z`, `East Africa Time`.
///
/// Abbreviations must be uppercase (`est` is Unknown); long names match in any case.
/// Surrounding spaces and one pair of parentheses are ignored.
pub fn zone_offset(abbreviation: &str) -> ZoneLookup {
    let trimmed = abbreviation.trim();
    let name = trimmed
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .map_or(trimmed, str::trim);
    if name == "Z" {
        return ZoneLookup::Known(0);
    }
    if let Some((Some(offset), end)) = signed_offset(name.as_bytes(), 0, OffsetForm::Iso)
        && end == name.len()
    {
        return ZoneLookup::Known(offset);
    }
    match zone_at(name, 0, ZoneContext::Standalone) {
        Some((lookup, end)) if end == name.len() => lookup,
        _ => ZoneLookup::Unknown,
    }
}

/// Every zone named anywhere in `text`, such as the one a heading declares for a whole
/// timeline ("All times are EAT", "Timeline (UTC+3)"). Bare numeric offsets and one- or
/// two-letter abbreviations (`Z`, `PT`) count only after a time, so they are not searched here.
pub fn find_zones(text: &str) -> Vec<Zone> {
    let bytes = text.as_bytes();
    let mut zones = Vec::new();
    // Every long name ends in "time"; without one, only an abbreviation in capitals of three
    // letters or more (`EAT`, `UTC+3`) can name a zone.
    let may_have_long_name = mentions_time(text);
    let mut at = 0;
    while at < bytes.len() {
        if !may_have_long_name {
            at = next_byte(bytes, at, |byte| byte.is_ascii_uppercase());
            if at == bytes.len() {
                break;
            }
        }
        if !bytes[at].is_ascii_alphabetic() {
            at += 1;
            continue;
        }
        let word_end = letters_end(bytes, at);
        let may_abbreviate =
            word_end - at >= 3 && bytes[at..word_end].iter().all(u8::is_ascii_uppercase);
        let may_begin_long_name = may_have_long_name
            && Lowercase::of(&bytes[at..word_end]).is_some_and(|word| begins_long_form(&word));
        if (may_abbreviate || may_begin_long_name)
            && is_word_start(text, at)
            && let Some((lookup, end)) = zone_at(text, at, ZoneContext::Prose)
        {
            zones.push(make_zone(text, at..end, lookup));
            at = end;
        } else {
            at = word_end;
        }
    }
    zones
}

/// Whether "time" is written in `text`, in any case: looked for from its `m`, which
/// `str::match_indices` finds a machine word at a time.
pub(crate) fn mentions_time(text: &str) -> bool {
    ['m', 'M'].into_iter().any(|m| {
        text.match_indices(m).any(|(index, _)| {
            index
                .checked_sub(2)
                .and_then(|start| text.as_bytes().get(start..start + 4))
                .is_some_and(|written| written.eq_ignore_ascii_case(b"time"))
        })
    })
}

/// The zone written right after a time that ends at `at`: `14:05 UTC`, `10:00 AM (WAT)`,
/// `6:20 PM GMT+3`, `10:00Z`; with `iso`, also an attached offset (`T10:00+03:00`).
/// Returns the zone and the end of the whole zone expression, closing parenthesis included.
pub(super) fn zone_after_time(text: &str, at: usize, iso: bool) -> Option<(Zone, usize)> {
    let bytes = text.as_bytes();
    if byte_at(bytes, at) == b'Z' && is_word_end(text, at + 1) {
        return Some((make_zone(text, at..at + 1, ZoneLookup::Known(0)), at + 1));
    }
    if iso
        && let Some((Some(offset), end)) = signed_offset(bytes, at, OffsetForm::Iso)
        && is_word_end(text, end)
    {
        return Some((make_zone(text, at..end, ZoneLookup::Known(offset)), end));
    }
    let mut start = skip_inline_space(text, at);
    let spaced = start > at;
    let opener = byte_at(bytes, start);
    let parenthesized = matches!(opener, b'(' | b'[');
    if parenthesized {
        start = skip_inline_space(text, start + 1);
    }
    let context = ZoneContext::AfterTime { parenthesized };
    let (lookup, end) = zone_at(text, start, context).or_else(|| {
        // A bare offset after a space; a spaced `- 11:00` is a range, so `-` needs four digits.
        let (offset, end) = signed_offset(bytes, start, OffsetForm::Bare)?;
        let unambiguous = byte_at(bytes, start) == b'+' || end - start == 5;
        ((spaced || parenthesized) && unambiguous && is_word_end(text, end))
            .then_some((ZoneLookup::Known(offset?), end))
    })?;
    let zone = make_zone(text, start..end, lookup);
    let mut extent_end = end;
    if parenthesized {
        let closer = skip_inline_space(text, end);
        if matches!(byte_at(bytes, closer), b')' | b']') {
            extent_end = closer + 1;
        }
    }
    Some((zone, extent_end))
}

fn make_zone(text: &str, span: Range<usize>, lookup: ZoneLookup) -> Zone {
    Zone {
        text: text.get(span.clone()).unwrap_or_default().to_owned(),
        span,
        lookup,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ZoneContext {
    /// Right after a time, where an unknown uppercase word in parentheses is still a zone.
    AfterTime { parenthesized: bool },
    /// Running prose: only known names of three letters or more.
    Prose,
    /// A string given to [`zone_offset`]: any known name.
    Standalone,
}

/// The zone name starting at `start`, and its end.
fn zone_at(text: &str, start: usize, context: ZoneContext) -> Option<(ZoneLookup, usize)> {
    let bytes = text.as_bytes();
    let word_end = letters_end(bytes, start);
    let word = text.get(start..word_end).unwrap_or_default();
    let uppercase = !word.is_empty() && word.bytes().all(|letter| letter.is_ascii_uppercase());
    if uppercase
        && matches!(word, "UTC" | "GMT")
        && let Some((offset, end)) =
            signed_offset(bytes, sign_after(text, word_end), OffsetForm::Prefixed)
    {
        let lookup = offset.map_or(ZoneLookup::Unknown, ZoneLookup::Known);
        return is_word_end(text, end).then_some((lookup, end));
    }
    let abbreviated = (uppercase
        && is_word_end(text, word_end)
        && (context != ZoneContext::Prose || word.len() >= 3))
        .then(|| abbreviation(word))
        .flatten()
        .map(|lookup| (lookup, word_end));
    // "WEST AFRICA TIME" is one long name, not the abbreviation WEST.
    if let Some(found) = long_form_at(text, start).or(abbreviated) {
        return Some(found);
    }
    // An unknown uppercase word counts only in parentheses right after a time ("(NDT)"): bare,
    // it is too often an acronym ("10:05 GET requests failed").
    let in_parentheses = context
        == ZoneContext::AfterTime {
            parenthesized: true,
        }
        && (2..=5).contains(&word.len())
        && byte_at(bytes, skip_inline_space(text, word_end)) == b')';
    (uppercase && in_parentheses).then_some((ZoneLookup::Unknown, word_end))
}

/// Where the sign of `UTC+3` is: right after the name, or after one space when digits follow
/// the sign at once (`GMT +1`; `UTC - 15:00` is a range).
fn sign_after(text: &str, name_end: usize) -> usize {
    let bytes = text.as_bytes();
    let spaced = skip_inline_space(text, name_end);
    let signed = matches!(byte_at(bytes, spaced), b'+' | b'-')
        && byte_at(bytes, spaced + 1).is_ascii_digit();
    if spaced > name_end && signed {
        spaced
    } else {
        name_end
    }
}

fn long_form_at(text: &str, start: usize) -> Option<(ZoneLookup, usize)> {
    let bytes = text.as_bytes();
    if !begins_long_form(&Lowercase::of(
        bytes.get(start..letters_end(bytes, start))?,
    )?) {
        return None;
    }
    // The table is sorted, so the names that start with this letter sit together.
    let first = byte_at(bytes, start).to_ascii_lowercase();
    let from = LONG_FORMS.partition_point(|(phrase, _)| phrase.as_bytes()[0] < first);
    let count = LONG_FORMS[from..].partition_point(|(phrase, _)| phrase.as_bytes()[0] == first);
    LONG_FORMS[from..from + count]
        .iter()
        .filter_map(|(phrase, lookup)| Some((*lookup, phrase_at(text, start, phrase)?)))
        .max_by_key(|(_, end)| *end)
}

/// Whether a word (lowercase) is the first word of a long name, so that most words are
/// turned away before the names are compared.
fn begins_long_form(word: &Lowercase) -> bool {
    matches!(
        word.as_bytes(),
        b"alaska"
            | b"argentina"
            | b"australian"
            | b"bangladesh"
            | b"brasilia"
            | b"british"
            | b"central"
            | b"china"
            | b"coordinated"
            | b"east"
            | b"eastern"
            | b"greenwich"
            | b"gulf"
            | b"hawaii"
            | b"hong"
            | b"india"
            | b"indian"
            | b"irish"
            | b"israel"
            | b"japan"
            | b"korea"
            | b"korean"
            | b"moscow"
            | b"mountain"
            | b"nepal"
            | b"new"
            | b"pacific"
            | b"pakistan"
            | b"philippine"
            | b"singapore"
            | b"south"
            | b"universal"
            | b"west"
            | b"western"
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OffsetForm {
    /// After `UTC`/`GMT`: `+3`, `-5`, `+05:30`, `+0530`.
    Prefixed,
    /// On its own: `+0300`, `+03:00`.
    Bare,
    /// Attached to an ISO time, where `+03` also counts.
    Iso,
}

/// A signed offset at `at` and its end; the offset is `None` when its digits are out of range.
fn signed_offset(bytes: &[u8], at: usize, form: OffsetForm) -> Option<(Option<i32>, usize)> {
    let sign = match byte_at(bytes, at) {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits_start = at + 1;
    let digits_stop = digits_end(bytes, digits_start);
    let (hours, minutes, end) = match digits_stop - digits_start {
        count @ (1 | 2) => {
            if byte_at(bytes, digits_stop) == b':'
                && let Some(minutes) = exact_digits(bytes, digits_stop + 1, 2)
            {
                let hours = digits_value(bytes, digits_start, digits_stop);
                (hours, minutes, digits_stop + 3)
            } else if form == OffsetForm::Prefixed || (form == OffsetForm::Iso && count == 2) {
                (
                    digits_value(bytes, digits_start, digits_stop),
                    0,
                    digits_stop,
                )
            } else {
                return None;
            }
        }
        4 => (
            digits_value(bytes, digits_start, digits_start + 2),
            digits_value(bytes, digits_start + 2, digits_stop),
            digits_stop,
        ),
        _ => return None,
    };
    let valid = hours <= 14 && minutes < 60;
    let magnitude = i32::try_from(hours * 60 + minutes).unwrap_or(i32::MAX);
    Some((valid.then_some(sign * magnitude), end))
}

const fn candidate(name: &'static str, offset_minutes: i32) -> ZoneCandidate {
    ZoneCandidate {
        name,
        offset_minutes,
    }
}

const INDIA_IRELAND_ISRAEL: &[ZoneCandidate] = &[
    candidate("India Standard Time", 330),
    candidate("Irish Standard Time", 60),
    candidate("Israel Standard Time", 120),
];
const US_CENTRAL_OR_CHINA: &[ZoneCandidate] = &[
    candidate("Central Standard Time (North America)", -360),
    candidate("China Standard Time", 480),
];
const BRITISH_OR_BANGLADESH: &[ZoneCandidate] = &[
    candidate("British Summer Time", 60),
    candidate("Bangladesh Standard Time", 360),
];
const US_EASTERN: &[ZoneCandidate] = &[
    candidate("Eastern Standard Time", -300),
    candidate("Eastern Daylight Time", -240),
];
const US_CENTRAL: &[ZoneCandidate] = &[
    candidate("Central Standard Time", -360),
    candidate("Central Daylight Time", -300),
];
const US_MOUNTAIN: &[ZoneCandidate] = &[
    candidate("Mountain Standard Time", -420),
    candidate("Mountain Daylight Time", -360),
];
const US_PACIFIC: &[ZoneCandidate] = &[
    candidate("Pacific Standard Time", -480),
    candidate("Pacific Daylight Time", -420),
];

/// Uppercase abbreviations.
fn abbreviation(word: &str) -> Option<ZoneLookup> {
    use ZoneLookup::{Ambiguous, Known};
    Some(match word {
        "UTC" | "GMT" | "Z" | "WET" => Known(0),
        "EST" | "CDT" => Known(-300),
        "EDT" => Known(-240),
        "MST" | "PDT" => Known(-420),
        "MDT" => Known(-360),
        "PST" | "AKDT" => Known(-480),
        "AKST" | "HDT" => Known(-540),
        "HST" => Known(-600),
        "BRT" | "ART" => Known(-180),
        "WAT" | "CET" | "WEST" => Known(60),
        "CAT" | "SAST" | "CEST" | "EET" => Known(120),
        "EAT" | "EEST" | "MSK" => Known(180),
        "GST" => Known(240),
        "PKT" => Known(300),
        "NPT" => Known(345),
        "WIB" | "ICT" => Known(420),
        "SGT" | "HKT" | "PHT" | "AWST" | "WITA" | "MYT" => Known(480),
        "JST" | "KST" | "WIT" => Known(540),
        "ACST" => Known(570),
        "AEST" => Known(600),
        "ACDT" => Known(630),
        "AEDT" => Known(660),
        "NZST" => Known(720),
        "NZDT" => Known(780),
        "IST" => Ambiguous(INDIA_IRELAND_ISRAEL),
        "CST" => Ambiguous(US_CENTRAL_OR_CHINA),
        "BST" => Ambiguous(BRITISH_OR_BANGLADESH),
        "ET" => Ambiguous(US_EASTERN),
        "CT" => Ambiguous(US_CENTRAL),
        "MT" => Ambiguous(US_MOUNTAIN),
        "PT" => Ambiguous(US_PACIFIC),
        _ => return None,
    })
}

/// Long names, lowercase and sorted, so that the names starting with a letter are found at once;
/// matched in any case, the longest match winning.
const LONG_FORMS: &[(&str, ZoneLookup)] = &[
    ("alaska daylight time", ZoneLookup::Known(-480)),
    ("alaska standard time", ZoneLookup::Known(-540)),
    ("argentina time", ZoneLookup::Known(-180)),
    ("australian central standard time", ZoneLookup::Known(570)),
    ("australian eastern daylight time", ZoneLookup::Known(660)),
    ("australian eastern standard time", ZoneLookup::Known(600)),
    ("australian western standard time", ZoneLookup::Known(480)),
    ("bangladesh standard time", ZoneLookup::Known(360)),
    ("brasilia time", ZoneLookup::Known(-180)),
    ("british summer time", ZoneLookup::Known(60)),
    ("central africa time", ZoneLookup::Known(120)),
    ("central african time", ZoneLookup::Known(120)),
    ("central daylight time", ZoneLookup::Known(-300)),
    ("central european standard time", ZoneLookup::Known(60)),
    ("central european summer time", ZoneLookup::Known(120)),
    ("central european time", ZoneLookup::Known(60)),
    ("central standard time", ZoneLookup::Known(-360)),
    ("central time", ZoneLookup::Ambiguous(US_CENTRAL)),
    ("china standard time", ZoneLookup::Known(480)),
    ("coordinated universal time", ZoneLookup::Known(0)),
    ("east africa time", ZoneLookup::Known(180)),
    ("east african time", ZoneLookup::Known(180)),
    ("eastern africa time", ZoneLookup::Known(180)),
    ("eastern daylight time", ZoneLookup::Known(-240)),
    ("eastern european summer time", ZoneLookup::Known(180)),
    ("eastern european time", ZoneLookup::Known(120)),
    ("eastern standard time", ZoneLookup::Known(-300)),
    ("eastern time", ZoneLookup::Ambiguous(US_EASTERN)),
    ("greenwich mean time", ZoneLookup::Known(0)),
    ("gulf standard time", ZoneLookup::Known(240)),
    ("hawaii standard time", ZoneLookup::Known(-600)),
    ("hawaii-aleutian standard time", ZoneLookup::Known(-600)),
    ("hong kong time", ZoneLookup::Known(480)),
    ("india standard time", ZoneLookup::Known(330)),
    ("indian standard time", ZoneLookup::Known(330)),
    ("irish standard time", ZoneLookup::Known(60)),
    ("israel standard time", ZoneLookup::Known(120)),
    ("japan standard time", ZoneLookup::Known(540)),
    ("korea standard time", ZoneLookup::Known(540)),
    ("korean standard time", ZoneLookup::Known(540)),
    ("moscow standard time", ZoneLookup::Known(180)),
    ("moscow time", ZoneLookup::Known(180)),
    ("mountain daylight time", ZoneLookup::Known(-360)),
    ("mountain standard time", ZoneLookup::Known(-420)),
    ("mountain time", ZoneLookup::Ambiguous(US_MOUNTAIN)),
    ("nepal time", ZoneLookup::Known(345)),
    ("new zealand daylight time", ZoneLookup::Known(780)),
    ("new zealand standard time", ZoneLookup::Known(720)),
    ("pacific daylight time", ZoneLookup::Known(-420)),
    ("pacific standard time", ZoneLookup::Known(-480)),
    ("pacific time", ZoneLookup::Ambiguous(US_PACIFIC)),
    ("pakistan standard time", ZoneLookup::Known(300)),
    ("philippine standard time", ZoneLookup::Known(480)),
    ("philippine time", ZoneLookup::Known(480)),
    ("singapore standard time", ZoneLookup::Known(480)),
    ("singapore time", ZoneLookup::Known(480)),
    ("south africa standard time", ZoneLookup::Known(120)),
    ("south africa time", ZoneLookup::Known(120)),
    ("south african standard time", ZoneLookup::Known(120)),
    ("universal coordinated time", ZoneLookup::Known(0)),
    ("west africa time", ZoneLookup::Known(60)),
    ("west african time", ZoneLookup::Known(60)),
    ("western european summer time", ZoneLookup::Known(60)),
    ("western european time", ZoneLookup::Known(0)),
    ("western indonesia time", ZoneLookup::Known(420)),
    ("western indonesian time", ZoneLookup::Known(420)),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn known(name: &str) -> Option<i32> {
        match zone_offset(name) {
            ZoneLookup::Known(offset) => Some(offset),
            _ => None,
        }
    }

    fn candidates(name: &str) -> Vec<(&'static str, i32)> {
        match zone_offset(name) {
            ZoneLookup::Ambiguous(list) => list
                .iter()
                .map(|candidate| (candidate.name, candidate.offset_minutes))
                .collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn maps_utc_and_its_aliases_to_zero() {
        for name in [
            "UTC",
            "GMT",
            "Z",
            "UTC+0",
            "GMT-0",
            "+00:00",
            "Coordinated Universal Time",
        ] {
            assert_eq!(known(name), Some(0), "{name}");
        }
        assert_eq!(known("greenwich mean time"), Some(0));
    }

    #[test]
    fn maps_american_abbreviations() {
        let expected = [
            ("EST", -300),
            ("EDT", -240),
            ("CDT", -300),
            ("MST", -420),
            ("MDT", -360),
            ("PST", -480),
            ("PDT", -420),
            ("AKST", -540),
            ("AKDT", -480),
            ("HST", -600),
            ("BRT", -180),
            ("ART", -180),
        ];
        for (name, offset) in expected {
            assert_eq!(known(name), Some(offset), "{name}");
        }
    }

    #[test]
    fn maps_african_european_and_asian_abbreviations() {
        let expected = [
            ("WAT", 60),
            ("CAT", 120),
            ("EAT", 180),
            ("SAST", 120),
            ("CET", 60),
            ("CEST", 120),
            ("EET", 120),
            ("EEST", 180),
            ("WET", 0),
            ("WEST", 60),
            ("MSK", 180),
            ("PKT", 300),
            ("WIB", 420),
            ("SGT", 480),
            ("HKT", 480),
            ("PHT", 480),
            ("AWST", 480),
            ("JST", 540),
            ("KST", 540),
            ("ACST", 570),
            ("AEST", 600),
            ("AEDT", 660),
            ("NZST", 720),
            ("NZDT", 780),
        ];
        for (name, offset) in expected {
            assert_eq!(known(name), Some(offset), "{name}");
        }
    }

    #[test]
    fn maps_long_forms_in_any_case() {
        assert_eq!(known("East Africa Time"), Some(180));
        assert_eq!(known("east african time"), Some(180));
        assert_eq!(known("WEST AFRICA TIME"), Some(60));
        assert_eq!(known("Central European Time"), Some(60));
        assert_eq!(known("Central European Summer Time"), Some(120));
        assert_eq!(known("Indian Standard Time"), Some(330));
        assert_eq!(known("Eastern Standard Time"), Some(-300));
        assert_eq!(known("  (East  Africa Time) "), Some(180));
    }

    #[test]
    fn reports_every_candidate_of_an_ambiguous_abbreviation() {
        assert_eq!(
            candidates("IST"),
            [
                ("India Standard Time", 330),
                ("Irish Standard Time", 60),
                ("Israel Standard Time", 120)
            ]
        );
        assert_eq!(
            candidates("CST"),
            [
                ("Central Standard Time (North America)", -360),
                ("China Standard Time", 480)
            ]
        );
        assert_eq!(
            candidates("BST"),
            [
                ("British Summer Time", 60),
                ("Bangladesh Standard Time", 360)
            ]
        );
        assert!(zone_offset("Eastern Time").is_ambiguous());
        assert!(zone_offset("Pacific Time").is_ambiguous());
        assert_eq!(zone_offset("IST").offset_minutes(), None);
    }

    #[test]
    fn maps_numeric_offsets() {
        assert_eq!(known("GMT+3"), Some(180));
        assert_eq!(known("UTC-5"), Some(-300));
        assert_eq!(known("UTC+05:30"), Some(330));
        assert_eq!(known("UTC+0530"), Some(330));
        assert_eq!(known("UTC-03:30"), Some(-210));
        assert_eq!(known("GMT +1"), Some(60));
        assert_eq!(known("UTC -5"), Some(-300));
        assert_eq!(zone_offset("UTC - 5"), ZoneLookup::Unknown);
        assert_eq!(known("+0300"), Some(180));
        assert_eq!(known("+03:00"), Some(180));
        assert_eq!(known("-05:00"), Some(-300));
        assert_eq!(known("+03"), Some(180));
        assert_eq!(zone_offset("UTC+25"), ZoneLookup::Unknown);
        assert_eq!(zone_offset("+0375"), ZoneLookup::Unknown);
        assert_eq!(zone_offset("UTC+"), ZoneLookup::Unknown);
    }

    #[test]
    fn abbreviations_must_be_uppercase() {
        for name in ["est", "cat", "Eat", "utc", "gmt+3", "ist", "Pst"] {
            assert_eq!(zone_offset(name), ZoneLookup::Unknown, "{name}");
        }
        assert_eq!(zone_offset(""), ZoneLookup::Unknown);
        assert_eq!(zone_offset("XYZ"), ZoneLookup::Unknown);
        assert_eq!(zone_offset("EAT time"), ZoneLookup::Unknown);
    }

    #[test]
    fn reads_zones_after_times() {
        let text = "10:00 AM (WAT) rest";
        let (zone, end) = zone_after_time(text, 8, false).unwrap();
        assert_eq!(
            (zone.span, zone.text.as_str(), zone.lookup),
            (10..13, "WAT", ZoneLookup::Known(60))
        );
        assert_eq!(end, 14);

        let text = "6:20 PM GMT+3: start";
        let (zone, end) = zone_after_time(text, 7, false).unwrap();
        assert_eq!(
            (zone.text.as_str(), zone.lookup, end),
            ("GMT+3", ZoneLookup::Known(180), 13)
        );

        let text = "12:00 hours (East Africa Time)";
        let (zone, end) = zone_after_time(text, 11, false).unwrap();
        assert_eq!(
            (zone.text.as_str(), zone.lookup, end),
            ("East Africa Time", ZoneLookup::Known(180), 30)
        );

        let (zone, _) = zone_after_time("10:00Z", 5, false).unwrap();
        assert_eq!(zone.lookup, ZoneLookup::Known(0));
        let (zone, _) = zone_after_time("10:00+03:00", 5, true).unwrap();
        assert_eq!(zone.lookup, ZoneLookup::Known(180));
        let (zone, _) = zone_after_time("14:05 +0300", 5, false).unwrap();
        assert_eq!(zone.lookup, ZoneLookup::Known(180));
        let (zone, _) = zone_after_time("14:05 -0500", 5, false).unwrap();
        assert_eq!(zone.lookup, ZoneLookup::Known(-300));
        let (zone, _) = zone_after_time("9 AM (XYZ)", 4, false).unwrap();
        assert_eq!(
            (zone.text.as_str(), zone.lookup),
            ("XYZ", ZoneLookup::Unknown)
        );
        assert_eq!(zone_after_time("9 AM NDT", 4, false), None);
        assert_eq!(zone_after_time("9 AM GET requests", 4, false), None);
    }

    #[test]
    fn ignores_what_only_looks_like_a_zone_after_a_time() {
        assert_eq!(zone_after_time("10:00+03:00", 5, false), None);
        assert_eq!(zone_after_time("10:00 - 11:00", 5, false), None);
        assert_eq!(zone_after_time("10:00 -11:00", 5, false), None);
        assert_eq!(zone_after_time("10:00 API errors", 5, false), None);
        assert_eq!(zone_after_time("10:00 est", 5, false), None);
        assert_eq!(zone_after_time("10:00 ESTX", 5, false), None);
        assert_eq!(zone_after_time("10:00 Zebra", 5, false), None);
        assert_eq!(zone_after_time("10:00\nUTC", 5, false), None);
    }

    #[test]
    fn looks_for_time_in_any_case() {
        assert!(mentions_time("East Africa TiMe"));
        assert!(mentions_time("time"));
        assert!(!mentions_time("tim me im"));
        assert!(!mentions_time("me"));
    }

    #[test]
    fn long_forms_are_sorted_for_lookup() {
        assert!(LONG_FORMS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (phrase, _) in LONG_FORMS {
            let first = phrase.split([' ', '-']).next().unwrap();
            assert!(
                begins_long_form(&Lowercase::of(first.as_bytes()).unwrap()),
                "{phrase}"
            );
        }
    }

    #[test]
    fn finds_zones_in_prose() {
        let zones = find_zones("All times are EAT; the CDN ran on UTC+3 (East Africa Time).");
        let texts: Vec<&str> = zones.iter().map(|zone| zone.text.as_str()).collect();
        assert_eq!(texts, ["EAT", "UTC+3", "East Africa Time"]);
        assert_eq!(zones[1].span, 34..39);
        assert!(find_zones("the cat will eat; est. 1999; PT session; Plan Z").is_empty());
        assert!(find_zones("CATS and UTCs").is_empty());
        assert!(find_zones("Timeline (IST)")[0].lookup.is_ambiguous());
    }
}
