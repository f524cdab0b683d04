//! The configuration of each document, found as `postmortem check` finds it: the nearest
//! `.postmortem.json` (or `postmortem.json`) in the document's directory or a parent, whose
//! `files` say which Markdown files are postmortems. Read once per configuration file and
//! read again when the client says one changed or a document is saved.

use crate::config_file::{self, Loaded};
use crate::inputs::Postmortems;
use lsp_types::Url;
use postmortem::Config;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a document is checked with.
#[derive(Debug, Default)]
pub(crate) struct Settings {
    pub(crate) config: Config,
    /// The configuration's `files`, when it has them.
    postmortems: Option<Postmortems>,
}

/// What finding a document's configuration gave.
pub(crate) struct Resolved {
    /// `None` when the configuration's `files` leave the document out: it is not checked.
    pub(crate) settings: Option<Arc<Settings>>,
    /// A configuration that could not be read, to tell the user once: the document is then
    /// checked with the defaults.
    pub(crate) error: Option<String>,
}

/// The configurations read so far, by file.
#[derive(Default)]
pub(crate) struct Configurations {
    /// Where documents that are not files (`untitled:`) look for one.
    workspace_root: Option<PathBuf>,
    read: HashMap<PathBuf, Result<Arc<Settings>, String>>,
    defaults: Arc<Settings>,
    /// The errors already shown, so that every keystroke or document does not repeat them.
    reported: HashSet<String>,
}

impl Configurations {
    pub(crate) fn new(workspace_root: Option<PathBuf>) -> Self {
        Self {
            workspace_root,
            ..Self::default()
        }
    }

    /// Forgets every configuration read, so that the next look-up reads the files again.
    pub(crate) fn forget(&mut self) {
        self.read.clear();
        self.reported.clear();
    }

    /// The configuration of the document at `uri`.
    pub(crate) fn resolve(&mut self, uri: &Url) -> Resolved {
        let path = uri.to_file_path().ok();
        let directory = path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| self.workspace_root.clone());
        let Some(found) = directory.as_deref().and_then(config_file::discover) else {
            return Resolved {
                settings: Some(Arc::clone(&self.defaults)),
                error: None,
            };
        };
        let directory = directory.unwrap_or_default();
        let read = self
            .read
            .entry(found.path.clone())
            .or_insert_with(|| read(&directory, &found.path));
        match read {
            Ok(settings) => {
                let is_postmortem = match (&settings.postmortems, &path) {
                    (Some(postmortems), Some(path)) => postmortems.matches(&directory, path),
                    // Without `files` every Markdown file is one; a buffer that is not a file
                    // yet has no path to match.
                    _ => true,
                };
                Resolved {
                    settings: is_postmortem.then(|| Arc::clone(settings)),
                    error: None,
                }
            }
            Err(message) => {
                let first_time = self.reported.insert(message.clone());
                Resolved {
                    settings: Some(Arc::clone(&self.defaults)),
                    error: first_time.then(|| {
                        format!(
                            "postmortem: {message}; checking with the default configuration \
                             until it is fixed"
                        )
                    }),
                }
            }
        }
    }
}

/// Whether `path` names a configuration file, whose change means reading them again.
pub(crate) fn is_configuration(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| config_file::NAMES.contains(&name))
}

fn read(directory: &Path, path: &Path) -> Result<Arc<Settings>, String> {
    let Loaded {
        config,
        postmortems,
    } = config_file::load(directory, path, &path.display().to_string())
        .map_err(|failure| failure.0)?;
    Ok(Arc::new(Settings {
        config,
        postmortems,
    }))
}
