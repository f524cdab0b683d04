//! Which files a check reads: the files, directories and quoted globs on the command line, or
//! with none the configuration's `files`; directories and globs are walked as ripgrep walks
//! them and filtered by `--include` and `--exclude`. Each file comes once, in a stable order:
//! the arguments' order, and path order within a directory or a glob.

mod filter;
mod glob;
mod walk;

pub(crate) use filter::Filter;

use crate::Failure;
use glob::GlobArgument;
use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use walk::{WalkOptions, walk};

/// One thing to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file, with the path to show for it: as given, or as walked from the path given.
    File { path: PathBuf, shown: String },
}

/// The configuration's `files`: which files are postmortems, as globs relative to the
/// configuration's directory.
#[derive(Debug)]
pub(crate) struct Postmortems {
    /// The configuration's directory, absolute.
    directory: PathBuf,
    /// The same directory written from the current directory (empty, or `../`), so that the
    /// files found with no path given are shown from here.
    shown: PathBuf,
    globs: Vec<String>,
    filter: Filter,
}

impl Postmortems {
    /// The configuration's `files`, or `None` when it has none; an error names a bad glob.
    pub(crate) fn new(
        directory: PathBuf,
        shown: PathBuf,
        globs: &[String],
    ) -> Result<Option<Postmortems>, String> {
        if globs.is_empty() {
            return Ok(None);
        }
        Ok(Some(Postmortems {
            filter: Filter::new(globs)?,
            directory,
            shown,
            globs: globs.to_vec(),
        }))
    }

    /// Whether the file at `path` (from the current directory) is one of them.
    pub(crate) fn matches(&self, current_dir: &Path, path: &Path) -> bool {
        absolute(current_dir, path)
            .strip_prefix(&self.directory)
            .is_ok_and(|relative| self.filter.matches(relative))
    }

    /// Where to walk to find them all: each glob's leading literal directories (the whole
    /// configuration directory for a glob that matches a name at any depth), written from the
    /// current directory, without one inside another.
    fn roots(&self) -> Vec<PathBuf> {
        let mut roots: Vec<PathBuf> = self
            .globs
            .iter()
            .map(|glob| {
                let pattern = glob.trim_start_matches("./").trim_start_matches('/');
                if pattern.trim_end_matches('/').contains('/') {
                    GlobArgument::new(pattern)
                        .map(|glob| glob.base)
                        .unwrap_or_default()
                } else {
                    PathBuf::new()
                }
            })
            .map(|base| self.shown.join(base))
            .collect();
        roots.sort();
        let mut kept: Vec<PathBuf> = Vec::new();
        for root in roots {
            if !kept.iter().any(|outer| root.starts_with(outer)) {
                kept.push(root);
            }
        }
        kept
    }
}

/// What to check and how to choose files.
pub(crate) struct Request<'a> {
    /// The paths given on the command line.
    pub(crate) paths: &'a [PathBuf],
    pub(crate) current_dir: &'a Path,
    /// `--include`: when not empty, only walked files matching one of these are checked.
    pub(crate) include: Filter,
    /// `--exclude`: walked files and directories matching one of these are left out.
    pub(crate) exclude: Filter,
    /// Whether ignore files count (`--no-ignore` turns them off).
    pub(crate) ignore_files: bool,
    pub(crate) postmortems: Option<&'a Postmortems>,
}

/// The inputs the request names, each once.
pub(crate) fn resolve(request: &Request<'_>) -> Result<Vec<Input>, Failure> {
    let options = WalkOptions {
        ignore_files: request.ignore_files,
        exclude: Arc::new(request.exclude.clone()),
        current_dir: Arc::new(request.current_dir.to_path_buf()),
    };
    let mut inputs = Inputs {
        request,
        seen: HashSet::new(),
        list: Vec::new(),
    };
    if request.paths.is_empty() {
        let Some(postmortems) = request.postmortems else {
            return Err(Failure(
                "nothing to check: name files, directories or quoted globs \
                 (`postmortem check docs/incidents`), `-` for standard input, or list the \
                 postmortems in the configuration's `files` (`\"files\": [\"postmortems/**/*.md\"]`)"
                    .to_owned(),
            ));
        };
        for root in postmortems.roots() {
            let root = if root.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                root
            };
            if root.is_dir() {
                inputs.walk(&root, None, &options, |path| {
                    postmortems.matches(request.current_dir, path) && chosen_by_flags(request, path)
                })?;
            }
        }
        return Ok(inputs.list);
    }
    for path in request.paths {
        if path.as_os_str() == "-" {
            if inputs.list.contains(&Input::Stdin) {
                return Err(Failure(
                    "`-` (standard input) can be given only once".to_owned(),
                ));
            }
            inputs.list.push(Input::Stdin);
            continue;
        }
        let shown = path.display().to_string();
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => {
                inputs.walk(path, None, &options, |file| {
                    let chosen = match request.postmortems {
                        Some(postmortems) => postmortems.matches(request.current_dir, file),
                        None => is_markdown(file),
                    };
                    chosen && chosen_by_flags(request, file)
                })?;
            }
            // A file named is checked whatever the filters and ignore files say.
            Ok(_) => inputs.push(path.clone(), shown),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound && glob::is_glob(&shown) => {
                let glob = GlobArgument::new(&shown).map_err(Failure)?;
                let root = if glob.base.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    glob.base.as_path()
                };
                let found = if root.is_dir() {
                    inputs.walk(root, glob.max_depth, &options, |file| {
                        glob.matches(file) && chosen_by_flags(request, file)
                    })?
                } else {
                    0
                };
                // As a shell that matches nothing passes the glob on as a path, which is then
                // missing: a typo in CI must not pass by checking nothing.
                if found == 0 {
                    return Err(Failure(format!(
                        "no file matches `{shown}`{}",
                        if request.ignore_files {
                            " (hidden and ignored files are left out; --no-ignore checks ignored ones)"
                        } else {
                            " (hidden files are left out)"
                        }
                    )));
                }
            }
            Err(error) => return Err(Failure(format!("cannot read {shown}: {error}"))),
        }
    }
    Ok(inputs.list)
}

/// `--include` and `--exclude`, on a walked file.
fn chosen_by_flags(request: &Request<'_>, path: &Path) -> bool {
    let relative = relative_to(request.current_dir, path);
    (request.include.is_empty() || request.include.matches(&relative))
        && !request.exclude.matches(&relative)
}

/// The list being built, and the files already in it.
struct Inputs<'a> {
    request: &'a Request<'a>,
    seen: HashSet<PathBuf>,
    list: Vec<Input>,
}

impl Inputs<'_> {
    fn push(&mut self, path: PathBuf, shown: String) {
        if self.seen.insert(absolute(self.request.current_dir, &path)) {
            self.list.push(Input::File { path, shown });
        }
    }

    /// Adds the files of a walk, and says how many it found (with those already added).
    fn walk(
        &mut self,
        root: &Path,
        max_depth: Option<usize>,
        options: &WalkOptions,
        keep: impl FnMut(&Path) -> bool,
    ) -> Result<usize, Failure> {
        let files = walk(root, max_depth, options, keep).map_err(Failure)?;
        let found = files.len();
        for path in files {
            let shown = path.display().to_string();
            self.push(path, shown);
        }
        Ok(found)
    }
}

/// Whether a file found in a directory is Markdown (`.md`, `.markdown`): what a directory
/// means when the configuration has no `files`. Plain text and HTML postmortems are checked
/// when named, matched by a glob or listed in `files`.
fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|extension| {
        extension.eq_ignore_ascii_case("md") || extension.eq_ignore_ascii_case("markdown")
    })
}

/// `path` written from `current_dir` when it lies below it, without a leading `./`.
fn relative_to(current_dir: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        absolute(current_dir, path)
            .strip_prefix(current_dir)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
    } else {
        path.strip_prefix(".").unwrap_or(path).to_path_buf()
    }
}

/// `path` made absolute from `current_dir`, with `.` and `..` worked out from the text (so
/// that two ways of writing a file are one file).
pub(crate) fn absolute(current_dir: &Path, path: &Path) -> PathBuf {
    let mut absolute = PathBuf::new();
    for component in current_dir.join(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                absolute.pop();
            }
            other => absolute.push(other),
        }
    }
    absolute
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_made_absolute_from_their_text() {
        let here = Path::new("/work/repo");
        assert_eq!(
            absolute(here, Path::new("./docs/../a.md")),
            Path::new("/work/repo/a.md")
        );
        assert_eq!(
            absolute(here, Path::new("/tmp/a.md")),
            Path::new("/tmp/a.md")
        );
        assert_eq!(
            relative_to(here, Path::new("/work/repo/docs/a.md")),
            Path::new("docs/a.md")
        );
        assert_eq!(
            relative_to(here, Path::new("./docs/a.md")),
            Path::new("docs/a.md")
        );
        assert_eq!(
            relative_to(here, Path::new("/tmp/a.md")),
            Path::new("/tmp/a.md")
        );
    }

    #[test]
    fn markdown_is_md_or_markdown_in_any_case() {
        assert!(is_markdown(Path::new("docs/a.md")));
        assert!(is_markdown(Path::new("docs/A.MD")));
        assert!(is_markdown(Path::new("a.markdown")));
        assert!(!is_markdown(Path::new("a.txt")));
        assert!(!is_markdown(Path::new("md")));
    }

    #[test]
    fn the_configurations_files_are_walked_from_their_literal_directories() {
        let globs = |globs: &[&str]| {
            Postmortems::new(
                PathBuf::from("/repo"),
                PathBuf::from("../"),
                &globs
                    .iter()
                    .map(|&glob| glob.to_owned())
                    .collect::<Vec<_>>(),
            )
            .unwrap()
            .unwrap()
        };
        assert_eq!(
            globs(&[
                "postmortems/**/*.md",
                "postmortems/2024/*.txt",
                "./ops/*.md"
            ])
            .roots(),
            [PathBuf::from("../ops"), PathBuf::from("../postmortems")]
        );
        assert_eq!(
            globs(&["INCIDENT-*.md", "ops/*.md"]).roots(),
            [PathBuf::from("../")]
        );
        let files = globs(&["postmortems/**/*.md"]);
        assert!(files.matches(Path::new("/repo/docs"), Path::new("../postmortems/a.md")));
        assert!(!files.matches(Path::new("/repo/docs"), Path::new("postmortems/a.md")));
        assert!(
            Postmortems::new(PathBuf::new(), PathBuf::new(), &[])
                .unwrap()
                .is_none()
        );
    }
}
