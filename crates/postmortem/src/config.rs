//! The configuration shared by the web app, the JavaScript package and the CLI (JSON).

use crate::diagnostic::Severity;
pub use crate::model::{Profile, WordRange};
use crate::rules;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

mod objects;
#[cfg(feature = "schema")]
mod schema;
#[cfg(feature = "schema")]
pub use schema::json_schema;

/// A rule's configured level: off, or a severity that replaces its default.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule does not run.
    Off,
    /// Wrong: the check fails (exit code 1).
    Error,
    /// Likely wrong: reported, and the check still passes.
    Warning,
    /// A matter of style: reported, and the check still passes.
    Info,
}

impl RuleLevel {
    pub const fn severity(self) -> Option<Severity> {
        match self {
            RuleLevel::Off => None,
            RuleLevel::Error => Some(Severity::Error),
            RuleLevel::Warning => Some(Severity::Warning),
            RuleLevel::Info => Some(Severity::Info),
        }
    }
}

/// What to check and how strictly: the profile, rule levels, the word range, and which files
/// are postmortems.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Config {
    #[serde(default)]
    pub profile: Profile,
    /// Rule code (`PM307`) or name (`missing-misleading-path`) → level.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(schema_with = "schema::rules"))]
    pub rules: BTreeMap<String, RuleLevel>,
    /// Overrides the profile's word range.
    #[serde(default, deserialize_with = "objects::optional_object")]
    pub words: Option<WordRange>,
    /// Which files of a repository are postmortems, as globs relative to the configuration
    /// file's directory (`postmortems/**/*.md`), since not every Markdown file is one. The CLI
    /// checks only these files of a directory it walks, and all of them when it is given no
    /// path; the web app and the package ignore it.
    // The core does no I/O and has no glob matcher: the CLI checks the globs when it reads them.
    #[serde(default)]
    pub files: Vec<String>,
    /// Where editors find the configuration's JSON Schema (`./postmortem.schema.json`):
    /// accepted so that a configuration can name it, and otherwise ignored.
    #[serde(default, rename = "$schema")]
    pub schema: Option<String>,
}

/// Why a configuration was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "invalid configuration: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    pub fn with_profile(profile: Profile) -> Self {
        Self {
            profile,
            ..Self::default()
        }
    }

    /// Reads a configuration from JSON and checks that every rule it names exists.
    pub fn from_json(json: &str) -> Result<Config, ConfigError> {
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let config: Config = objects::object(&mut deserializer, "a configuration object")
            .and_then(|config| deserializer.end().map(|()| config))
            .map_err(|error| ConfigError(error.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if let Some(unknown) = self.rules.keys().find(|key| rules::find(key).is_none()) {
            return Err(ConfigError(format!(
                "unknown rule `{unknown}` (see `postmortem rules` for codes and names)"
            )));
        }
        if let Some(range) = self.words
            && range.min > range.max
        {
            return Err(ConfigError(format!(
                "words.min ({}) is greater than words.max ({})",
                range.min, range.max
            )));
        }
        Ok(())
    }

    /// The configured level of the rule with this code and name, if the configuration sets one.
    pub fn level(&self, code: &str, name: &str) -> Option<RuleLevel> {
        self.rules
            .get(code)
            .or_else(|| self.rules.get(name))
            .copied()
    }

    /// This configuration with `rule` turned on at its default severity, unless it already
    /// sets a level for it: how tests and docs exercise rules that ship off.
    #[must_use]
    pub fn enabling(mut self, rule: &crate::RuleMeta) -> Self {
        if self.level(rule.code, rule.name).is_none() {
            let level = match rule.default_severity {
                crate::Severity::Error => RuleLevel::Error,
                crate::Severity::Warning => RuleLevel::Warning,
                crate::Severity::Info => RuleLevel::Info,
            };
            self.rules.insert(rule.code.to_owned(), level);
        }
        self
    }

    /// The word range in force: the configured one, else the profile's.
    pub fn word_range(&self) -> WordRange {
        self.words.unwrap_or(self.profile.word_range())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_profile_rules_and_words() {
        let config = Config::from_json(
            r#"{"profile":"sre","rules":{"PM102":"warning","missing-section":"off"},"words":{"min":10,"max":20}}"#,
        )
        .unwrap();
        assert_eq!(config.profile, Profile::Sre);
        assert_eq!(
            config.level("PM102", "missing-section"),
            Some(RuleLevel::Warning)
        );
        assert_eq!(config.word_range(), WordRange { min: 10, max: 20 });
    }

    #[test]
    fn reads_the_files_globs_and_accepts_a_schema_reference() {
        let config = Config::from_json(
            r#"{"$schema":"./postmortem.schema.json","files":["postmortems/**/*.md","incidents/*.txt"]}"#,
        )
        .unwrap();
        assert_eq!(config.files, ["postmortems/**/*.md", "incidents/*.txt"]);
        assert_eq!(config.schema.as_deref(), Some("./postmortem.schema.json"));
        // Neither changes what is checked.
        assert_eq!(
            Config {
                files: Vec::new(),
                schema: None,
                ..config
            },
            Config::default()
        );
        let not_a_list = Config::from_json(r#"{"files":"postmortems/*.md"}"#).unwrap_err();
        assert!(
            not_a_list.to_string().contains("expected a sequence"),
            "{not_a_list}"
        );
        let not_a_string = Config::from_json(r#"{"$schema":1}"#).unwrap_err();
        assert!(
            not_a_string.to_string().contains("expected a string"),
            "{not_a_string}"
        );
    }

    #[test]
    fn refuses_unknown_rules_fields_and_values_with_a_clear_message() {
        let unknown_rule = Config::from_json(r#"{"rules":{"PM999":"off"}}"#).unwrap_err();
        assert!(unknown_rule.to_string().contains("unknown rule `PM999`"));
        let unknown_field = Config::from_json(r#"{"profiles":"sre"}"#).unwrap_err();
        assert!(
            unknown_field
                .to_string()
                .contains("unknown field `profiles`")
        );
        let bad_level = Config::from_json(r#"{"rules":{"PM102":"loud"}}"#).unwrap_err();
        assert!(bad_level.to_string().contains("unknown variant `loud`"));
        let array = Config::from_json(r#"["sre"]"#).unwrap_err();
        assert_eq!(
            array.to_string(),
            "invalid configuration: invalid type: sequence, \
             expected a configuration object at line 1 column 0"
        );
        let words_array = Config::from_json(r#"{"words":[400,600]}"#).unwrap_err();
        assert!(
            words_array
                .to_string()
                .contains("invalid type: sequence, expected an object"),
            "{words_array}"
        );
        let trailing = Config::from_json("{} {}").unwrap_err();
        assert!(
            trailing.to_string().contains("trailing characters"),
            "{trailing}"
        );
        let bad_range = Config::from_json(r#"{"words":{"min":9,"max":1}}"#).unwrap_err();
        assert!(bad_range.to_string().contains("greater than"));
    }

    #[test]
    fn a_profile_turns_rules_off_unless_the_configuration_sets_a_level() {
        let off_in = |code: &str| rules::find(code).unwrap().off_in;
        assert_eq!(off_in("PM206"), [Profile::Sre]);
        assert!(off_in("PM102").is_empty());
        let source = "# Outage\n\n## Summary\n\nCheckout failed for all users.\n";
        let fires = |json: &str| {
            crate::check(source, &Config::from_json(json).unwrap())
                .iter()
                .any(|diagnostic| diagnostic.code() == "PM206")
        };
        assert!(fires(r#"{"profile":"standard"}"#));
        assert!(!fires(r#"{"profile":"sre"}"#));
        assert!(fires(r#"{"profile":"sre","rules":{"PM206":"warning"}}"#));
    }

    #[test]
    fn the_sre_profile_passes_a_complete_document_and_flags_its_template() {
        let config = Config::with_profile(Profile::Sre);
        let complete =
            include_str!("../tests/fixtures/missing_lessons_part/valid_complete_sre_document.md");
        let errors: Vec<_> = crate::check(complete, &config)
            .into_iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let template = crate::validate(crate::template(Profile::Sre), &config);
        let unmet: Vec<_> = template
            .checklist
            .iter()
            .filter(|requirement| !requirement.met)
            .map(|requirement| requirement.id)
            .collect();
        for id in ["sre.metadata", "sre.lessons", "document.length"] {
            assert!(unmet.contains(&id), "{id} should be unmet: {unmet:?}");
        }
    }
}
