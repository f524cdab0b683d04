//! Both HTML renderings of any text parse, in an HTML5 parser, as the tree they were written
//! as, holding only allowed elements, attributes and URLs.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| postmortem_fuzz::html(data));
