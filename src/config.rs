//! `site.yaml`: the site's settings, read into a typed, validated `Config`.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics, SourceText};
use crate::frontmatter;

/// The file name of the settings at the root of a site.
pub const CONFIG_FILE: &str = "site.yaml";

/// Languages written right to left, by their primary language subtag.
const RTL_LANGUAGES: &[&str] = &["ar", "fa", "ur", "he", "ckb", "ps", "ug", "yi", "dv", "sd"];

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// What to do with a page that has no translation into a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MissingTranslation {
    /// Show the default language's text under `/<lang>/`, with a notice.
    #[default]
    Fallback,
    /// Leave the page out of that language.
    Skip,
}

/// Third parties a site may make its readers' browsers contact. None by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThirdParty {
    Youtube,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    code: String,
    name: String,
    dir: Option<Direction>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    base_url: String,
    default_language: String,
    languages: Vec<RawLanguage>,
    #[serde(default = "default_site_theme")]
    site_theme: String,
    #[serde(default)]
    missing_translation: MissingTranslation,
    #[serde(default)]
    allow_third_party: Vec<ThirdParty>,
    #[serde(default = "yes")]
    minify: bool,
}

fn default_site_theme() -> String {
    "default".into()
}

fn yes() -> bool {
    true
}

/// One language the site is published in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    /// BCP 47 code, e.g. `en`, `ar`, `pt-BR`; the first part of every URL of the language.
    pub code: String,
    /// The language's name in itself, e.g. `العربية`.
    pub name: String,
    pub dir: Direction,
}

/// The site's settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: String,
    /// Where the site is hosted, always ending in `/`; may have a path.
    pub base_url: String,
    /// The default language comes first.
    pub languages: Vec<Language>,
    /// The folder under `themes/` holding the templates and assets.
    pub site_theme: String,
    pub missing_translation: MissingTranslation,
    pub allow_third_party: Vec<ThirdParty>,
    pub minify: bool,
}

impl Config {
    /// Reads `site.yaml` from a site's root.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join(CONFIG_FILE);
        let bytes = std::fs::read(&path).map_err(|err| {
            Diagnostics::from_iter([
                Diagnostic::error(format!("cannot read {CONFIG_FILE}: {err}"))
                    .in_file(CONFIG_FILE)
                    .with_help("run testimony from the site's folder, or pass --root DIR"),
            ])
        })?;
        let text = crate::content::decode(Path::new(CONFIG_FILE), bytes)
            .map_err(|d| Diagnostics::from_iter([d]))?;
        Config::parse(&SourceText::new(CONFIG_FILE, text))
    }

    /// Parses and validates the text of `site.yaml`.
    pub fn parse(source: &Arc<SourceText>) -> Result<Config, Diagnostics> {
        let raw: RawConfig =
            frontmatter::from_yaml(source, 0..source.text.len()).map_err(Diagnostics::from_iter)?;
        let mut problems = Diagnostics::new();
        let locate = |key: &str, needle: &str| {
            frontmatter::find_value_after(source, 0..source.text.len(), Some(key), needle)
        };

        let mut languages: Vec<Language> = Vec::new();
        for raw_language in &raw.languages {
            let code = raw_language.code.trim();
            if code.parse::<unic_langid::LanguageIdentifier>().is_err()
                || code.contains('_')
                || code.is_empty()
            {
                problems.push(
                    Diagnostic::error(format!("`{code}` is not a BCP 47 language code"))
                        .with_help("use a code such as `en`, `ar`, `fr` or `pt-BR`")
                        .at(source, locate("languages", code)),
                );
                continue;
            }
            if languages.iter().any(|l| l.code == code) {
                problems.push(
                    Diagnostic::error(format!("language `{code}` is listed twice"))
                        .at(source, locate("languages", code)),
                );
                continue;
            }
            let primary = code.split('-').next().unwrap_or(code);
            let dir = raw_language
                .dir
                .unwrap_or(if RTL_LANGUAGES.contains(&primary) {
                    Direction::Rtl
                } else {
                    Direction::Ltr
                });
            languages.push(Language {
                code: code.to_string(),
                name: raw_language.name.clone(),
                dir,
            });
        }
        match languages
            .iter()
            .position(|l| l.code == raw.default_language)
        {
            Some(index) => {
                let default = languages.remove(index);
                languages.insert(0, default);
            }
            None => problems.push(
                Diagnostic::error(format!(
                    "the default language `{}` is not in `languages`",
                    raw.default_language
                ))
                .with_help("add it to `languages`, or choose one of the languages listed there")
                .at(source, locate("default_language", &raw.default_language)),
            ),
        }

        let mut base_url = raw.base_url.trim().to_string();
        if !base_url.starts_with("https://")
            && !base_url.starts_with("http://")
            && !base_url.starts_with('/')
        {
            problems.push(
                Diagnostic::error(format!("`base_url` `{base_url}` is not an address"))
                    .with_help("write the full address, e.g. https://example.org/ or https://example.org/testimony/")
                    .at(source, locate("base_url", &raw.base_url)),
            );
        }
        if !base_url.ends_with('/') {
            base_url.push('/');
        }
        if raw.site_theme.is_empty() || raw.site_theme.contains(['/', '\\', '.']) {
            problems.push(
                Diagnostic::error(format!(
                    "`site_theme` `{}` is not a folder name",
                    raw.site_theme
                ))
                .with_help("name a folder under themes/, e.g. `default`")
                .at(source, locate("site_theme", &raw.site_theme)),
            );
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Config {
            title: raw.title,
            base_url,
            languages,
            site_theme: raw.site_theme,
            missing_translation: raw.missing_translation,
            allow_third_party: raw.allow_third_party,
            minify: raw.minify,
        })
    }

    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn allows(&self, party: ThirdParty) -> bool {
        self.allow_third_party.contains(&party)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Diagnostics> {
        Config::parse(&SourceText::new(CONFIG_FILE, text))
    }

    #[test]
    fn derives_direction_and_puts_the_default_first() {
        let config = parse(
            "title: T\nbase_url: https://example.org/sub\ndefault_language: fr\nlanguages:\n  - { code: ar, name: العربية }\n  - { code: fr, name: Français }\n",
        )
        .unwrap();
        assert_eq!(config.default_language().code, "fr");
        assert_eq!(config.language("ar").unwrap().dir, Direction::Rtl);
        assert_eq!(config.base_url, "https://example.org/sub/");
    }

    #[test]
    fn reports_a_default_language_that_is_not_listed() {
        let err = parse("title: T\nbase_url: /\ndefault_language: de\nlanguages:\n  - { code: en, name: English }\n")
            .unwrap_err();
        let text = err.iter().next().unwrap().to_string();
        assert!(
            text.starts_with("site.yaml:3:19: error: the default language `de`"),
            "{text}"
        );
    }
}
