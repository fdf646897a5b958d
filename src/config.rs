//! `site.yaml`: the site's settings, read into a typed, validated `Config`.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics, Location, SourceText};
use crate::frontmatter;
use crate::frontmatter::yaml::{Node, Value};

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
    #[serde(default)]
    caption_limits: RawCaptionLimits,
    /// Read from the YAML tree by [`page_size`], for a message of its own: declared here
    /// only so that the field is known.
    #[allow(dead_code)]
    #[serde(default)]
    page_size: Option<serde::de::IgnoredAny>,
    /// Read from the YAML tree by [`purpose`]: a text, or one per language.
    #[allow(dead_code)]
    #[serde(default)]
    purpose: Option<serde::de::IgnoredAny>,
}

/// How many stories a list page shows when `site.yaml` does not say: a theme page of 24 cards
/// renders in a few milliseconds and stays light on a slow phone.
pub const DEFAULT_PAGE_SIZE: usize = 24;

/// The site's stated purpose (`purpose:` in site.yaml): why the material is published, shown
/// in every page's footer and in the open data, since legal regimes and platforms judge such
/// material by its stated purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purpose {
    /// The text written for each language, by code; the default language's is always there.
    pub texts: BTreeMap<String, String>,
    /// Where `purpose:` is written, for the warning about a language without its own text.
    pub at: Location,
}

impl Purpose {
    /// The text shown in `lang`, with the language it is written in: its own, else the
    /// default language's when `policy` is to fall back, else none.
    pub fn get<'a>(
        &'a self,
        lang: &'a str,
        default: &'a str,
        policy: MissingTranslation,
    ) -> Option<(&'a str, &'a str)> {
        match self.texts.get(lang) {
            Some(text) => Some((lang, text)),
            None if policy == MissingTranslation::Fallback => {
                self.texts.get(default).map(|text| (default, text.as_str()))
            }
            None => None,
        }
    }
}

fn default_site_theme() -> String {
    "default".into()
}

fn yes() -> bool {
    true
}

/// What to do about a `base_url` that [`parse_base_url`] refuses, wherever it came from.
pub const BASE_URL_HELP: &str = "write the site's full address, starting with https:// (or http://) and the host name, e.g. https://example.org/ or https://example.org/testimony/";

/// Why a `base_url` (from `site.yaml` or `--base-url`) is refused. Each reads after the value:
/// "`base_url` `ftp://x/` uses `ftp:`, ...".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseUrlError {
    #[error("is empty")]
    Empty,
    #[error("contains {0}, which an address cannot hold")]
    Character(&'static str),
    #[error("contains an invisible character (U+{0:04X}), which an address cannot hold")]
    Invisible(u32),
    #[error("is only a path: the site's address needs https:// and the host name before it")]
    PathOnly,
    #[error("has no scheme: it must start with https:// or http://")]
    NoScheme,
    #[error("must start with https:// or http://, with two slashes (not backslashes)")]
    Slashes,
    #[error("uses `{0}:`, but the site can only be published at an https:// or http:// address")]
    Scheme(String),
    #[error("is not an address a browser can read ({0})")]
    Invalid(String),
    #[error("has no host name after the scheme")]
    NoHost,
    #[error("contains a user name or password, which every page would publish")]
    Credentials,
    #[error("has a query (`?...`), which would break every link built from it")]
    Query,
    #[error("has a fragment (`#...`), which would break every link built from it")]
    Fragment,
}

/// Validates the site's address and writes it in its normal form, ending in `/`.
///
/// Every page, the sitemap and the feeds are built from it, so anything but a plain web
/// address (`javascript:`, a protocol-relative `//host/`, credentials, a query) would be
/// published everywhere. The `url` crate parses it by the rules browsers use, so what is
/// accepted here is what a reader's browser will read; the text must still start with
/// `http://` or `https://` literally, because those rules would also turn `https:host` or
/// `https:\\host` into an address the editor did not write. A path alone (`/archive/`) is
/// refused: canonical links, the sitemap and the feeds need the host.
pub fn parse_base_url(text: &str) -> Result<String, BaseUrlError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(BaseUrlError::Empty);
    }
    if let Some(c) = text.chars().find(|&c| c.is_whitespace() || is_invisible(c)) {
        return Err(match c {
            '\t' => BaseUrlError::Character("a tab"),
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                BaseUrlError::Character("a line break")
            }
            c if c.is_whitespace() => BaseUrlError::Character("a space"),
            c => BaseUrlError::Invisible(c as u32),
        });
    }
    let lower = text.to_ascii_lowercase();
    if !lower.starts_with("https://") && !lower.starts_with("http://") {
        if text.starts_with("//") {
            return Err(BaseUrlError::NoScheme);
        }
        if text.starts_with('/') {
            return Err(BaseUrlError::PathOnly);
        }
        // `javascript:alert(1)`, `ftp://x/`, `mailto:a@b`; but `example.org:8080` has no scheme.
        return Err(match text.split_once(':') {
            Some((scheme, rest))
                if !scheme.contains(['/', '.'])
                    && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && !rest.starts_with(|c: char| c.is_ascii_digit()) =>
            {
                match scheme.to_ascii_lowercase() {
                    scheme if scheme == "https" || scheme == "http" => BaseUrlError::Slashes,
                    scheme => BaseUrlError::Scheme(scheme),
                }
            }
            _ => BaseUrlError::NoScheme,
        });
    }
    // Browsers read `https:///x` as the host `x`, and `\` as `/`: not what was written.
    let after_scheme = &text[text.find("://").map_or(0, |i| i + 3)..];
    if after_scheme.starts_with('/') {
        return Err(BaseUrlError::NoHost);
    }
    if text.contains('\\') {
        return Err(BaseUrlError::Character("a backslash (use /)"));
    }
    let url = url::Url::parse(text).map_err(|err| BaseUrlError::Invalid(err.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(BaseUrlError::Scheme(url.scheme().to_string()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(BaseUrlError::NoHost);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(BaseUrlError::Credentials);
    }
    if url.query().is_some() {
        return Err(BaseUrlError::Query);
    }
    if url.fragment().is_some() {
        return Err(BaseUrlError::Fragment);
    }
    let mut normal = url.to_string();
    if !normal.ends_with('/') {
        normal.push('/');
    }
    Ok(normal)
}

/// Control characters, and the format characters that show nothing: zero-width spaces and
/// joiners, the soft hyphen, and the marks that turn the direction of text (an address with a
/// right-to-left override reads differently from where it leads).
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
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
    /// The build date, that embargoes (`publish_after`) and consent reviews are measured
    /// against: not in `site.yaml` but decided once per run (see [`crate::date`]), from
    /// `SOURCE_DATE_EPOCH` or the clock here, replaced by `--now` in
    /// [`crate::build::load_config_on`].
    pub today: crate::date::Date,
    /// How many stories a list page (a theme, all stories, a country's) shows; later ones go
    /// on `page/2/` and after. Never 0.
    pub page_size: usize,
    /// The site's stated purpose, if `site.yaml` gives one.
    pub purpose: Option<Purpose>,
    /// When `check` calls a caption hard to read, for every language.
    pub caption_limits: CaptionLimits,
    /// The limits of the languages that set their own under `caption_limits.languages`.
    pub caption_limits_by_language: std::collections::BTreeMap<String, CaptionLimits>,
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
        let (raw, root): (RawConfig, Node) =
            frontmatter::read(source, 0..source.text.len()).map_err(Diagnostics::from_iter)?;
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

        let base_url = match parse_base_url(&raw.base_url) {
            Ok(base_url) => base_url,
            Err(err) => {
                problems.push(
                    Diagnostic::error(format!(
                        "`base_url` `{}` {err}",
                        raw.base_url.trim().escape_debug()
                    ))
                    .with_help(BASE_URL_HELP)
                    .at(source, locate("base_url", raw.base_url.trim())),
                );
                String::new()
            }
        };
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
        let today = crate::date::build_date(None).unwrap_or_else(|err| {
            problems.push(Diagnostic::error(err.to_string()));
            crate::date::Date::from_unix_seconds(0)
        });
        let page_size = page_size(source, &root).unwrap_or_else(|d| {
            problems.push(d);
            DEFAULT_PAGE_SIZE
        });
        let purpose = match root.entry("purpose") {
            Some((key, node)) => {
                let (purpose, found) = purpose(source, key.span.start, node, &languages);
                problems.extend(found);
                purpose
            }
            None => None,
        };
        let (caption_limits, caption_limits_by_language) =
            raw.caption_limits
                .resolve(source, &languages, &mut problems);
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(Config {
            today,
            page_size,
            purpose,
            title: raw.title,
            base_url,
            languages,
            site_theme: raw.site_theme,
            missing_translation: raw.missing_translation,
            allow_third_party: raw.allow_third_party,
            minify: raw.minify,
            caption_limits,
            caption_limits_by_language,
        })
    }

    /// The caption limits of a language: its own, or the site's.
    pub fn caption_limits(&self, lang: &str) -> &CaptionLimits {
        self.caption_limits_by_language
            .get(lang)
            .unwrap_or(&self.caption_limits)
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

/// `page_size:`, a whole number of 1 or more; [`DEFAULT_PAGE_SIZE`] when it is not given.
fn page_size(source: &Arc<SourceText>, root: &Node) -> Result<usize, Diagnostic> {
    let Some(node) = root.get("page_size") else {
        return Ok(DEFAULT_PAGE_SIZE);
    };
    let text = match &node.value {
        Value::Scalar { text, .. } => text.trim(),
        _ => "",
    };
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        Ok(_) => Err(Diagnostic::error(
            "`page_size` is 0, but a list page must show at least one story",
        )),
        Err(_) => Err(Diagnostic::error(format!(
            "`page_size` should be a whole number of stories per page, not {}",
            if text.is_empty() {
                node.kind().to_string()
            } else {
                format!("`{text}`")
            }
        ))),
    }
    .map_err(|d| {
        d.with_help(format!(
            "write how many stories a list page shows, e.g. `page_size: {DEFAULT_PAGE_SIZE}`, or remove the line for {DEFAULT_PAGE_SIZE}"
        ))
        .at(source, node.span.clone())
    })
}

/// `purpose:`: one text, the default language's, or one per language (`{ en: ..., ar: ... }`)
/// that must hold the default language's, which the others fall back to. Every problem of it
/// is returned at once, each at its key or value.
fn purpose(
    source: &Arc<SourceText>,
    key_start: usize,
    node: &Node,
    languages: &[Language],
) -> (Option<Purpose>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let Some(default) = languages.first().map(|l| l.code.as_str()) else {
        return (None, problems);
    };
    let text_of = |problems: &mut Vec<Diagnostic>, node: &Node, lang: &str| match &node.value {
        Value::Scalar { text, .. } if !node.is_null() && !text.trim().is_empty() => {
            Some(text.trim().to_string())
        }
        _ => {
            let what = match &node.value {
                Value::Scalar { .. } => "is empty".to_string(),
                _ => format!("should be a text, not {}", node.kind()),
            };
            problems.push(
                Diagnostic::error(format!("the purpose statement in `{lang}` {what}"))
                    .with_help("write one sentence saying why the site publishes this material")
                    .at(source, node.span.clone()),
            );
            None
        }
    };
    let mut texts = BTreeMap::new();
    match &node.value {
        Value::Mapping(entries) => {
            for (key, value) in entries {
                if !languages.iter().any(|l| l.code == key.text) {
                    let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
                    problems.push(
                        Diagnostic::error(format!(
                            "`{}` under `purpose` is not a language of the site",
                            key.text
                        ))
                        .with_help(format!(
                            "give the text under one of the codes in `languages`: {}",
                            codes.join(", ")
                        ))
                        .at(source, key.span.clone()),
                    );
                } else if let Some(text) = text_of(&mut problems, value, &key.text) {
                    texts.insert(key.text.clone(), text);
                }
            }
            if !texts.contains_key(default) && !entries.iter().any(|(k, _)| k.text == default) {
                problems.push(
                    Diagnostic::error(format!(
                        "the purpose statement has no text in the default language `{default}`"
                    ))
                    .with_help(format!(
                        "add `{default}: ...` under `purpose:`; languages without their own text fall back to it"
                    ))
                    .at(source, key_start..key_start),
                );
            }
        }
        Value::Scalar { .. } => {
            if let Some(text) = text_of(&mut problems, node, default) {
                texts.insert(default.to_string(), text);
            }
        }
        Value::Sequence(_) => problems.push(
            Diagnostic::error("`purpose` should be a text, or one text per language, not a list")
                .with_help("write `purpose: { en: ..., ar: ... }`, one text per language code")
                .at(source, node.span.clone()),
        ),
    }
    let purpose = (problems.is_empty() && !texts.is_empty()).then(|| Purpose {
        texts,
        at: source.location(key_start),
    });
    (purpose, problems)
}

/// How much a caption may hold and how long it may stay before `check` warns that it is hard to
/// read. The defaults are the usual subtitling guidance (a line a phone shows whole, two lines
/// over the picture, a speed most readers follow, no flash shorter than 20 frames, nothing
/// left so long that it outlasts what is said); a language can set its own under
/// `caption_limits.languages` in site.yaml (a script that packs more in a character reads at
/// fewer characters a second).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaptionLimits {
    /// Characters a line may hold (harakat and other combining marks are not counted).
    pub line_length: usize,
    /// Lines a caption may have.
    pub lines: usize,
    /// Characters a second a reader is asked to read, at most.
    pub characters_per_second: f64,
    /// The shortest time a caption may stay, in milliseconds.
    pub shortest_ms: u64,
    /// The longest time a caption may stay, in milliseconds.
    pub longest_ms: u64,
}

impl Default for CaptionLimits {
    fn default() -> Self {
        CaptionLimits {
            line_length: 42,
            lines: 2,
            characters_per_second: 17.0,
            shortest_ms: 833,
            longest_ms: 7_000,
        }
    }
}

/// `caption_limits:` as written: any of the limits, and the same for some languages.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCaptionLimits {
    line_length: Option<usize>,
    lines: Option<usize>,
    characters_per_second: Option<f64>,
    /// Seconds, e.g. `0.833`.
    shortest: Option<f64>,
    /// Seconds, e.g. `7`.
    longest: Option<f64>,
    #[serde(default)]
    languages: std::collections::BTreeMap<String, RawCaptionLimits>,
}

impl RawCaptionLimits {
    /// The site's limits and those of each language listed, each limit left out taken from the
    /// level above (the defaults, then the site's). A limit that makes no sense and a language
    /// the site does not have are errors at their place in site.yaml.
    fn resolve(
        &self,
        source: &Arc<SourceText>,
        languages: &[Language],
        problems: &mut Diagnostics,
    ) -> (
        CaptionLimits,
        std::collections::BTreeMap<String, CaptionLimits>,
    ) {
        let all = 0..source.text.len();
        let section = frontmatter::find_key(source, all.clone(), "caption_limits")
            .map_or(all.clone(), |key| key.start..all.end);
        let site = self.over(CaptionLimits::default(), source, section.clone(), problems);
        let mut by_language = std::collections::BTreeMap::new();
        for (code, raw) in &self.languages {
            let at = frontmatter::find_key(source, section.clone(), code)
                .unwrap_or(section.start..section.start);
            if !languages.iter().any(|l| &l.code == code) {
                problems.push(
                    Diagnostic::error(format!(
                        "`caption_limits` names the language `{code}`, which is not in `languages`"
                    ))
                    .with_help("set limits only for the site's languages, or add the language to `languages`")
                    .at(source, at),
                );
                continue;
            }
            if !raw.languages.is_empty() {
                problems.push(
                    Diagnostic::error(format!(
                        "the caption limits of `{code}` have a `languages:` of their own"
                    ))
                    .with_help("list every language once, under `caption_limits.languages`")
                    .at(source, at.clone()),
                );
            }
            let limits = raw.over(site, source, at.start..all.end, problems);
            by_language.insert(code.clone(), limits);
        }
        (site, by_language)
    }

    /// These limits over `base`, each one checked.
    fn over(
        &self,
        base: CaptionLimits,
        source: &Arc<SourceText>,
        range: std::ops::Range<usize>,
        problems: &mut Diagnostics,
    ) -> CaptionLimits {
        let mut refuse = |key: &str, why: &str| {
            let at = frontmatter::find_key(source, range.clone(), key)
                .unwrap_or(range.start..range.start);
            problems.push(
                Diagnostic::error(format!("`caption_limits` `{key}` {why}"))
                    .with_help("write a number above 0, e.g. `line_length: 42`, `characters_per_second: 17`, `shortest: 0.833`, `longest: 7` (seconds)")
                    .at(source, at),
            );
        };
        let count = |key, value: Option<usize>, base: usize, refuse: &mut dyn FnMut(&str, &str)| {
            match value {
                Some(0) => {
                    refuse(key, "must be at least 1");
                    base
                }
                Some(n) => n,
                None => base,
            }
        };
        let seconds =
            |key, value: Option<f64>, base: u64, refuse: &mut dyn FnMut(&str, &str)| match value {
                Some(s) if s.is_finite() && s > 0.0 && s < 3_600.0 => (s * 1_000.0).round() as u64,
                Some(_) => {
                    refuse(key, "must be a number of seconds above 0 and below an hour");
                    base
                }
                None => base,
            };
        let limits = CaptionLimits {
            line_length: count(
                "line_length",
                self.line_length,
                base.line_length,
                &mut refuse,
            ),
            lines: count("lines", self.lines, base.lines, &mut refuse),
            characters_per_second: match self.characters_per_second {
                Some(x) if x.is_finite() && x > 0.0 => x,
                Some(_) => {
                    refuse("characters_per_second", "must be a number above 0");
                    base.characters_per_second
                }
                None => base.characters_per_second,
            },
            shortest_ms: seconds("shortest", self.shortest, base.shortest_ms, &mut refuse),
            longest_ms: seconds("longest", self.longest, base.longest_ms, &mut refuse),
        };
        if limits.shortest_ms > limits.longest_ms {
            refuse("shortest", "is longer than `longest`");
        }
        limits
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

    const TWO_LANGUAGES: &str = "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n";

    #[test]
    fn caption_limits_default_to_the_usual_guidance_and_can_be_set_per_language() {
        let config = parse(TWO_LANGUAGES).unwrap();
        assert_eq!(config.caption_limits("ar"), &CaptionLimits::default());
        let config = parse(&format!(
            "{TWO_LANGUAGES}caption_limits:\n  line_length: 40\n  longest: 6.5\n  languages:\n    ar: {{ characters_per_second: 15 }}\n"
        ))
        .unwrap();
        let en = config.caption_limits("en");
        assert_eq!(
            (en.line_length, en.longest_ms, en.characters_per_second),
            (40, 6_500, 17.0)
        );
        let ar = config.caption_limits("ar");
        assert_eq!(
            (ar.line_length, ar.longest_ms, ar.characters_per_second),
            (40, 6_500, 15.0),
            "a language's limits start from the site's"
        );
    }

    #[test]
    fn caption_limits_that_make_no_sense_are_errors_at_their_line() {
        let err = parse(&format!(
            "{TWO_LANGUAGES}caption_limits:\n  lines: 0\n  shortest: -1\n  languages:\n    de: {{ lines: 3 }}\n"
        ))
        .unwrap_err();
        let said: Vec<String> = err.iter().map(|d| d.to_string()).collect();
        let said = said.join("\n");
        assert!(
            said.contains("site.yaml:8:3: error: `caption_limits` `lines` must be at least 1"),
            "{said}"
        );
        assert!(
            said.contains("site.yaml:9:3: error: `caption_limits` `shortest` must be a number of seconds above 0"),
            "{said}"
        );
        assert!(
            said.contains("site.yaml:11:5: error: `caption_limits` names the language `de`, which is not in `languages`"),
            "{said}"
        );
        let err = parse(&format!(
            "{TWO_LANGUAGES}caption_limits:\n  line_lenght: 40\n"
        ))
        .unwrap_err();
        assert!(
            err.iter()
                .next()
                .unwrap()
                .to_string()
                .contains("line_length"),
            "unknown keys are refused with a suggestion"
        );
    }

    #[test]
    fn reports_a_default_language_that_is_not_listed() {
        let err = parse("title: T\nbase_url: https://example.org/\ndefault_language: de\nlanguages:\n  - { code: en, name: English }\n")
            .unwrap_err();
        let text = err.iter().next().unwrap().to_string();
        assert!(
            text.starts_with("site.yaml:3:19: error: the default language `de`"),
            "{text}"
        );
    }

    #[test]
    fn base_url_is_written_in_its_normal_form_ending_in_a_slash() {
        for (given, normal) in [
            ("https://example.org", "https://example.org/"),
            ("https://example.org/sub", "https://example.org/sub/"),
            (
                "  http://Example.ORG:8080/a/b/  ",
                "http://example.org:8080/a/b/",
            ),
            (
                "HTTPS://example.org/testimony/",
                "https://example.org/testimony/",
            ),
            (
                "https://example.org/شهادات",
                "https://example.org/%D8%B4%D9%87%D8%A7%D8%AF%D8%A7%D8%AA/",
            ),
        ] {
            assert_eq!(parse_base_url(given).as_deref(), Ok(normal), "{given}");
        }
    }

    #[test]
    fn base_url_refuses_anything_but_a_plain_web_address() {
        use BaseUrlError::*;
        for (given, why) in [
            ("", Empty),
            ("javascript:alert(1)", Scheme("javascript".into())),
            ("JavaScript:alert(1)", Scheme("javascript".into())),
            ("ftp://x/", Scheme("ftp".into())),
            ("data:text/html,<script>", Scheme("data".into())),
            ("//evil.example/", NoScheme),
            ("example.org/", NoScheme),
            ("localhost:8080/", NoScheme),
            ("/archive/", PathOnly),
            ("/", PathOnly),
            ("https:example.org", Slashes),
            ("https:\\\\evil.example\\", Slashes),
            ("http:/example.org/", Slashes),
            ("https://x/ y", Character("a space")),
            ("https://x/\ty", Character("a tab")),
            ("https://x/\ny", Character("a line break")),
            ("https://x/\u{a0}y", Character("a space")),
            ("https://x/\u{7}", Invisible(7)),
            ("https://x/\u{200b}", Invisible(0x200b)),
            ("https://\u{202e}gro.elpmaxe/", Invisible(0x202e)),
            ("https://exa\u{ad}mple.org/", Invisible(0xad)),
            (
                "https://xn--/",
                Invalid("invalid international domain name".into()),
            ),
            ("https://user:secret@example.org/", Credentials),
            ("https://user@example.org/", Credentials),
            ("https://example.org/?a=1", Query),
            ("https://example.org/?", Query),
            ("https://example.org/#top", Fragment),
            ("https://", Invalid("empty host".into())),
            ("https:///path", NoHost),
            ("https://x\\y/", Character("a backslash (use /)")),
        ] {
            assert_eq!(parse_base_url(given), Err(why), "{given:?}");
        }
    }

    #[test]
    fn reports_a_bad_base_url_at_its_value() {
        let err = parse("title: T\nbase_url: javascript:alert(1)\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n")
            .unwrap_err();
        let text = err.iter().next().unwrap().to_string();
        assert_eq!(
            text,
            format!(
                "site.yaml:2:11: error: `base_url` `javascript:alert(1)` uses `javascript:`, but the site can only be published at an https:// or http:// address (help: {BASE_URL_HELP})"
            )
        );
    }

    const HEAD: &str = "title: T\nbase_url: https://example.org/\ndefault_language: en\nlanguages:\n  - { code: en, name: English }\n  - { code: ar, name: العربية }\n";

    #[test]
    fn page_size_defaults_to_24_and_must_be_a_whole_number_of_one_or_more() {
        assert_eq!(parse(HEAD).unwrap().page_size, DEFAULT_PAGE_SIZE);
        assert_eq!(
            parse(&format!("{HEAD}page_size: 7\n")).unwrap().page_size,
            7
        );
        for (value, message) in [
            ("0", "`page_size` is 0"),
            (
                "ten",
                "`page_size` should be a whole number of stories per page, not `ten`",
            ),
            ("-3", "not `-3`"),
            ("[1]", "not a list"),
        ] {
            let err = parse(&format!("{HEAD}page_size: {value}\n")).unwrap_err();
            let text = err.iter().next().unwrap().to_string();
            assert!(text.starts_with("site.yaml:7:12: error: "), "{text}");
            assert!(text.contains(message), "{text}");
        }
    }

    #[test]
    fn purpose_is_one_text_or_one_per_language_with_the_default_one() {
        let one = parse(&format!("{HEAD}purpose: To counter extremism.\n")).unwrap();
        let purpose = one.purpose.unwrap();
        assert_eq!(purpose.texts.len(), 1);
        assert_eq!(purpose.texts["en"], "To counter extremism.");
        assert_eq!(purpose.at.line, 7);
        assert_eq!(
            purpose.get("ar", "en", MissingTranslation::Fallback),
            Some(("en", "To counter extremism."))
        );
        assert_eq!(purpose.get("ar", "en", MissingTranslation::Skip), None);
        let both = parse(&format!("{HEAD}purpose:\n  en: A.\n  ar: ب.\n")).unwrap();
        let purpose = both.purpose.unwrap();
        assert_eq!(
            purpose.get("ar", "en", MissingTranslation::Skip),
            Some(("ar", "ب."))
        );
        assert!(parse(HEAD).unwrap().purpose.is_none());
    }

    #[test]
    fn purpose_problems_are_each_at_their_place() {
        let err = parse(&format!("{HEAD}purpose:\n  ar: ب.\n  xx: C.\n")).unwrap_err();
        let texts: Vec<String> = err.iter().map(|d| d.to_string()).collect();
        assert!(
            texts.iter().any(|t| t.starts_with(
                "site.yaml:9:3: error: `xx` under `purpose` is not a language of the site"
            )),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with(
                "site.yaml:7:1: error: the purpose statement has no text in the default language `en`"
            )),
            "{texts:?}"
        );
        let err = parse(&format!("{HEAD}purpose:\n  en: \"\"\n")).unwrap_err();
        let text = err.iter().next().unwrap().to_string();
        assert!(
            text.starts_with("site.yaml:8:8: error: the purpose statement in `en` is empty"),
            "{text}"
        );
        let err = parse(&format!("{HEAD}purpose: [a]\n")).unwrap_err();
        let text = err.iter().next().unwrap().to_string();
        assert!(
            text.starts_with("site.yaml:7:10: error: `purpose` should be a text"),
            "{text}"
        );
    }
}
