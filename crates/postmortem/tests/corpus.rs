//! Every finding over the real postmortems in ../shared/corpus, as codes and positions only
//! (the documents' text never enters this repository). A change in the validator's judgement
//! shows up here as a snapshot diff to review. Skipped, with one line saying so, when
//! ../shared is not there.

use postmortem::{Config, LineIndex};
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[test]
fn findings_over_the_corpus() {
    let Some(paths) = postmortem_testdata::shared_files("corpus/docs", "corpus snapshot") else {
        return;
    };
    assert_eq!(paths.len(), 69, "the corpus has 69 documents");

    let mut per_rule: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut findings = String::new();
    for path in &paths {
        let source = std::fs::read_to_string(path).unwrap();
        let index = LineIndex::new(&source);
        let name = path.file_name().unwrap().to_string_lossy();
        for diagnostic in postmortem::check(&source, &Config::default()) {
            let at = index.line_column(&source, diagnostic.span.start);
            *per_rule
                .entry((diagnostic.code(), diagnostic.name()))
                .or_default() += 1;
            let _ = writeln!(
                findings,
                "{name}:{}:{} {} {}",
                at.line,
                at.column,
                diagnostic.code(),
                diagnostic.name()
            );
        }
    }
    let mut report = String::from("findings per rule:\n");
    for ((code, name), count) in &per_rule {
        let _ = writeln!(report, "  {code} {name:<28} {count:>4}");
    }
    let _ = writeln!(report, "  total {:>37}\n", per_rule.values().sum::<usize>());
    report.push_str(&findings);
    insta::assert_snapshot!(report);
}
