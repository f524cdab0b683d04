//! Validation speed: each seed and a 50,000-word document, next to a bare pulldown-cmark parse
//! of the same text (the floor any Markdown tool pays). Run with `cargo bench -p postmortem_core`.
//! Without ../shared it measures the project's own documents instead, and says so.

use postmortem::Config;
use postmortem::rule::Context;
use pulldown_cmark::{Options, Parser};
use std::hint::black_box;

fn main() {
    print_ratios();
    print_costs();
    divan::main();
}

/// The seeds, named by number (`000`), or the project's own documents, named by file stem,
/// when ../shared is not there.
fn seeds() -> Vec<(String, String)> {
    let (paths, name_length) = match postmortem_testdata::shared_files(
        "seeds",
        "seed benchmarks (measuring the own documents)",
    ) {
        Some(paths) => (paths, Some(3)),
        None => (postmortem_testdata::own_documents(), None),
    };
    paths
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy();
            let name = name_length
                .map_or(&*stem, |length| &stem[..length])
                .to_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

fn seed_names() -> Vec<String> {
    seeds().into_iter().map(|(name, _)| name).collect()
}

/// A long postmortem: seed 004's sections (or the headed own document's) repeated until the
/// document has 50,000 words.
fn large_document() -> String {
    let seed = seeds()
        .into_iter()
        .find(|(name, _)| name == "004" || name == "headed")
        .map(|(_, text)| text)
        .unwrap();
    let mut document = seed.clone();
    let body = &seed[seed.find("## Issue Summary").unwrap_or(0)..];
    while document.split_whitespace().count() < 50_000 {
        document.push_str("\n\n");
        document.push_str(body);
    }
    document
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
}

fn bare_parse(text: &str) -> usize {
    Parser::new_ext(text, options()).into_offset_iter().count()
}

fn validate(text: &str) -> usize {
    postmortem::validate(text, &Config::default())
        .diagnostics
        .len()
}

#[divan::bench(args = seed_names())]
fn validate_seed(bencher: divan::Bencher, seed: &str) {
    let text = seeds()
        .into_iter()
        .find(|(name, _)| name == seed)
        .unwrap()
        .1;
    bencher.bench(|| validate(black_box(&text)));
}

#[divan::bench(args = seed_names())]
fn pulldown_cmark_seed(bencher: divan::Bencher, seed: &str) {
    let text = seeds()
        .into_iter()
        .find(|(name, _)| name == seed)
        .unwrap()
        .1;
    bencher.bench(|| bare_parse(black_box(&text)));
}

#[divan::bench(sample_count = 20)]
fn validate_50k_words(bencher: divan::Bencher) {
    let text = large_document();
    bencher.bench(|| validate(black_box(&text)));
}

#[divan::bench(sample_count = 20)]
fn pulldown_cmark_50k_words(bencher: divan::Bencher) {
    let text = large_document();
    bencher.bench(|| bare_parse(black_box(&text)));
}

/// The figures the targets speak of: microseconds per document and the ratio to one bare parse.
#[allow(clippy::print_stdout)] // A benchmark prints its figures.
fn print_ratios() {
    let mut documents = seeds();
    documents.push(("50k".to_owned(), large_document()));
    println!("document  words  validate µs  parse µs  ratio");
    for (name, text) in &documents {
        let validate_micros = median_micros(|| validate(text));
        let parse_micros = median_micros(|| bare_parse(text));
        println!(
            "{name:<8} {words:>6} {validate_micros:>12.1} {parse_micros:>9.1} {ratio:>6.2}",
            words = postmortem::model::document_words(&postmortem::parse(text)),
            ratio = validate_micros / parse_micros,
        );
    }
}

/// Where a seed's validation time goes: building the model, then each rule (on a freshly parsed
/// document each time, so that a rule filling one of the model's lazy caches pays for it).
#[allow(clippy::print_stdout)] // A benchmark prints its figures.
fn print_costs() {
    let documents = seeds();
    let config = Config::default();
    let seed_count = f64::from(u32::try_from(documents.len()).unwrap());
    let per_seed = |total: f64| total / seed_count;
    let parse_micros = per_seed(
        documents
            .iter()
            .map(|(_, text)| median_micros(|| postmortem::parse(text).len as usize))
            .sum(),
    );
    let mut costs: Vec<(f64, &str)> = postmortem::rules::ALL
        .iter()
        .map(|rule| {
            let total: f64 = documents
                .iter()
                .map(|(_, source)| {
                    median_micros_with(
                        || postmortem::parse(source),
                        |document| {
                            let context = Context {
                                source,
                                document: &document,
                                profile: config.profile,
                                word_range: config.word_range(),
                            };
                            let mut diagnostics = Vec::new();
                            rule.check(&context, &mut diagnostics);
                            diagnostics.len()
                        },
                    )
                })
                .sum();
            (per_seed(total), rule.meta().name)
        })
        .collect();
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let rules_micros: f64 = costs.iter().map(|(micros, _)| micros).sum();
    println!("\nmean µs per seed: model {parse_micros:.1}, all rules {rules_micros:.1}");
    for (micros, name) in costs.iter().take(12) {
        println!("  {micros:>6.1}  {name}");
    }
}

/// The median time of `work` over fresh inputs from `prepare`, which is not timed.
fn median_micros_with<T>(mut prepare: impl FnMut() -> T, mut work: impl FnMut(T) -> usize) -> f64 {
    let runs = 31;
    let mut samples: Vec<f64> = (0..runs)
        .map(|_| {
            let input = prepare();
            let started = std::time::Instant::now();
            black_box(work(input));
            started.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[runs / 2]
}

/// The median time of `work`.
fn median_micros(mut work: impl FnMut() -> usize) -> f64 {
    median_micros_with(|| (), |()| work())
}
