//! The root cause and resolution, read sentence by sentence.

/// Which part of the root cause and resolution a sentence is in, by the labels above it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CausePart {
    /// Under "Root Cause", "Cause:" or "Why".
    Cause,
    /// Under "Resolution", "Fix:" or "Recovery".
    Fix,
    /// Under a heading that covers both, or none.
    Either,
}

/// How a sentence speaks of the cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Causality {
    /// It does not say what caused what.
    None,
    /// It names the cause without telling how it acted: "the root cause was a server fault",
    /// a "Root cause:" label.
    Names,
    /// It tells how the cause led to the outage: "overwhelmed the API", "because", ", so the
    /// pool ran dry".
    Explains,
}

/// A sentence of a root cause or resolution section, without its leading label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CauseSentence {
    /// Its whitespace-separated words.
    pub words: usize,
    pub part: CausePart,
    /// Whether, and how, it says what caused what.
    pub causality: Causality,
    /// It uses a word only a fix is described with ("fixed", "rolled back").
    pub names_fix: bool,
    /// It describes an action ("the limit was raised", "by restarting"), which is a fix unless
    /// the sentence is about the cause. Left unset when it is causal or names a fix, where it
    /// does not matter.
    pub describes_action: bool,
}

impl CauseSentence {
    /// Whether the sentence says what caused what, by naming the cause or by telling how it
    /// acted.
    pub fn causal(&self) -> bool {
        self.causality != Causality::None
    }

    /// Whether the sentence tells what was done to fix the issue, wherever it stands.
    pub fn tells_a_fix(&self) -> bool {
        self.names_fix || (!self.causal() && self.describes_action)
    }
}
