//! Any form edit applied to any text never panics, touches only the source's character
//! boundaries, and leaves a document that parses and reads back as a form.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| postmortem_fuzz::form(data));
