//! Checks over the seeds in ../shared/seeds that the core's unit tests make on the project's
//! own documents: converting every time to UTC, and the complete seed meeting every
//! requirement. Skipped, with one line saying so, when ../shared is not there.

use postmortem::Config;
use postmortem::convert::to_zone;
use postmortem::fix::apply_edits;

fn seeds() -> Option<Vec<(String, String)>> {
    let paths = postmortem_testdata::shared_files("seeds", "seed checks")?;
    Some(
        paths
            .into_iter()
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&path).unwrap())
            })
            .collect(),
    )
}

fn convert(source: &str) -> (String, usize) {
    let conversion = to_zone(source, &postmortem::parse(source), "UTC").unwrap();
    (
        apply_edits(source, &conversion.fix.edits),
        conversion.converted,
    )
}

#[test]
fn converts_every_seed_without_breaking_it() {
    let Some(seeds) = seeds() else { return };
    for (name, source) in seeds {
        let (converted, _) = convert(&source);
        assert_eq!(
            postmortem::parse(&converted).sections.len(),
            postmortem::parse(&source).sections.len(),
            "{name}"
        );
        // Converting again changes nothing: every converted time is now in UTC.
        assert_eq!(convert(&converted).0, converted, "{name}");
    }
}

#[test]
fn the_complete_seed_meets_every_requirement() {
    let Some(seeds) = seeds() else { return };
    let (_, source) = seeds
        .iter()
        .find(|(name, _)| name.starts_with("004_"))
        .expect("seed 004");
    let unmet: Vec<&str> = postmortem::validate(source, &Config::default())
        .checklist
        .iter()
        .filter(|requirement| !requirement.met)
        .map(|requirement| requirement.id)
        .collect();
    assert!(
        unmet.is_empty(),
        "seed 004 meets every requirement, but {unmet:?}"
    );
}
