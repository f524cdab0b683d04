//! The profiles a document is held to: which sections it has, what they are called, and how
//! long it runs.

use crate::model::SectionKind;
use serde::Deserialize;

/// Which requirements a document is held to.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The course assignment's requirements (SPEC section 1).
    #[default]
    Standard,
    /// The Google SRE book's postmortem template.
    Sre,
}

impl Profile {
    pub const ALL: [Profile; 2] = [Profile::Standard, Profile::Sre];

    pub const fn name(self) -> &'static str {
        match self {
            Profile::Standard => "standard",
            Profile::Sre => "sre",
        }
    }

    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL
            .into_iter()
            .find(|profile| profile.name() == name)
    }

    /// The sections a document must have, in their expected order.
    pub const fn required_sections(self) -> &'static [SectionKind] {
        match self {
            Profile::Standard => &[
                SectionKind::Summary,
                SectionKind::Timeline,
                SectionKind::RootCause,
                SectionKind::Measures,
            ],
            Profile::Sre => &[
                SectionKind::Summary,
                SectionKind::Impact,
                SectionKind::RootCause,
                SectionKind::Trigger,
                SectionKind::Resolution,
                SectionKind::Detection,
                SectionKind::Measures,
                SectionKind::Lessons,
                SectionKind::Timeline,
            ],
        }
    }

    /// The heading this profile's canonical layout gives a section.
    pub const fn heading(self, kind: SectionKind) -> &'static str {
        match (self, kind) {
            (Profile::Sre, SectionKind::Summary) => "Summary",
            (Profile::Sre, SectionKind::RootCause) => "Root Causes",
            (Profile::Sre, SectionKind::Measures) => "Action Items",
            _ => kind.canonical_heading(),
        }
    }

    /// The range of prose words a document of this profile should have.
    pub const fn word_range(self) -> WordRange {
        match self {
            Profile::Standard => WordRange { min: 400, max: 600 },
            Profile::Sre => WordRange {
                min: 300,
                max: 2500,
            },
        }
    }
}

/// The inclusive range of prose words a document should have.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordRange {
    /// The fewest prose words (no more than `max`).
    pub min: u32,
    /// The most prose words.
    pub max: u32,
}
