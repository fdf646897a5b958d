//! Assembling the site: parsing every source file's front matter and Markdown, grouping
//! translations with their source, resolving themes, segments and captions, and validating
//! everything. The result is one immutable [`Site`] that rendering reads in parallel.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::config::{Config, MissingTranslation, ThirdParty};
use crate::content::{Content, Kind, SourceFile};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, closest};
use crate::frontmatter::{self, find_value_after};
use crate::markdown;
use crate::model::*;
use crate::urls::{Route, Urls};
use crate::webvtt::{self, Captions, Timestamp};

/// The translatable text of a plain page or the home page, in one language.
#[derive(Debug, Clone)]
pub struct PageText {
    pub title: String,
    pub description: Option<String>,
    pub body_html: String,
}

/// The translatable text of a theme.
#[derive(Debug, Clone)]
pub struct ThemeText {
    pub title: String,
    pub summary: String,
    pub body_html: String,
}

/// The translatable text of a story.
#[derive(Debug, Clone)]
pub struct StoryText {
    pub title: String,
    pub summary: String,
    pub statement: Option<String>,
    /// One per segment of the story, in order (the source's title where a translation lacks one).
    pub segment_titles: Vec<String>,
    pub body_html: String,
}

/// A translation of a source text.
#[derive(Debug, Clone)]
pub struct Translation<T> {
    pub text: T,
    /// The source changed since this translation was made (its `source_hash` differs).
    pub stale: bool,
    /// The `source_hash` it records, if any.
    pub source_hash: Option<String>,
    pub path: PathBuf,
}

/// A text in the default language and its translations.
#[derive(Debug, Clone)]
pub struct Texts<T> {
    pub source: T,
    pub source_lang: String,
    pub source_path: PathBuf,
    /// Fingerprint of the source's translatable text, recorded by translations.
    pub hash: String,
    pub translations: BTreeMap<String, Translation<T>>,
}

/// The text to show in one language, and how it relates to that language.
#[derive(Debug)]
pub struct Localized<'a, T> {
    pub text: &'a T,
    /// The language the text is written in.
    pub lang: &'a str,
    /// The text is the default language's, shown because no translation exists.
    pub fallback: bool,
    /// The translation is older than its source.
    pub stale: bool,
}

impl<T> Clone for Localized<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Localized<'_, T> {}

impl<T> Texts<T> {
    /// Whether the page is written in `lang` (as source or translation).
    pub fn has(&self, lang: &str) -> bool {
        self.source_lang == lang || self.translations.contains_key(lang)
    }

    /// The text for readers of `lang`, following the missing-translation policy: `None` when
    /// the page is left out of that language.
    pub fn get<'a>(
        &'a self,
        lang: &'a str,
        policy: MissingTranslation,
    ) -> Option<Localized<'a, T>> {
        if let Some(translation) = self.translations.get(lang) {
            return Some(Localized {
                text: &translation.text,
                lang,
                fallback: false,
                stale: translation.stale,
            });
        }
        if self.source_lang == lang || policy == MissingTranslation::Fallback {
            return Some(Localized {
                text: &self.source,
                lang: &self.source_lang,
                fallback: self.source_lang != lang,
                stale: false,
            });
        }
        None
    }
}

/// A plain page, e.g. About.
#[derive(Debug, Clone)]
pub struct Page {
    /// The path after `/<lang>/`, e.g. `about`.
    pub path: String,
    pub texts: Texts<PageText>,
}

/// One of the subjects the research is organised by.
#[derive(Debug, Clone)]
pub struct Theme {
    pub id: String,
    pub order: u32,
    pub texts: Texts<ThemeText>,
}

/// Where a story's video comes from.
#[derive(Debug, Clone)]
pub enum Video {
    /// A file in the story's folder; `name` is its file name.
    File {
        name: String,
        path: PathBuf,
    },
    Youtube {
        id: String,
    },
}

/// A time-coded part of a story's video.
#[derive(Debug, Clone)]
pub struct Segment {
    pub start: Timestamp,
    /// The next segment's start, or the end of the video.
    pub end: Timestamp,
    pub themes: Vec<String>,
}

/// A story's caption file in one language.
#[derive(Debug, Clone)]
pub struct CaptionTrack {
    pub lang: String,
    pub path: PathBuf,
    pub captions: Captions,
}

/// One defector's testimony.
#[derive(Debug, Clone)]
pub struct Story {
    pub slug: String,
    /// The only name of the narrator ever shown.
    pub pseudonym: String,
    pub example: bool,
    /// ISO 3166-1 alpha-2, uppercase.
    pub origin: String,
    pub joined: Option<i32>,
    pub left: Option<i32>,
    pub interviewed: Option<(i32, u8, u8)>,
    /// The story's themes: those declared and those of its segments, in theme order.
    pub themes: Vec<String>,
    pub video: Video,
    pub poster: Option<(String, PathBuf)>,
    pub duration: Timestamp,
    pub captions: Vec<CaptionTrack>,
    pub segments: Vec<Segment>,
    pub warnings: Vec<Warning>,
    pub texts: Texts<StoryText>,
}

impl Story {
    pub fn captions_in(&self, lang: &str) -> Option<&CaptionTrack> {
        self.captions.iter().find(|c| c.lang == lang)
    }
}

/// The whole site, validated and ready to render.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: Config,
    pub urls: Urls,
    pub home: Option<Texts<PageText>>,
    pub pages: Vec<Page>,
    /// In their `order`.
    pub themes: Vec<Theme>,
    /// Newest interview first, then by slug.
    pub stories: Vec<Story>,
}

impl Site {
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
}

/// A parsed file, before grouping.
struct Parsed {
    file: SourceFile,
    meta: Meta,
    body: Range<usize>,
}

enum Meta {
    Page(PageMeta),
    PageTranslation(PageTranslationMeta),
    Theme(ThemeMeta),
    ThemeTranslation(ThemeTranslationMeta),
    Story(Box<StoryMeta>),
    StoryTranslation(StoryTranslationMeta),
}

impl Meta {
    fn is_draft(&self) -> bool {
        let status = match self {
            Meta::Page(m) => m.status,
            Meta::PageTranslation(m) => m.status,
            Meta::Theme(m) => m.status,
            Meta::ThemeTranslation(m) => m.status,
            Meta::Story(m) => m.status,
            Meta::StoryTranslation(m) => m.status,
        };
        status == Status::Draft
    }
}

fn parse_file(file: SourceFile) -> Result<Parsed, Diagnostic> {
    let split = frontmatter::split(&file.source)?;
    fn yaml<T: DeserializeOwned>(file: &SourceFile, range: Range<usize>) -> Result<T, Diagnostic> {
        frontmatter::from_yaml(&file.source, range)
    }
    let range = split.yaml.clone();
    let meta = match (&file.kind, file.is_source) {
        (Kind::Home | Kind::Page { .. }, true) => Meta::Page(yaml(&file, range)?),
        (Kind::Home | Kind::Page { .. }, false) => Meta::PageTranslation(yaml(&file, range)?),
        (Kind::Theme { .. }, true) => Meta::Theme(yaml(&file, range)?),
        (Kind::Theme { .. }, false) => Meta::ThemeTranslation(yaml(&file, range)?),
        (Kind::Story { .. }, true) => Meta::Story(Box::new(yaml(&file, range)?)),
        (Kind::Story { .. }, false) => Meta::StoryTranslation(yaml(&file, range)?),
    };
    Ok(Parsed {
        file,
        meta,
        body: split.body,
    })
}

/// The fingerprint translations record: the first 12 hex digits of a SHA-256 of the parts.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part.trim().as_bytes());
        hasher.update([0u8]);
    }
    hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Parses and assembles the site. Every problem is collected; the site is returned only if
/// there are no errors (warnings are returned either way).
pub fn assemble(config: Config, content: Content) -> (Option<Site>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let results: Vec<(Option<Kind>, Result<Parsed, Diagnostic>)> = content
        .files
        .into_par_iter()
        .map(|file| (file.is_source.then(|| file.kind.clone()), parse_file(file)))
        .collect();
    let mut parsed = Vec::new();
    // Sources that are drafts or could not be read: their translations are left out quietly
    // (a draft's translations are drafts too; a broken source has its own error).
    let mut withheld: BTreeSet<Kind> = BTreeSet::new();
    for (source_kind, result) in results {
        match result {
            Ok(p) if p.meta.is_draft() => withheld.extend(source_kind),
            Ok(p) => parsed.push(p),
            Err(d) => {
                withheld.extend(source_kind);
                problems.push(d);
            }
        }
    }

    // Group by kind: the source first, then translations by language.
    let mut groups: BTreeMap<Kind, (Option<Parsed>, Vec<Parsed>)> = BTreeMap::new();
    let mut seen_urls: HashMap<(Kind, String), PathBuf> = HashMap::new();
    for p in parsed {
        let key = (p.file.kind.clone(), p.file.lang.clone());
        if let Some(first) = seen_urls.get(&key) {
            problems.push(
                Diagnostic::error(format!(
                    "this file and {} make the same page",
                    crate::diagnostic::display_path(first)
                ))
                .with_help("keep one of them: `name.md` and `name/index.md` are the same address")
                .in_file(p.file.source.path.clone()),
            );
            continue;
        }
        seen_urls.insert(key, p.file.source.path.clone());
        let group = groups.entry(p.file.kind.clone()).or_default();
        if p.file.is_source {
            group.0 = Some(p);
        } else {
            group.1.push(p);
        }
    }
    // Drop translations without a source, with an error, before links are resolved.
    let mut complete: Vec<(Kind, Parsed, Vec<Parsed>)> = Vec::new();
    for (kind, (source, translations)) in groups {
        match source {
            Some(source) => complete.push((kind, source, translations)),
            None if withheld.contains(&kind) => {}
            None => {
                for t in translations {
                    let path = &t.file.source.path;
                    let name = path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let source_name = name.split('.').next().unwrap_or_default();
                    problems.push(
                        Diagnostic::error(format!(
                            "this translation has no source: there is no `{source_name}.md` beside it"
                        ))
                        .with_help(format!(
                            "a translation `{name}` translates `{source_name}.md` in the default language: add that file, or rename this one"
                        ))
                        .in_file(path.clone()),
                    );
                }
            }
        }
    }

    let urls = Urls::new(&config.base_url);
    let link_targets: HashMap<String, Kind> = complete
        .iter()
        .map(|(kind, source, _)| (content_link(&source.file.source.path), kind.clone()))
        .collect();
    let languages_of: HashMap<Kind, BTreeSet<String>> = complete
        .iter()
        .map(|(kind, source, translations)| {
            let langs = std::iter::once(&source.file)
                .chain(translations.iter().map(|t| &t.file))
                .map(|f| f.lang.clone())
                .collect();
            (kind.clone(), langs)
        })
        .collect();
    let resolver = Resolver {
        urls: &urls,
        config: &config,
        targets: &link_targets,
        languages_of: &languages_of,
        formatter: crate::i18n::Formatter::new(&config.default_language().code),
    };

    let theme_ids: BTreeSet<String> = complete
        .iter()
        .filter_map(|(kind, _, _)| match kind {
            Kind::Theme { id } => Some(id.clone()),
            _ => None,
        })
        .collect();

    let assembled: Vec<(Option<Item>, Vec<Diagnostic>)> = complete
        .into_par_iter()
        .map(|(kind, source, translations)| {
            let mut problems = Vec::new();
            let item = build_item(
                &kind,
                source,
                translations,
                &resolver,
                &theme_ids,
                &content.story_files,
                &mut problems,
            );
            (item, problems)
        })
        .collect();

    let mut site = Site {
        urls: urls.clone(),
        home: None,
        pages: Vec::new(),
        themes: Vec::new(),
        stories: Vec::new(),
        config: config.clone(),
    };
    for (item, item_problems) in assembled {
        problems.extend(item_problems);
        match item {
            Some(Item::Home(texts)) => site.home = Some(texts),
            Some(Item::Page(page)) => site.pages.push(page),
            Some(Item::Theme(theme)) => site.themes.push(theme),
            Some(Item::Story(story)) => site.stories.push(*story),
            None => {}
        }
    }
    site.themes
        .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    site.stories.sort_by(|a, b| {
        b.interviewed
            .cmp(&a.interviewed)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    // Order story themes by theme order.
    let order: HashMap<&str, u32> = site
        .themes
        .iter()
        .map(|t| (t.id.as_str(), t.order))
        .collect();
    for story in &mut site.stories {
        story.themes.sort_by_key(|id| {
            (
                order.get(id.as_str()).copied().unwrap_or(u32::MAX),
                id.clone(),
            )
        });
    }
    if problems.has_errors() {
        (None, problems)
    } else {
        (Some(site), problems)
    }
}

enum Item {
    Home(Texts<PageText>),
    Page(Page),
    Theme(Theme),
    Story(Box<Story>),
}

/// The name an internal link uses for a file: its path under `content/`.
fn content_link(path: &std::path::Path) -> String {
    let text = crate::diagnostic::display_path(path);
    text.strip_prefix("content/").unwrap_or(&text).to_string()
}

/// Resolves `@/...` links for a page in a language.
struct Resolver<'a> {
    urls: &'a Urls,
    config: &'a Config,
    targets: &'a HashMap<String, Kind>,
    languages_of: &'a HashMap<Kind, BTreeSet<String>>,
    /// The default language's formatter, made once: it tells which country codes exist.
    formatter: crate::i18n::Formatter,
}

impl Resolver<'_> {
    fn resolve(&self, target: &str, lang: &str) -> Option<String> {
        let kind = self.targets.get(target)?;
        // Under `skip`, a page missing in this language is linked in the default language.
        let available = self
            .languages_of
            .get(kind)
            .is_some_and(|l| l.contains(lang));
        let lang = if available || self.config.missing_translation == MissingTranslation::Fallback {
            lang
        } else {
            self.config.default_language().code.as_str()
        };
        Some(self.urls.page(lang, route_of(kind)))
    }

    fn render(
        &self,
        file: &SourceFile,
        body: Range<usize>,
        problems: &mut Vec<Diagnostic>,
    ) -> String {
        let lang = file.lang.clone();
        let (html, found) =
            markdown::render(&file.source, body, &|target| self.resolve(target, &lang));
        problems.extend(found);
        html
    }
}

/// The route of a kind of page.
pub fn route_of(kind: &Kind) -> Route<'_> {
    match kind {
        Kind::Home => Route::Home,
        Kind::Page { path } => Route::Page(path),
        Kind::Theme { id } => Route::Theme(id),
        Kind::Story { slug } => Route::Story(slug),
    }
}

fn build_item(
    kind: &Kind,
    source: Parsed,
    translations: Vec<Parsed>,
    resolver: &Resolver,
    theme_ids: &BTreeSet<String>,
    story_files: &BTreeMap<String, BTreeMap<String, PathBuf>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Item> {
    let Parsed { file, meta, body } = source;
    match (kind, meta) {
        (Kind::Home | Kind::Page { .. }, Meta::Page(meta)) => {
            let text = PageText {
                body_html: resolver.render(&file, body.clone(), problems),
                title: meta.title,
                description: meta.description,
            };
            let hash = fingerprint(
                [
                    text.title.as_str(),
                    text.description.as_deref().unwrap_or(""),
                ]
                .into_iter()
                .chain([&file.source.text[body]]),
            );
            let mut texts = new_texts(&file, text, hash);
            for t in translations {
                if let Meta::PageTranslation(meta) = t.meta {
                    let text = PageText {
                        body_html: resolver.render(&t.file, t.body, problems),
                        title: meta.title,
                        description: meta.description,
                    };
                    add_translation(&mut texts, &t.file, text, meta.source_hash);
                }
            }
            Some(match kind {
                Kind::Page { path } => Item::Page(Page {
                    path: path.clone(),
                    texts,
                }),
                _ => Item::Home(texts),
            })
        }
        (Kind::Theme { id }, Meta::Theme(meta)) => {
            let hash = fingerprint([
                meta.title.as_str(),
                meta.summary.as_str(),
                &file.source.text[body.clone()],
            ]);
            let text = ThemeText {
                body_html: resolver.render(&file, body, problems),
                title: meta.title,
                summary: meta.summary,
            };
            let mut texts = new_texts(&file, text, hash);
            for t in translations {
                if let Meta::ThemeTranslation(meta) = t.meta {
                    let text = ThemeText {
                        body_html: resolver.render(&t.file, t.body, problems),
                        title: meta.title,
                        summary: meta.summary,
                    };
                    add_translation(&mut texts, &t.file, text, meta.source_hash);
                }
            }
            Some(Item::Theme(Theme {
                id: id.clone(),
                order: meta.order,
                texts,
            }))
        }
        (Kind::Story { slug }, Meta::Story(meta)) => {
            let files = story_files.get(slug).cloned().unwrap_or_default();
            let story = build_story(
                slug,
                &file,
                *meta,
                body,
                translations,
                resolver,
                theme_ids,
                &files,
                problems,
            );
            Some(Item::Story(Box::new(story)))
        }
        _ => None,
    }
}

fn new_texts<T>(file: &SourceFile, text: T, hash: String) -> Texts<T> {
    Texts {
        source: text,
        source_lang: file.lang.clone(),
        source_path: file.source.path.clone(),
        hash,
        translations: BTreeMap::new(),
    }
}

fn add_translation<T>(
    texts: &mut Texts<T>,
    file: &SourceFile,
    text: T,
    source_hash: Option<String>,
) {
    let stale = source_hash.as_ref().is_some_and(|h| *h != texts.hash);
    texts.translations.insert(
        file.lang.clone(),
        Translation {
            text,
            stale,
            source_hash,
            path: file.source.path.clone(),
        },
    );
}

/// Points a diagnostic at a value in a file's front matter, found after `key:`.
fn at_value(file: &SourceFile, key: &str, value: &str) -> (Arc<SourceText>, Range<usize>) {
    let end = frontmatter::split(&file.source).map_or(file.source.text.len(), |s| s.yaml.end);
    let range = find_value_after(&file.source, 0..end, Some(key), value);
    (Arc::clone(&file.source), range)
}

/// An error at the `at:` time of the `index`-th segment (counting from 0): segments are the
/// only entries of a story with an `at:` key, so the n-th `at:` is the n-th segment's.
fn segment_error(file: &SourceFile, index: usize, value: &str, message: String) -> Diagnostic {
    let end = frontmatter::split(&file.source).map_or(file.source.text.len(), |s| s.yaml.end);
    let mut from = 0;
    for _ in 0..index {
        match frontmatter::find_key(&file.source, from..end, "at") {
            Some(key) => from = key.end,
            None => break,
        }
    }
    let range = find_value_after(&file.source, from..end, Some("at"), value);
    Diagnostic::error(message).at(&file.source, range)
}

fn error_at(file: &SourceFile, key: &str, value: &str, message: String) -> Diagnostic {
    let (source, range) = at_value(file, key, value);
    Diagnostic::error(message).at(&source, range)
}

fn check_theme(
    file: &SourceFile,
    key: &str,
    id: &str,
    theme_ids: &BTreeSet<String>,
    problems: &mut Vec<Diagnostic>,
) -> bool {
    if theme_ids.contains(id) {
        return true;
    }
    let help = match closest(id, theme_ids.iter().map(String::as_str)) {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => format!(
            "the themes are: {}",
            theme_ids.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
    };
    problems.push(error_at(file, key, id, format!("unknown theme `{id}`")).with_help(help));
    false
}

#[allow(clippy::too_many_arguments)]
fn build_story(
    slug: &str,
    file: &SourceFile,
    meta: StoryMeta,
    body: Range<usize>,
    translations: Vec<Parsed>,
    resolver: &Resolver,
    theme_ids: &BTreeSet<String>,
    files: &BTreeMap<String, PathBuf>,
    problems: &mut Vec<Diagnostic>,
) -> Story {
    let config = resolver.config;
    let mut themes: Vec<String> = Vec::new();
    for id in &meta.themes {
        if check_theme(file, "themes", id, theme_ids, problems) && !themes.contains(id) {
            themes.push(id.clone());
        }
    }

    // Origin: an ISO 3166-1 alpha-2 code the locale data knows.
    let origin = meta.origin.trim().to_string();
    let known = origin.len() == 2
        && origin.chars().all(|c| c.is_ascii_uppercase())
        && resolver.formatter.country(&origin).is_some();
    if !known {
        problems.push(
            error_at(file, "origin", &origin, format!("`{origin}` is not a country code"))
                .with_help("write the ISO 3166-1 two-letter code in capitals, e.g. SY for Syria, TN for Tunisia, GB for the United Kingdom"),
        );
    }
    for (key, year) in [("joined", meta.joined), ("left", meta.left)] {
        if let Some(year) = year
            && !(1980..=2100).contains(&year)
        {
            problems.push(
                error_at(
                    file,
                    key,
                    &year.to_string(),
                    format!("`{key}` is not a plausible year: {year}"),
                )
                .with_help("write the year with four digits, e.g. 2014"),
            );
        }
    }
    if let (Some(joined), Some(left)) = (meta.joined, meta.left)
        && left < joined
    {
        problems.push(
            error_at(
                file,
                "left",
                &left.to_string(),
                format!("`left` ({left}) is before `joined` ({joined})"),
            )
            .with_help("check both years"),
        );
    }
    let interviewed = meta.interviewed.as_deref().and_then(|text| {
        let date = parse_date(text);
        if date.is_none() {
            problems.push(
                error_at(file, "interviewed", text, format!("`{text}` is not a date"))
                    .with_help("write the date as YYYY-MM-DD, e.g. 2016-03-14"),
            );
        }
        date
    });

    // The video and its duration.
    let duration = Timestamp::parse(&meta.video.duration).unwrap_or_else(|| {
        problems.push(
            error_at(
                file,
                "duration",
                &meta.video.duration,
                format!("`{}` is not a duration", meta.video.duration),
            )
            .with_help("write the video's length as HH:MM:SS, e.g. \"00:12:34\" (with quotes)"),
        );
        Timestamp(0)
    });
    let file_of = |key: &str, name: &str, problems: &mut Vec<Diagnostic>| -> Option<PathBuf> {
        match files.get(name) {
            Some(path) => Some(path.clone()),
            None => {
                let help = match closest(name, files.keys().map(String::as_str)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("put the file in content/stories/{slug}/"),
                };
                problems.push(
                    error_at(
                        file,
                        key,
                        name,
                        format!("`{name}` is not in the story's folder"),
                    )
                    .with_help(help),
                );
                None
            }
        }
    };
    let video = match (&meta.video.file, &meta.video.youtube) {
        (Some(name), None) => {
            let lower = name.to_ascii_lowercase();
            if !(lower.ends_with(".webm") || lower.ends_with(".mp4")) {
                problems.push(
                    error_at(
                        file,
                        "file",
                        name,
                        format!("`{name}` is not a WebM or MP4 video"),
                    )
                    .with_help("convert the video to .webm or .mp4, which every browser plays"),
                );
            }
            let path = file_of("file", name, problems).unwrap_or_default();
            Video::File {
                name: name.clone(),
                path,
            }
        }
        (None, Some(id)) => {
            if !config.allows(ThirdParty::Youtube) {
                problems.push(
                    error_at(file, "youtube", id, "a YouTube video would make every reader's browser contact YouTube".into())
                        .with_help("host the video file beside index.md (`file: video.webm`), or add `allow_third_party: [youtube]` to site.yaml if the team accepts that"),
                );
            }
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                problems.push(
                    error_at(
                        file,
                        "youtube",
                        id,
                        format!("`{id}` is not a YouTube video id"),
                    )
                    .with_help("use the id from the video's address, e.g. dQw4w9WgXcQ"),
                );
            }
            Video::Youtube { id: id.clone() }
        }
        _ => {
            problems.push(
                error_at(
                    file,
                    "video",
                    "",
                    "the video needs exactly one of `file` and `youtube`".into(),
                )
                .with_help("e.g. `video: { file: video.webm, duration: \"00:12:34\" }`"),
            );
            Video::File {
                name: String::new(),
                path: PathBuf::new(),
            }
        }
    };
    let poster = meta.video.poster.as_ref().and_then(|name| {
        let lower = name.to_ascii_lowercase();
        if !(lower.ends_with(".jpg") || lower.ends_with(".jpeg") || lower.ends_with(".png")) {
            problems.push(
                error_at(
                    file,
                    "poster",
                    name,
                    format!("`{name}` is not a JPEG or PNG picture"),
                )
                .with_help("use a .jpg or .png poster; it is re-encoded without its metadata"),
            );
            return None;
        }
        file_of("poster", name, problems).map(|p| (name.clone(), p))
    });

    // Captions: one parsed WebVTT file per language.
    let mut captions = Vec::new();
    for (lang, name) in &meta.captions {
        if config.language(lang).is_none() {
            problems.push(
                error_at(
                    file,
                    "captions",
                    lang,
                    format!("language `{lang}` is not in site.yaml"),
                )
                .with_help(
                    "list captions only for the site's languages, or add the language to site.yaml",
                ),
            );
            continue;
        }
        let Some(path) = file_of("captions", name, problems) else {
            continue;
        };
        let rel = file.source.path.with_file_name(name);
        let text = std::fs::read(&path)
            .map_err(|err| Diagnostic::error(format!("cannot read the file: {err}")).in_file(&rel))
            .and_then(|bytes| crate::content::decode(&rel, bytes));
        let text = match text {
            Ok(text) => text,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let vtt_source = SourceText::new(rel.clone(), text);
        match webvtt::parse(&vtt_source) {
            Ok(parsed) => {
                if let Some(end) = parsed.last_end()
                    && duration.0 > 0
                    && end > duration
                {
                    let last = parsed.cues.last().map_or(1, |c| c.line);
                    let offset = vtt_source.line_offset(last);
                    problems.push(
                        Diagnostic::error(format!(
                            "the captions run until {}, past the end of the video ({})",
                            end.to_display(),
                            duration.to_display()
                        ))
                        .with_help("check the cue times, or the video's `duration` in index.md")
                        .at(&vtt_source, offset..offset),
                    );
                }
                captions.push(CaptionTrack {
                    lang: lang.clone(),
                    path: rel,
                    captions: parsed,
                });
            }
            Err(found) => problems.extend(found),
        }
    }

    // Segments: in order, within the video.
    let mut segments: Vec<Segment> = Vec::new();
    let mut segment_titles = Vec::new();
    for (index, segment) in meta.segments.iter().enumerate() {
        let Some(start) = Timestamp::parse(&segment.at) else {
            problems.push(
                segment_error(
                    file,
                    index,
                    &segment.at,
                    format!("`{}` is not a time", segment.at),
                )
                .with_help("write segment times as HH:MM:SS, e.g. \"00:01:10\" (with quotes)"),
            );
            continue;
        };
        if let Some(previous) = segments.last()
            && start <= previous.start
        {
            problems.push(
                segment_error(
                    file,
                    index,
                    &segment.at,
                    format!(
                        "segments must be in time order, but this one ({}) does not start after the one before it ({})",
                        start.to_display(),
                        previous.start.to_display()
                    ),
                )
                .with_help(
                    "list segments in the order they appear in the video, each at a later time",
                ),
            );
        }
        if duration.0 > 0 && start >= duration {
            problems.push(
                segment_error(
                    file,
                    index,
                    &segment.at,
                    format!(
                        "the segment at {} starts after the end of the video ({})",
                        start.to_display(),
                        duration.to_display()
                    ),
                )
                .with_help("check the time, or the video's `duration`"),
            );
        }
        for id in &segment.themes {
            if check_theme(file, "themes", id, theme_ids, problems) && !themes.contains(id) {
                themes.push(id.clone());
            }
        }
        segments.push(Segment {
            start,
            end: duration,
            themes: segment
                .themes
                .iter()
                .filter(|id| theme_ids.contains(*id))
                .cloned()
                .collect(),
        });
        segment_titles.push(segment.title.clone());
    }
    for i in 1..segments.len() {
        let next = segments[i].start;
        segments[i - 1].end = next.max(segments[i - 1].start);
    }

    let source_body = &file.source.text[body.clone()];
    let hash = fingerprint(
        [
            meta.title.as_str(),
            meta.summary.as_str(),
            meta.statement.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .chain(segment_titles.iter().map(String::as_str))
        .chain([source_body]),
    );
    let text = StoryText {
        body_html: resolver.render(file, body, problems),
        title: meta.title,
        summary: meta.summary,
        statement: meta.statement,
        segment_titles: segment_titles.clone(),
    };
    let mut texts = new_texts(file, text, hash);
    for t in translations {
        let Meta::StoryTranslation(tmeta) = t.meta else {
            continue;
        };
        let mut titles = segment_titles.clone();
        for translated in &tmeta.segments {
            let position = Timestamp::parse(&translated.at)
                .and_then(|at| segments.iter().position(|s| s.start == at));
            match position {
                Some(i) => titles[i] = translated.title.clone(),
                None => problems.push(
                    error_at(
                        &t.file,
                        "at",
                        &translated.at,
                        format!("the source has no segment at `{}`", translated.at),
                    )
                    .with_help(format!(
                        "segment times in a translation must match those in {}",
                        crate::diagnostic::display_path(&file.source.path)
                    )),
                ),
            }
        }
        let text = StoryText {
            body_html: resolver.render(&t.file, t.body, problems),
            title: tmeta.title,
            summary: tmeta.summary,
            statement: tmeta.statement.or_else(|| texts.source.statement.clone()),
            segment_titles: titles,
        };
        add_translation(&mut texts, &t.file, text, tmeta.source_hash);
    }

    Story {
        slug: slug.to_string(),
        pseudonym: meta.pseudonym,
        example: meta.example,
        origin,
        joined: meta.joined,
        left: meta.left,
        interviewed,
        themes,
        video,
        poster,
        duration,
        captions,
        segments,
        warnings: meta.warnings,
        texts,
    }
}

/// `YYYY-MM-DD` as a valid calendar date.
fn parse_date(text: &str) -> Option<(i32, u8, u8)> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1..=days).contains(&day) && (1900..=2100).contains(&year)).then_some((year, month, day))
}
