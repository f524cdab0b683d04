//! Globs that choose among walked files (`--include`, `--exclude`, the configuration's
//! `files`), matched as .gitignore matches them.

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use std::path::Path;

/// A set of globs matched against a path relative to a base directory: a glob without `/`
/// matches a name at any depth (`draft-*.md`), a glob with `/` matches the path from the base
/// (`docs/*.md`, where `*` stays inside one directory), and `**` crosses directories
/// (`docs/**/*.md`).
#[derive(Clone, Debug)]
pub(crate) struct Filter {
    set: GlobSet,
}

impl Filter {
    /// The globs, or the first one that is not a glob, with the reason.
    pub(crate) fn new(globs: &[String]) -> Result<Filter, String> {
        let mut builder = GlobSetBuilder::new();
        for glob in globs {
            let pattern = anchored(glob);
            let compiled = GlobBuilder::new(&pattern)
                .literal_separator(true)
                .build()
                .map_err(|error| format!("invalid glob `{glob}`: {}", error.kind()))?;
            builder.add(compiled);
        }
        let set = builder
            .build()
            .map_err(|error| format!("invalid globs: {error}"))?;
        Ok(Filter { set })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// Whether one of the globs matches `relative` (a path from the base, without `./`).
    pub(crate) fn matches(&self, relative: &Path) -> bool {
        self.set.is_match(relative)
    }
}

/// The glob as it matches whole relative paths: `./` and a leading `/` anchor it at the base,
/// a trailing `/` is dropped, and a glob without `/` may start at any depth.
fn anchored(glob: &str) -> String {
    let glob = glob.trim_end_matches('/');
    let glob = glob.strip_prefix("./").unwrap_or(glob);
    if let Some(rooted) = glob.strip_prefix('/') {
        rooted.to_owned()
    } else if glob.contains('/') {
        glob.to_owned()
    } else {
        format!("**/{glob}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(globs: &[&str]) -> Filter {
        Filter::new(
            &globs
                .iter()
                .map(|&glob| glob.to_owned())
                .collect::<Vec<_>>(),
        )
        .unwrap()
    }

    #[test]
    fn a_glob_without_a_slash_matches_a_name_at_any_depth() {
        let drafts = filter(&["draft-*.md"]);
        assert!(drafts.matches(Path::new("draft-1.md")));
        assert!(drafts.matches(Path::new("docs/2024/draft-1.md")));
        assert!(!drafts.matches(Path::new("docs/final.md")));
        let directory = filter(&["archive/"]);
        assert!(directory.matches(Path::new("docs/archive")));
    }

    #[test]
    fn a_glob_with_a_slash_matches_from_the_base_and_star_stays_in_a_directory() {
        let top = filter(&["docs/*.md"]);
        assert!(top.matches(Path::new("docs/a.md")));
        assert!(!top.matches(Path::new("docs/2024/a.md")));
        assert!(!top.matches(Path::new("other/docs/a.md")));
        let deep = filter(&["./docs/**/*.md"]);
        assert!(deep.matches(Path::new("docs/a.md")));
        assert!(deep.matches(Path::new("docs/2024/q1/a.md")));
        let rooted = filter(&["/a.md"]);
        assert!(rooted.matches(Path::new("a.md")));
        assert!(!rooted.matches(Path::new("docs/a.md")));
    }

    #[test]
    fn a_bad_glob_is_named_with_the_reason() {
        let error = Filter::new(&["docs/[a.md".to_owned()]).unwrap_err();
        assert_eq!(
            error,
            "invalid glob `docs/[a.md`: unclosed character class; missing ']'"
        );
        assert!(filter(&[]).is_empty());
    }
}
