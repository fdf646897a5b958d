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
use crate::content::{Content, Kind, ReadText, SourceFile};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceText, closest};
use crate::frontmatter::{self, yaml::Node, yaml::Step};
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
    /// The translation says `status: draft`: it is only here in a preview with drafts.
    pub draft: bool,
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
    /// The source says `status: draft`, so the whole page (story, theme, page or home) is a
    /// draft: it is only here in a preview with drafts ([`Drafts::Shown`]).
    pub draft: bool,
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
    /// The text shown is a draft (the page's source, or this translation): the page carries
    /// a banner saying it is not published.
    pub draft: bool,
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
                draft: self.draft || translation.draft,
            });
        }
        if self.source_lang == lang || policy == MissingTranslation::Fallback {
            return Some(Localized {
                text: &self.source,
                lang: &self.source_lang,
                fallback: self.source_lang != lang,
                stale: false,
                draft: self.draft,
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
    /// The front matter as read, with the place of every key and value.
    fields: Node,
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

fn parse_file(file: SourceFile) -> Result<Parsed, Vec<Diagnostic>> {
    let split = frontmatter::split(&file.source).map_err(|d| vec![d])?;
    let range = split.yaml.clone();
    fn yaml<T: DeserializeOwned>(
        file: &SourceFile,
        range: Range<usize>,
        wrap: impl FnOnce(T) -> Meta,
    ) -> Result<(Meta, Node), Vec<Diagnostic>> {
        frontmatter::read(&file.source, range).map(|(meta, fields)| (wrap(meta), fields))
    }
    let (meta, fields) = match (&file.kind, file.is_source) {
        (Kind::Home | Kind::Page { .. }, true) => yaml(&file, range, Meta::Page)?,
        (Kind::Home | Kind::Page { .. }, false) => yaml(&file, range, Meta::PageTranslation)?,
        (Kind::Theme { .. }, true) => yaml(&file, range, Meta::Theme)?,
        (Kind::Theme { .. }, false) => yaml(&file, range, Meta::ThemeTranslation)?,
        (Kind::Story { .. }, true) => yaml(&file, range, |m| Meta::Story(Box::new(m)))?,
        (Kind::Story { .. }, false) => yaml(&file, range, Meta::StoryTranslation)?,
    };
    Ok(Parsed {
        file,
        meta,
        fields,
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

/// Whether pages, themes, stories and translations that say `status: draft` are part of the
/// assembled site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Drafts {
    /// Checked, then left out: what `build` and `check` always do.
    #[default]
    Withheld,
    /// Kept, and marked (`Texts::draft`, `Translation::draft`), so that `serve --drafts` renders,
    /// lists and links them like published pages, with a banner. A draft with an error of its
    /// own is still left out: what is broken in it (a missing video) would break the preview.
    Shown,
}

/// Parses and assembles the site, leaving drafts out. Every problem is collected; the site is
/// returned only if there are no errors (warnings are returned either way).
pub fn assemble(config: Config, content: Content) -> (Option<Site>, Diagnostics) {
    assemble_with(config, content, Drafts::Withheld)
}

/// [`assemble`], with drafts left out or kept as `drafts` says.
pub fn assemble_with(
    config: Config,
    content: Content,
    drafts: Drafts,
) -> (Option<Site>, Diagnostics) {
    // Whether a parsed file is part of the site: a draft only in a preview with drafts.
    let kept = |meta: &Meta| drafts == Drafts::Shown || !meta.is_draft();
    let mut problems = Diagnostics::new();
    let all_kinds: BTreeSet<Kind> = content
        .files
        .iter()
        .filter(|f| f.is_source)
        .map(|f| f.kind.clone())
        .collect();
    type Read = (Option<Kind>, Result<Parsed, Vec<Diagnostic>>);
    let results: Vec<Read> = content
        .files
        .into_par_iter()
        .map(|file| (file.is_source.then(|| file.kind.clone()), parse_file(file)))
        .collect();
    let mut parsed = Vec::new();
    // Sources that could not be read: their translations are left out quietly (the source
    // has its own error). Drafts are checked like everything else and, unless they are
    // shown, left out at the end.
    let mut withheld: BTreeSet<Kind> = BTreeSet::new();
    for (source_kind, result) in results {
        match result {
            Ok(p) => parsed.push(p),
            Err(found) => {
                withheld.extend(source_kind);
                problems.extend(found);
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
    // A draft is no page to link to: a link to it would lead nowhere once published. In a
    // preview with drafts it is there, so the link is followed as it will be once both are.
    let link_targets: HashMap<String, Kind> = complete
        .iter()
        .filter(|(_, source, _)| kept(&source.meta))
        .map(|(kind, source, _)| (content_link(&source.file.source.path), kind.clone()))
        .collect();
    let languages_of: HashMap<Kind, BTreeSet<String>> = complete
        .iter()
        .map(|(kind, source, translations)| {
            let langs = std::iter::once(source)
                .chain(translations.iter().filter(|t| kept(&t.meta)))
                .map(|p| p.file.lang.clone())
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
        drafts,
    };

    // Every theme file counts, broken or draft: a story naming it is not wrong for that.
    let theme_ids: BTreeSet<String> = all_kinds
        .iter()
        .filter_map(|kind| match kind {
            Kind::Theme { id } => Some(id.clone()),
            _ => None,
        })
        .collect();

    let assembled: Vec<(Option<Item>, Vec<Diagnostic>)> = complete
        .into_par_iter()
        .map(|(kind, source, translations)| {
            let mut problems = Vec::new();
            let draft = source.meta.is_draft();
            let item = build_item(
                &kind,
                source,
                translations,
                &resolver,
                &theme_ids,
                &Folders {
                    files: &content.story_files,
                    texts: &content.story_texts,
                },
                &mut problems,
            );
            // A draft is checked, so that it is ready when it is published, but never built;
            // what is wrong in it is a warning, so that a story begun with `testimony new`
            // (whose video is not there yet) does not stop the rest of the site from building.
            // In a preview with drafts, a draft without errors is kept; one with errors is left
            // out still, as what is broken in it (a missing file) would break the preview.
            let broken = problems
                .iter()
                .any(|p| p.severity == crate::diagnostic::Severity::Error);
            if draft {
                let what = match drafts {
                    Drafts::Withheld => "so the build goes on; fix this before publishing it",
                    Drafts::Shown => {
                        "so the build goes on without it; fix this to see it in the preview, and before publishing it"
                    }
                };
                for problem in &mut problems {
                    problem.severity = crate::diagnostic::Severity::Warning;
                    let help = problem.help.take().unwrap_or_default();
                    problem.help = Some(format!(
                        "{help}{}this page is a draft, {what}",
                        if help.is_empty() { "" } else { ". " }
                    ));
                }
            }
            let keep = !draft || (drafts == Drafts::Shown && !broken);
            let item = item.filter(|_| keep).map(|mut item| {
                item.mark_draft(draft);
                item
            });
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

impl Item {
    /// Marks the item as a draft (or not), as its source says.
    fn mark_draft(&mut self, draft: bool) {
        match self {
            Item::Home(texts) => texts.draft = draft,
            Item::Page(page) => page.texts.draft = draft,
            Item::Theme(theme) => theme.texts.draft = draft,
            Item::Story(story) => story.texts.draft = draft,
        }
    }
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
    /// Whether draft translations are kept (and links to drafts resolve).
    drafts: Drafts,
}

impl Resolver<'_> {
    /// Whether a translation with this status is part of the site.
    fn keeps(&self, status: Status) -> bool {
        status != Status::Draft || self.drafts == Drafts::Shown
    }
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

/// The files of every story's folder as `content` found them, by slug.
struct Folders<'a> {
    files: &'a BTreeMap<String, BTreeMap<String, PathBuf>>,
    texts: &'a BTreeMap<String, BTreeMap<String, ReadText>>,
}

impl Folders<'_> {
    fn of(&self, slug: &str) -> StoryFolder {
        StoryFolder {
            files: self.files.get(slug).cloned().unwrap_or_default(),
            texts: self.texts.get(slug).cloned().unwrap_or_default(),
        }
    }
}

/// One story's folder: the files beside its Markdown by name (with their full paths), and the
/// text of those that were read while loading (its caption files).
struct StoryFolder {
    files: BTreeMap<String, PathBuf>,
    texts: BTreeMap<String, ReadText>,
}

fn build_item(
    kind: &Kind,
    source: Parsed,
    translations: Vec<Parsed>,
    resolver: &Resolver,
    theme_ids: &BTreeSet<String>,
    folders: &Folders,
    problems: &mut Vec<Diagnostic>,
) -> Option<Item> {
    let Parsed {
        file,
        meta,
        fields,
        body,
    } = source;
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
                    if resolver.keeps(meta.status) {
                        add_translation(&mut texts, &t.file, text, meta.source_hash, meta.status);
                    }
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
                    if resolver.keeps(meta.status) {
                        add_translation(&mut texts, &t.file, text, meta.source_hash, meta.status);
                    }
                }
            }
            Some(Item::Theme(Theme {
                id: id.clone(),
                order: meta.order,
                texts,
            }))
        }
        (Kind::Story { slug }, Meta::Story(meta)) => {
            let folder = folders.of(slug);
            let doc = Doc {
                file: &file,
                fields: &fields,
            };
            let story = build_story(
                slug,
                &doc,
                *meta,
                body,
                translations,
                resolver,
                theme_ids,
                &folder,
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
        // Set by `assemble_with` from the source's status, once the item is built.
        draft: false,
    }
}

fn add_translation<T>(
    texts: &mut Texts<T>,
    file: &SourceFile,
    text: T,
    source_hash: Option<String>,
    status: Status,
) {
    let stale = source_hash.as_ref().is_some_and(|h| *h != texts.hash);
    texts.translations.insert(
        file.lang.clone(),
        Translation {
            text,
            stale,
            source_hash,
            path: file.source.path.clone(),
            draft: status == Status::Draft,
        },
    );
}

/// A parsed file with its front matter tree, to point messages at a key or value.
struct Doc<'a> {
    file: &'a SourceFile,
    fields: &'a Node,
}

impl Doc<'_> {
    /// The place of the value at `path` in the front matter: the value itself, or its key
    /// when it is empty, or the deepest part of the path that exists.
    fn span(&self, path: &[Step]) -> Range<usize> {
        let mut node = self.fields;
        let mut best = node.span.start..node.span.start;
        for step in path {
            let next = match step {
                Step::Key(key) => node.entry(key).map(|(key, value)| {
                    let span = if value.is_null() {
                        key.span.clone()
                    } else {
                        value.span.clone()
                    };
                    (value, span)
                }),
                Step::Index(i) => node.item(*i).map(|value| (value, value.span.clone())),
            };
            match next {
                Some((value, span)) => {
                    node = value;
                    best = span;
                }
                None => break,
            }
        }
        best
    }

    fn error(&self, path: &[Step], message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(&self.file.source, self.span(path))
    }
}

/// The caption files of a story: those listed under `captions:`, and every
/// `captions.<lang>.vtt` beside it in one of the site's languages that the list leaves out (a
/// file named so is meant to be used). A `captions.<code>.vtt` in a language the site does not
/// have is reported, not silently left behind.
fn caption_files(
    listed: &BTreeMap<String, String>,
    files: &BTreeMap<String, PathBuf>,
    config: &Config,
    doc: &Doc,
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, String> {
    let mut captions = listed.clone();
    let used: BTreeSet<&str> = listed.values().map(String::as_str).collect();
    for name in files.keys() {
        let Some(lang) = name
            .strip_prefix("captions.")
            .and_then(|rest| rest.strip_suffix(".vtt"))
        else {
            continue;
        };
        if used.contains(name.as_str()) || captions.contains_key(lang) {
            continue;
        }
        if config.language(lang).is_some() {
            captions.insert(lang.to_string(), name.clone());
        } else {
            problems.push(
                Diagnostic::warning(format!(
                    "`{name}` is not used: `{lang}` is not one of the site's languages"
                ))
                .with_help(format!(
                    "add `{lang}` to `languages` in site.yaml, or rename the file to captions.<lang>.vtt with one of the site's languages"
                ))
                .in_file(doc.file.source.path.with_file_name(name)),
            );
        }
    }
    captions
}

/// A warning for each file in a story's folder that the story does not use: it is not
/// published, and the editor should know (a misspelt name, a caption file in a language
/// the site does not have, notes left beside the video).
fn unused_files(
    doc: &Doc,
    files: &BTreeMap<String, PathBuf>,
    video: &Video,
    poster: &Option<(String, PathBuf)>,
    captions: &[CaptionTrack],
) -> Vec<Diagnostic> {
    let mut used: BTreeSet<&str> = BTreeSet::new();
    if let Video::File { name, .. } = video {
        used.insert(name);
    }
    if let Some((name, _)) = poster {
        used.insert(name);
    }
    let caption_names: Vec<String> = captions
        .iter()
        .filter_map(|c| c.path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    used.extend(caption_names.iter().map(String::as_str));
    files
        .keys()
        .filter(|name| !used.contains(name.as_str()))
        // Caption files in a language the site lacks have their own warning.
        .filter(|name| !(name.starts_with("captions.") && name.ends_with(".vtt")))
        .map(|name| {
            Diagnostic::warning(format!(
                "`{name}` is not used by the story, so it is not published"
            ))
            .with_help("refer to it in index.md (`video:`, `poster:` or `captions:`), or move it out of content/ if it is not meant for the site")
            .in_file(doc.file.source.path.with_file_name(name))
        })
        .collect()
}

/// The captions rule: a caption file parses as WebVTT, and its last cue ends within the video
/// (when the video's duration is known). Captions that run past the end are reported at their
/// last cue and kept, so that the other problems of the file are found in the same run.
fn caption_track(
    lang: &str,
    source: &Arc<SourceText>,
    duration: Timestamp,
    problems: &mut Vec<Diagnostic>,
) -> Option<CaptionTrack> {
    match webvtt::parse(source) {
        Ok(parsed) => {
            if let Some(end) = parsed.last_end()
                && duration.0 > 0
                && end > duration
            {
                let last = parsed.cues.last().map_or(1, |c| c.line);
                let offset = source.line_offset(last);
                problems.push(
                    Diagnostic::error(format!(
                        "the captions run until {}, past the end of the video ({})",
                        end.to_display(),
                        duration.to_display()
                    ))
                    .with_help("check the cue times, or the video's `duration` in index.md")
                    .at(source, offset..offset),
                );
            }
            Some(CaptionTrack {
                lang: lang.to_string(),
                path: source.path.clone(),
                captions: parsed,
            })
        }
        Err(found) => {
            problems.extend(found);
            None
        }
    }
}

/// A translation's segment titles, in the source's segment order. A translated segment is
/// matched to the source's by its `id` when it has one, otherwise by its position in the
/// list, so that re-timing a segment in the source does not break its translations (the
/// source's fingerprint covers the segment list, so they are marked stale instead). A
/// segment the translation leaves out keeps the source's title.
fn translated_segment_titles(
    source_titles: &[String],
    source_ids: &[Option<String>],
    translated: &[SegmentTranslationMeta],
    tdoc: &Doc,
    source: &SourceFile,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut titles = source_titles.to_vec();
    let source_path = crate::diagnostic::display_path(&source.source.path);
    for (index, segment) in translated.iter().enumerate() {
        let target = match &segment.id {
            Some(id) => {
                let found = source_ids
                    .iter()
                    .position(|s| s.as_deref() == Some(id.as_str()));
                if found.is_none() {
                    problems.push(
                        tdoc.error(
                            &[Step::Key("segments"), Step::Index(index), Step::Key("id")],
                            format!("the source has no segment with the id `{id}`"),
                        )
                        .with_help(format!(
                            "use the `id` of one of the segments in {source_path}, or remove `id` to match segments by their order"
                        )),
                    );
                }
                found
            }
            None if index < titles.len() => Some(index),
            None => {
                problems.push(
                    tdoc.error(
                        &[Step::Key("segments"), Step::Index(index)],
                        format!(
                            "this translation has more segments than its source ({})",
                            titles.len()
                        ),
                    )
                    .with_help(format!(
                        "translated segments are matched to those of {source_path} in order: remove this one, or add the segment to the source"
                    )),
                );
                None
            }
        };
        if let Some(i) = target {
            titles[i] = segment.title.clone();
        }
    }
    titles
}

fn check_theme(
    doc: &Doc,
    path: &[Step],
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
    problems.push(
        doc.error(path, format!("unknown theme `{id}`"))
            .with_help(help),
    );
    false
}

#[allow(clippy::too_many_arguments)]
fn build_story(
    slug: &str,
    doc: &Doc,
    meta: StoryMeta,
    body: Range<usize>,
    translations: Vec<Parsed>,
    resolver: &Resolver,
    theme_ids: &BTreeSet<String>,
    folder: &StoryFolder,
    problems: &mut Vec<Diagnostic>,
) -> Story {
    let files = &folder.files;
    let config = resolver.config;
    let file = doc.file;
    let mut themes: Vec<String> = Vec::new();
    for (i, id) in meta.themes.iter().enumerate() {
        let path = [Step::Key("themes"), Step::Index(i)];
        if check_theme(doc, &path, id, theme_ids, problems) && !themes.contains(id) {
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
            doc.error(&[Step::Key("origin")], format!("`{origin}` is not a country code"))
                .with_help("write the ISO 3166-1 two-letter code in capitals, e.g. SY for Syria, TN for Tunisia, GB for the United Kingdom"),
        );
    }
    for (key, year) in [("joined", meta.joined), ("left", meta.left)] {
        if let Some(year) = year
            && !(1980..=2100).contains(&year)
        {
            problems.push(
                doc.error(
                    &[Step::Key(key)],
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
            doc.error(
                &[Step::Key("left")],
                format!("`left` ({left}) is before `joined` ({joined})"),
            )
            .with_help("check both years"),
        );
    }
    let interviewed = meta.interviewed.as_deref().and_then(|text| {
        let date = parse_date(text);
        if date.is_none() {
            problems.push(
                doc.error(
                    &[Step::Key("interviewed")],
                    format!("`{text}` is not a date"),
                )
                .with_help("write the date as YYYY-MM-DD, e.g. 2016-03-14"),
            );
        }
        date
    });

    // The video and its duration.
    let duration = Timestamp::parse(&meta.video.duration).unwrap_or_else(|| {
        problems.push(
            doc.error(
                &[Step::Key("video"), Step::Key("duration")],
                format!("`{}` is not a duration", meta.video.duration),
            )
            .with_help("write the video's length as HH:MM:SS, e.g. \"00:12:34\" (with quotes)"),
        );
        Timestamp(0)
    });
    let file_of = |path: &[Step], name: &str, problems: &mut Vec<Diagnostic>| -> Option<PathBuf> {
        match files.get(name) {
            Some(path) => Some(path.clone()),
            None => {
                let help = match closest(name, files.keys().map(String::as_str)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("put the file in content/stories/{slug}/"),
                };
                problems.push(
                    doc.error(path, format!("`{name}` is not in the story's folder"))
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
                    doc.error(
                        &[Step::Key("video"), Step::Key("file")],
                        format!("`{name}` is not a WebM or MP4 video"),
                    )
                    .with_help("convert the video to .webm or .mp4, which every browser plays"),
                );
            }
            let path = file_of(&[Step::Key("video"), Step::Key("file")], name, problems)
                .unwrap_or_default();
            Video::File {
                name: name.clone(),
                path,
            }
        }
        (None, Some(id)) => {
            if !config.allows(ThirdParty::Youtube) {
                problems.push(
                    doc.error(&[Step::Key("video"), Step::Key("youtube")], "a YouTube video would make every reader's browser contact YouTube")
                        .with_help("host the video file beside index.md (`file: video.webm`), or add `allow_third_party: [youtube]` to site.yaml if the team accepts that"),
                );
            }
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                problems.push(
                    doc.error(
                        &[Step::Key("video"), Step::Key("youtube")],
                        format!("`{id}` is not a YouTube video id"),
                    )
                    .with_help("use the id from the video's address, e.g. dQw4w9WgXcQ"),
                );
            }
            Video::Youtube { id: id.clone() }
        }
        _ => {
            problems.push(
                doc.error(
                    &[Step::Key("video")],
                    "the video needs exactly one of `file` and `youtube`",
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
                doc.error(
                    &[Step::Key("video"), Step::Key("poster")],
                    format!("`{name}` is not a JPEG or PNG picture"),
                )
                .with_help("use a .jpg or .png poster; it is re-encoded without its metadata"),
            );
            return None;
        }
        file_of(&[Step::Key("video"), Step::Key("poster")], name, problems)
            .map(|p| (name.clone(), p))
    });

    // Captions: one parsed WebVTT file per language.
    let mut captions = Vec::new();
    for (lang, name) in &caption_files(&meta.captions, files, config, doc, problems) {
        let key = [Step::Key("captions"), Step::Key(lang.as_str())];
        if config.language(lang).is_none() {
            problems.push(
                doc.error(&key, format!("language `{lang}` is not in site.yaml"))
                .with_help(
                    "list captions only for the site's languages, or add the language to site.yaml",
                ),
            );
            continue;
        }
        if file_of(&key, name, problems).is_none() {
            continue;
        }
        // `content` read every `.vtt` of the folder; what it could not read is reported here,
        // where the file is known to be used, so an unused file gets one message, not two.
        let source = match folder.texts.get(name) {
            Some(Ok(source)) => source,
            Some(Err(problem)) => {
                problems.push(problem.clone());
                continue;
            }
            None => {
                problems.push(
                    doc.error(&key, format!("`{name}` is not a WebVTT caption file"))
                        .with_help("captions are WebVTT files ending in .vtt, e.g. captions.en.vtt: convert the file to WebVTT and name it so"),
                );
                continue;
            }
        };
        captions.extend(caption_track(lang, source, duration, problems));
    }

    // Segments: in order, within the video.
    let mut segments: Vec<Segment> = Vec::new();
    let mut segment_titles = Vec::new();
    let mut segment_ids: Vec<Option<String>> = Vec::new();
    for (index, segment) in meta.segments.iter().enumerate() {
        let at = [Step::Key("segments"), Step::Index(index), Step::Key("at")];
        let Some(start) = Timestamp::parse(&segment.at) else {
            problems.push(
                doc.error(&at, format!("`{}` is not a time", segment.at))
                    .with_help("write segment times as HH:MM:SS, e.g. \"00:01:10\" (with quotes)"),
            );
            continue;
        };
        if let Some(previous) = segments.last()
            && start <= previous.start
        {
            problems.push(
                doc.error(
                    &at,
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
                doc.error(
                    &at,
                    format!(
                        "the segment at {} starts after the end of the video ({})",
                        start.to_display(),
                        duration.to_display()
                    ),
                )
                .with_help("check the time, or the video's `duration`"),
            );
        }
        for (i, id) in segment.themes.iter().enumerate() {
            let path = [
                Step::Key("segments"),
                Step::Index(index),
                Step::Key("themes"),
                Step::Index(i),
            ];
            if check_theme(doc, &path, id, theme_ids, problems) && !themes.contains(id) {
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
        segment_ids.push(segment.id.clone());
    }
    for i in 1..segments.len() {
        let next = segments[i].start;
        segments[i - 1].end = next.max(segments[i - 1].start);
    }

    let source_body = &file.source.text[body.clone()];
    // The segment list (times and ids): re-timing or adding a segment makes translations stale.
    let segment_list: String = meta
        .segments
        .iter()
        .map(|s| format!("{}#{};", s.at.trim(), s.id.as_deref().unwrap_or("")))
        .collect();
    let hash = fingerprint(
        [
            meta.title.as_str(),
            meta.summary.as_str(),
            meta.statement.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .chain(segment_titles.iter().map(String::as_str))
        .chain([segment_list.as_str(), source_body]),
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
        let tdoc = Doc {
            file: &t.file,
            fields: &t.fields,
        };
        let titles = translated_segment_titles(
            &segment_titles,
            &segment_ids,
            &tmeta.segments,
            &tdoc,
            file,
            problems,
        );
        let text = StoryText {
            body_html: resolver.render(&t.file, t.body, problems),
            title: tmeta.title,
            summary: tmeta.summary,
            statement: tmeta.statement.or_else(|| texts.source.statement.clone()),
            segment_titles: titles,
        };
        if resolver.keeps(tmeta.status) {
            add_translation(&mut texts, &t.file, text, tmeta.source_hash, tmeta.status);
        }
    }

    problems.extend(unused_files(doc, files, &video, &poster, &captions));

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

#[cfg(test)]
mod tests {
    use super::*;

    fn vtt(text: &str) -> Arc<SourceText> {
        SourceText::new("content/stories/x/captions.en.vtt", text)
    }

    #[test]
    fn captions_within_the_video_make_a_track_and_no_problem() {
        let mut problems = Vec::new();
        let track = caption_track(
            "en",
            &vtt("WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n"),
            Timestamp(10_000),
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let track = track.expect("a track");
        assert_eq!(track.lang, "en");
        assert_eq!(
            track.path,
            PathBuf::from("content/stories/x/captions.en.vtt")
        );
        assert_eq!(track.captions.cues.len(), 1);
    }

    #[test]
    fn captions_past_the_end_of_the_video_are_reported_at_the_last_cue_and_kept() {
        let mut problems = Vec::new();
        let text = "WEBVTT\n\n00:01.000 --> 00:04.000\nHello.\n\n00:05.000 --> 00:12.500\nBye.\n";
        let track = caption_track("en", &vtt(text), Timestamp(10_000), &mut problems);
        assert!(track.is_some(), "the track is kept");
        let [problem] = problems.as_slice() else {
            panic!("one problem expected: {problems:?}");
        };
        assert_eq!(
            problem.message,
            "the captions run until 0:12, past the end of the video (0:10)"
        );
        let location = problem.location.as_ref().expect("a location");
        assert_eq!(
            (location.path.to_str(), location.line, location.column),
            (Some("content/stories/x/captions.en.vtt"), 6, 1)
        );
    }

    #[test]
    fn captions_are_not_measured_against_an_unknown_duration() {
        let mut problems = Vec::new();
        let text = "WEBVTT\n\n00:01.000 --> 01:00:00.000\nLong.\n";
        let track = caption_track("ar", &vtt(text), Timestamp(0), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(track.map(|t| t.lang), Some("ar".to_string()));
    }

    #[test]
    fn captions_that_are_not_webvtt_give_the_parser_s_problems_and_no_track() {
        let mut problems = Vec::new();
        let track = caption_track(
            "en",
            &vtt("1\n00:00:01,000 --> 00:00:04,000\nHello.\n"),
            Timestamp(10_000),
            &mut problems,
        );
        assert!(track.is_none());
        assert!(!problems.is_empty());
        assert!(problems.iter().all(|p| {
            p.location
                .as_ref()
                .is_some_and(|l| l.path.ends_with("captions.en.vtt") && l.line >= 1)
        }));
    }

    fn texts(draft: bool, translation_draft: Option<bool>) -> Texts<&'static str> {
        let mut translations = BTreeMap::new();
        if let Some(draft) = translation_draft {
            translations.insert(
                "fr".to_string(),
                Translation {
                    text: "fr",
                    stale: false,
                    source_hash: None,
                    path: PathBuf::from("content/about.fr.md"),
                    draft,
                },
            );
        }
        Texts {
            source: "en",
            source_lang: "en".into(),
            source_path: PathBuf::from("content/about.md"),
            hash: String::new(),
            translations,
            draft,
        }
    }

    fn draft_in(texts: &Texts<&'static str>, lang: &str) -> Option<bool> {
        texts
            .get(lang, MissingTranslation::Fallback)
            .map(|l| l.draft)
    }

    #[test]
    fn a_draft_translation_of_a_published_page_is_a_draft_in_its_language_only() {
        let texts = texts(false, Some(true));
        assert_eq!(draft_in(&texts, "fr"), Some(true));
        assert_eq!(draft_in(&texts, "en"), Some(false));
        // A language without a translation shows the published source.
        assert_eq!(draft_in(&texts, "ar"), Some(false));
    }

    #[test]
    fn every_language_of_a_draft_source_is_a_draft() {
        let texts = texts(true, Some(false));
        assert_eq!(draft_in(&texts, "en"), Some(true));
        assert_eq!(draft_in(&texts, "fr"), Some(true));
        assert_eq!(draft_in(&texts, "ar"), Some(true));
    }

    #[test]
    fn a_published_page_is_no_draft() {
        let texts = texts(false, Some(false));
        assert_eq!(draft_in(&texts, "en"), Some(false));
        assert_eq!(draft_in(&texts, "fr"), Some(false));
    }
}
