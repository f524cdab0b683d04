//! A quoted glob on the command line (`'docs/**/*.md'`), expanded by the checker itself:
//! Windows shells do not expand globs, and a quoted one reaches it as written everywhere.

use globset::{GlobBuilder, GlobMatcher};
use std::path::{Path, PathBuf};

/// The characters that make an argument that names no file a glob.
const GLOB_CHARACTERS: &[char] = &['*', '?', '[', '{'];

/// Whether an argument is written as a glob.
pub(crate) fn is_glob(argument: &str) -> bool {
    argument.contains(GLOB_CHARACTERS)
}

/// A glob argument, matched as a shell matches it: relative to the current directory, `*`
/// inside one directory, `**` across directories.
#[derive(Debug)]
pub(crate) struct GlobArgument {
    /// The directory to walk: the glob's leading components that hold no glob character.
    pub(crate) base: PathBuf,
    /// How many levels below `base` a match can be, unless the glob has `**`.
    pub(crate) max_depth: Option<usize>,
    matcher: GlobMatcher,
}

impl GlobArgument {
    /// The glob, or why it is not one.
    pub(crate) fn new(argument: &str) -> Result<GlobArgument, String> {
        // Windows paths may use `\`, which a glob would read as an escape.
        let written = if cfg!(windows) {
            argument.replace('\\', "/")
        } else {
            argument.to_owned()
        };
        let pattern = without_current_dir(&written);
        let matcher = GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()
            .map_err(|error| format!("invalid glob `{argument}`: {}", error.kind()))?
            .compile_matcher();
        let components: Vec<&str> = pattern.split('/').collect();
        let literal = components
            .iter()
            .take_while(|component| !is_glob(component))
            .count()
            .min(components.len() - 1);
        let base = if pattern.starts_with('/') {
            PathBuf::from("/").join(components[1..literal.max(1)].join("/"))
        } else {
            PathBuf::from(components[..literal].join("/"))
        };
        let rest = &components[literal..];
        let max_depth =
            (!rest.iter().any(|component| component.contains("**"))).then_some(rest.len());
        Ok(GlobArgument {
            base,
            max_depth,
            matcher,
        })
    }

    /// Whether a path found under `base` (written from the current directory) matches.
    pub(crate) fn matches(&self, path: &Path) -> bool {
        self.matcher
            .is_match(path.strip_prefix(".").unwrap_or(path))
    }
}

fn without_current_dir(mut pattern: &str) -> &str {
    while let Some(rest) = pattern.strip_prefix("./") {
        pattern = rest;
    }
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glob(argument: &str) -> GlobArgument {
        GlobArgument::new(argument).unwrap()
    }

    #[test]
    fn tells_a_glob_from_a_path() {
        assert!(is_glob("docs/*.md"));
        assert!(is_glob("incident-?.md"));
        assert!(is_glob("docs/{a,b}.md"));
        assert!(!is_glob("docs/incident.md"));
    }

    #[test]
    fn walks_from_the_leading_literal_directories() {
        assert_eq!(glob("docs/**/*.md").base, Path::new("docs"));
        assert_eq!(glob("./docs/2024/*.md").base, Path::new("docs/2024"));
        assert_eq!(glob("*.md").base, Path::new(""));
        assert_eq!(glob("docs/*/index.md").base, Path::new("docs"));
        assert_eq!(glob("/srv/pm/*.md").base, Path::new("/srv/pm"));
        assert_eq!(glob("/*.md").base, Path::new("/"));
    }

    #[test]
    fn reaches_only_as_deep_as_the_glob_unless_it_has_a_double_star() {
        assert_eq!(glob("docs/*.md").max_depth, Some(1));
        assert_eq!(glob("docs/*/index.md").max_depth, Some(2));
        assert_eq!(glob("docs/**/*.md").max_depth, None);
    }

    #[test]
    fn matches_as_a_shell_does() {
        let top = glob("docs/*.md");
        assert!(top.matches(Path::new("docs/a.md")));
        assert!(!top.matches(Path::new("docs/2024/a.md")));
        let deep = glob("./docs/**/*.md");
        assert!(deep.matches(Path::new("docs/a.md")));
        assert!(deep.matches(Path::new("docs/2024/a.md")));
        assert!(glob("*.md").matches(Path::new("./a.md")));
        assert!(!glob("*.md").matches(Path::new("./a.txt")));
    }

    #[test]
    fn a_bad_glob_says_why() {
        assert_eq!(
            GlobArgument::new("docs/{a,b.md").unwrap_err(),
            "invalid glob `docs/{a,b.md`: unclosed alternate group; missing '}' (maybe escape '{' with '[{]'?)"
        );
    }
}
