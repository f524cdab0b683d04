//! `cargo xtask bench-files`: the checker over a repository's worth of real postmortems (the
//! corpus and the seeds from ../shared, thirty copies of each), side by side in one run with
//! rumdl and markdownlint-cli2 on the same files: wall time and CPU time, best of three. It is
//! a measurement, not a test, and needs ../shared (or `POSTMORTEM_SHARED`).

mod linters;
mod measure;

use crate::shell::{Step, root};
use measure::{Output, Timing};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many copies of every document, and how many runs of each command.
const COPIES: usize = 30;
const ROUNDS: usize = 3;

pub(crate) fn run() -> Result<(), String> {
    let suite = "bench-files";
    let (Some(corpus), Some(seeds)) = (
        postmortem_testdata::shared_folder("corpus/docs", suite),
        postmortem_testdata::shared_folder("seeds", suite),
    ) else {
        // The helper has said where it looked.
        return Err(
            "bench-files measures the real postmortems of the shared folder, which is not there"
                .to_owned(),
        );
    };
    Step::new("build the checker (cli profile)", "cargo")
        .args(["build", "--profile", "cli", "-p", "postmortem_cli"])
        .run()?;
    let postmortem = target_dir()
        .join("cli")
        .join(format!("postmortem{}", std::env::consts::EXE_SUFFIX));
    let rumdl = linters::rumdl()?;
    let markdownlint = linters::markdownlint_cli2()?;

    let scratch = Scratch::new()?;
    let files = copy_documents(&[corpus, seeds], &scratch.0.join("docs"))?;
    let commands: [(&str, &Path, &[&str]); 4] = [
        (
            "postmortem check --format json docs",
            &postmortem,
            &["check", "--no-config", "--format", "json", "docs"],
        ),
        (
            "rumdl check --no-cache docs",
            &rumdl,
            &["check", "--no-cache", "docs"],
        ),
        (
            "rumdl check docs (its cache warm)",
            &rumdl,
            &["check", "docs"],
        ),
        (
            "markdownlint-cli2 'docs/**/*.md'",
            &markdownlint,
            &["docs/**/*.md"],
        ),
    ];
    println!(
        "\n{files} postmortems ({COPIES} copies of the corpus and the seeds) in {}, {} cores{}; \
         best of {ROUNDS} (rounds interleaved):",
        scratch.0.display(),
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
        load_average().map_or_else(String::new, |load| format!(", load average {load}")),
    );
    // A first run of each warms the page cache and rumdl's cache, and says what it checked;
    // the timed runs write their findings to /dev/null.
    let mut said = Vec::new();
    for (name, program, args) in &commands {
        let first = measure::run(&scratch.0, program, args, &[0, 1], Output::Kept)?;
        said.push(what_it_checked(name, &first.stdout, &first.stderr, files)?);
    }
    let mut best: Vec<Option<Timing>> = vec![None; commands.len()];
    for _ in 0..ROUNDS {
        for ((_, program, args), best) in commands.iter().zip(&mut best) {
            let timing =
                measure::run(&scratch.0, program, args, &[0, 1], Output::Discarded)?.timing;
            *best = Some(best.map_or(timing, |best| Timing {
                wall: best.wall.min(timing.wall),
                cpu: best.cpu.zip(timing.cpu).map(|(a, b)| a.min(b)),
            }));
        }
    }
    let best: Vec<Timing> = best.into_iter().flatten().collect();
    println!(
        "\n  {:<40} {:>9} {:>16}",
        "command", "wall", "CPU (user+sys)"
    );
    for (((name, _, _), timing), checked) in commands.iter().zip(&best).zip(&said) {
        println!(
            "  {name:<40} {:>9} {:>16}   {checked}",
            seconds(timing.wall),
            timing.cpu.map_or_else(|| "n/a".to_owned(), seconds),
        );
    }
    let ours = best[0].wall.as_secs_f64();
    println!("\n  postmortem's wall time against each:");
    for ((name, _, _), timing) in commands.iter().zip(&best).skip(1) {
        let ratio = timing.wall.as_secs_f64() / ours;
        println!(
            "    {name}: {}",
            if ratio >= 1.0 {
                format!("{ratio:.1}x ahead")
            } else {
                format!("{:.1}x behind", 1.0 / ratio)
            }
        );
    }
    Ok(())
}

/// The workspace's target folder, where cargo built the checker.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .filter(|value| !value.is_empty())
        .map_or_else(|| root().join("target"), PathBuf::from)
}

/// A folder under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Scratch, String> {
        let path =
            std::env::temp_dir().join(format!("postmortem-bench-files-{}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        Ok(Scratch(path))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Copies every file of `folders` into `COPIES` folders under `into`, each named `.md` (the
/// seeds are `.txt`, and every tool here takes Markdown files), and says how many it wrote.
fn copy_documents(folders: &[PathBuf], into: &Path) -> Result<usize, String> {
    let mut written = 0;
    for copy in 1..=COPIES {
        let folder = into.join(format!("copy-{copy:02}"));
        std::fs::create_dir_all(&folder)
            .map_err(|error| format!("{}: {error}", folder.display()))?;
        for source_folder in folders {
            let entries = std::fs::read_dir(source_folder)
                .map_err(|error| format!("{}: {error}", source_folder.display()))?;
            for entry in entries.flatten() {
                let path = entry.path();
                let Some(stem) = path.file_stem().filter(|_| path.is_file()) else {
                    continue;
                };
                let target = folder.join(stem).with_extension("md");
                std::fs::copy(&path, &target)
                    .map_err(|error| format!("{}: {error}", target.display()))?;
                written += 1;
            }
        }
    }
    Ok(written)
}

/// What a tool says it checked, and for the checker a check that it read every file, since a
/// walk that missed some would win unfairly.
fn what_it_checked(name: &str, stdout: &str, stderr: &str, files: usize) -> Result<String, String> {
    if name.starts_with("postmortem") {
        let report: serde_json::Value =
            serde_json::from_str(stdout).map_err(|error| format!("{name}: {error}"))?;
        let checked = report["files"].as_array().map_or(0, Vec::len);
        if checked != files {
            return Err(format!("{name} checked {checked} of {files} files"));
        }
        return Ok(format!("{checked} files"));
    }
    // rumdl: "Found N issues in M/T files"; markdownlint-cli2: "Linting: N file(s)".
    Ok(stdout
        .lines()
        .chain(stderr.lines())
        .find(|line| line.contains(" files (") || line.starts_with("Linting:"))
        .map_or_else(
            || "(says no count)".to_owned(),
            // Without rumdl's timing of that first run, which would read as this one's.
            |line| line.split(" (").next().unwrap_or(line).trim().to_owned(),
        ))
}

fn seconds(duration: Duration) -> String {
    format!("{:.2} s", duration.as_secs_f64())
}

/// The one-minute load average, where the system tells it: the machine may be shared.
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_owned)
}
