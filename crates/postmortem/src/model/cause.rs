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

/// A sentence of a root cause or resolution section, without its leading label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CauseSentence {
    /// Its whitespace-separated words.
    pub words: usize,
    pub part: CausePart,
    /// It says what caused what ("was caused by", "because", a "Root cause:" label).
    pub causal: bool,
    /// It uses a word only a fix is described with ("fixed", "rolled back").
    pub names_fix: bool,
    /// It describes an action ("the limit was raised", "by restarting"), which is a fix unless
    /// the sentence is about the cause. Left unset when it is causal or names a fix, where it
    /// does not matter.
    pub describes_action: bool,
}

impl CauseSentence {
    /// Whether the sentence tells what was done to fix the issue, wherever it stands.
    pub fn tells_a_fix(&self) -> bool {
        self.names_fix || (!self.causal && self.describes_action)
    }
}
