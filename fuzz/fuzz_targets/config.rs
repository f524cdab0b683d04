//! Reading a configuration never panics on any text (it is accepted or refused), and whatever
//! it accepts can validate a document.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| postmortem_fuzz::config(data));
