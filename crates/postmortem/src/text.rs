//! Text at the bottom of the core: words, the multi-pattern matchers, HTML as text. It knows
//! nothing of postmortems.
//!
//! The fast paths live here once, each with a test that holds it equal to its plain
//! definition, so that no rule carries a twin of its own.

mod html;
mod matchers;
mod patterns;
mod words;

pub(crate) use html::{
    Attribute, Token, Tokenizer, comment_end, comment_ranges, decode_entities, html_list_items,
    is_character_reference, is_html_whitespace, strip_tags, without_comments,
};
pub(crate) use matchers::{CharSet, Lexicon, match_starts};
pub(crate) use patterns::Patterns;
pub(crate) use words::{
    count_words, excerpt, more_words_than, push_lowercase_words, sentence_around, trimmed_words,
    whitespace_word_count, without_enclosed,
};
