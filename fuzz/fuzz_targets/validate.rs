//! Parsing, every rule (on, in both profiles), fixing, canonical rendering and both HTML
//! renderings never panic on any text, and every diagnostic span lies inside the source on
//! character boundaries.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| postmortem_fuzz::validate(data));
