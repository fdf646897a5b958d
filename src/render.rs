//! Rendering: the assembled [`Site`] and the templates become files in memory, one job per
//! (page, language), in parallel. Rendering reads the site and writes nothing to disk.
//!
//! Templates receive typed data (the `*Context` structs below, serialized), never ad-hoc maps:
//! the structs are the contract between this module and `themes/<name>/templates/`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::{Direction, Language, MissingTranslation};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::{Formatter, Locales};
use crate::site::{Localized, Site, Story, Texts, Video};
use crate::urls::{Route, Urls};
use crate::webvtt;

/// A file of the output, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The language of a page or of a piece of text in it.
#[derive(Debug, Clone, Serialize)]
pub struct LangContext {
    /// The language code of site.yaml, for `lang` and `hreflang`: `ar`.
    pub code: String,
    /// The language's name in itself, for the switcher: `العربية`.
    pub name: String,
    /// The writing direction, for `dir`: `ltr` or `rtl`.
    pub dir: &'static str,
}

impl LangContext {
    fn of(language: &Language) -> Self {
        LangContext {
            code: language.code.clone(),
            name: language.name.clone(),
            dir: language.dir.as_str(),
        }
    }
}

/// A link to the same page in another language, for the switcher and hreflang.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// The other language.
    pub lang: LangContext,
    /// The same page in that language, from the site's root: `/ar/stories/x/`.
    pub url: String,
    /// Absolute URL, for `<link rel="alternate" hreflang>`.
    pub absolute_url: String,
    /// The page is written in that language (not a fallback): only those get hreflang.
    pub translated: bool,
    /// This is the language of the page being rendered.
    pub current: bool,
}

/// What every page gets.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    /// `home`, `page`, `stories`, `stories-from`, `story`, `themes`, `theme`, `statements`.
    pub kind: &'static str,
    /// The page's title (plain text, escaped by the template).
    pub title: String,
    /// A one-line summary for `<meta name="description">`, if the page has one.
    pub description: Option<String>,
    /// The page's own address, from the site's root: `/en/stories/x/`.
    pub url: String,
    /// The page's full address (scheme and host), for `<link rel="canonical">`.
    pub canonical: String,
    /// The language of the text shown, when it differs from the page's (a fallback).
    pub text_lang: LangContext,
    /// The text is the default language's, shown because there is no translation.
    pub is_fallback: bool,
    /// The translation is older than its source.
    pub is_stale: bool,
    /// The text shown is a draft (only ever in `serve --drafts`): the page says so in a banner.
    pub is_draft: bool,
    /// The same page in every language of the site, for the switcher and hreflang.
    pub alternates: Vec<Alternate>,
    /// `x-default` target: the page in the default language.
    pub default_url: String,
}

/// Site-wide values.
#[derive(Debug, Clone, Serialize)]
pub struct SiteContext {
    /// The site's title: the message `site-title` of this language, else `title` of site.yaml.
    pub title: String,
    /// The site's root address (`/` or the base_url's path, e.g. `/testimony/`).
    pub root_url: String,
    /// Every language of the site, in the order of site.yaml.
    pub languages: Vec<LangContext>,
    /// The default language's code.
    pub default_language: String,
    /// Links of the main navigation, in this language.
    pub home_url: String,
    /// The list of all stories.
    pub stories_url: String,
    /// The list of all themes.
    pub themes_url: String,
    /// The page gathering the statements.
    pub statements_url: String,
    /// The `about` page, when the site has `content/about.md`.
    pub about_url: Option<String>,
    /// The site theme's `static/style.css`, with `?v=<hash>` so that browsers fetch a changed file.
    pub css_url: String,
    /// The site theme's `static/site.js`, with `?v=<hash>`.
    pub js_url: String,
}

/// A theme in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeLink {
    /// The theme's id, its file name: `motivations`.
    pub id: String,
    /// The theme's title, in `lang`.
    pub title: String,
    /// One paragraph about the theme (plain text).
    pub summary: String,
    /// The theme's page in this language.
    pub url: String,
    /// The language of the title and summary (differs from the page's when a fallback).
    pub lang: LangContext,
    /// How many stories speak to the theme.
    pub story_count: usize,
    /// How many of their segments are about the theme.
    pub segment_count: usize,
}

/// A story in a list.
#[derive(Debug, Clone, Serialize)]
pub struct StoryCard {
    /// The story's folder name, in its address.
    pub slug: String,
    /// The story's page in this language.
    pub url: String,
    /// The story's title (plain text).
    pub title: String,
    /// The narrator's pseudonym: the only name of them ever shown.
    pub pseudonym: String,
    /// One paragraph about the story (plain text).
    pub summary: String,
    /// The story is fictional example content, and the page must say so.
    pub example: bool,
    /// The country the narrator came from.
    pub origin: Country,
    /// `2014–2015` (joined–left), or only the year joined, formatted in the page's language.
    pub years: Option<String>,
    /// The poster picture's address, if the story has one.
    pub poster_url: Option<String>,
    /// The video's length: `12:34` or `1:02:03`.
    pub duration: String,
    /// The language of the title and summary (differs from the page's when a fallback).
    pub lang: LangContext,
    /// The title and summary are the default language's: there is no translation.
    pub is_fallback: bool,
    /// The ids of the story's themes.
    pub themes: Vec<String>,
}

/// A country, as shown in the page's language.
#[derive(Debug, Clone, Serialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code: `SY`.
    pub code: String,
    /// The country's name in the page's language.
    pub name: String,
    /// The list of stories from this country, in this language.
    pub url: String,
}

/// A segment of a story, as listed on the story page and on theme pages.
#[derive(Debug, Clone, Serialize)]
pub struct SegmentContext {
    /// The segment's title (plain text).
    pub title: String,
    /// The language of the title (differs from the page's when a fallback).
    pub lang: LangContext,
    /// Where the segment starts in the video, in whole seconds.
    pub start_seconds: u64,
    /// Where it ends: the next segment's start, or the end of the video.
    pub end_seconds: u64,
    /// `1:10`
    pub start_display: String,
    /// `2:05`
    pub end_display: String,
    /// The story's address with a media fragment: `/en/stories/x/#t=70`.
    pub url: String,
    /// The themes the segment speaks to.
    pub themes: Vec<ThemeRef>,
    /// On theme pages: the story it belongs to.
    pub story: Option<StoryRef>,
}

/// A link to a theme.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeRef {
    /// The theme's id.
    pub id: String,
    /// The theme's title in the page's language (or its fallback).
    pub title: String,
    /// The theme's page in this language.
    pub url: String,
}

/// A link to a story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRef {
    /// The story's title (plain text).
    pub title: String,
    /// The narrator's pseudonym.
    pub pseudonym: String,
    /// The story's page in this language.
    pub url: String,
    /// The language of the title.
    pub lang: LangContext,
}

/// A caption track of the video.
#[derive(Debug, Clone, Serialize)]
pub struct TrackContext {
    /// The captions' language, for `srclang` and the track's label.
    pub lang: LangContext,
    /// The caption file's address (a `.vtt` re-written from the parsed captions).
    pub url: String,
    /// Selected by default: the page's language, else the default language.
    pub default: bool,
}

/// One line of the transcript.
#[derive(Debug, Clone, Serialize)]
pub struct CueContext {
    /// Where the cue starts in the video, in seconds (with milliseconds), for seeking.
    pub start_seconds: f64,
    /// `1:10`
    pub start_display: String,
    /// The cue's text, plain (markup of the caption file removed; escaped by the template).
    pub text: String,
}

/// The transcript shown under the video, readable without JavaScript.
#[derive(Debug, Clone, Serialize)]
pub struct TranscriptContext {
    /// The language of the captions it is made of.
    pub lang: LangContext,
    /// The transcript is in another language than the page (no captions in the page's).
    pub is_fallback: bool,
    /// Every cue of those captions, in time order.
    pub cues: Vec<CueContext>,
}

/// The video of a story.
#[derive(Debug, Clone, Serialize)]
pub struct VideoContext {
    /// `file` or `youtube`.
    pub kind: &'static str,
    /// For a file: the video's address.
    pub src: Option<String>,
    /// For a file: `video/mp4` or `video/webm`.
    pub mime: Option<&'static str>,
    /// For YouTube: the video's id.
    pub youtube_id: Option<String>,
    /// The poster picture's address, if any.
    pub poster_url: Option<String>,
    /// The video's length in whole seconds.
    pub duration_seconds: u64,
    /// The video's length: `12:34`.
    pub duration_display: String,
    /// For a file with segments: the chapters track (one cue per segment) in this language.
    pub chapters_url: Option<String>,
}

/// A content warning of a story.
#[derive(Debug, Clone, Serialize)]
pub struct WarningContext {
    /// The content warning's id (`violence`, ...); its text is `t(key="warning-" ~ id)`.
    pub id: &'static str,
}

/// Everything a story page shows.
#[derive(Debug, Clone, Serialize)]
pub struct StoryContext {
    /// Every field of [`StoryCard`], at the top level of `story` (`story.title`, ...).
    #[serde(flatten)]
    pub card: StoryCard,
    /// The story's text, Markdown already made HTML: print it with `| safe`.
    pub body_html: String,
    /// What the narrator says to those who might join (plain text).
    pub statement: Option<String>,
    /// The date of the interview, formatted in the page's language.
    pub interviewed: Option<String>,
    /// `2014`, `2015`, formatted in the page's language.
    pub joined: Option<String>,
    /// The year the narrator left, formatted in the page's language.
    pub left: Option<String>,
    /// The story's themes, as links.
    pub theme_links: Vec<ThemeRef>,
    /// The video to play.
    pub video: VideoContext,
    /// The caption tracks, one per language that has captions.
    pub tracks: Vec<TrackContext>,
    /// The time-coded segments, in order.
    pub segments: Vec<SegmentContext>,
    /// The transcript, from the captions in the page's language (or a fallback).
    pub transcript: Option<TranscriptContext>,
    /// The content warnings; the player is gated behind them.
    pub warnings: Vec<WarningContext>,
    /// Up to three other stories sharing themes with this one.
    pub related: Vec<StoryCard>,
    /// schema.org VideoObject with Clips, serialized and safe inside `<script>`.
    pub json_ld: String,
}

/// Everything a theme page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ThemeContext {
    /// Every field of [`ThemeLink`], at the top level of `theme` (`theme.title`, ...).
    #[serde(flatten)]
    pub link: ThemeLink,
    /// The theme's text, Markdown already made HTML: print it with `| safe`.
    pub body_html: String,
    /// The stories that speak to the theme.
    pub stories: Vec<StoryCard>,
    /// Their segments about the theme, each with its story.
    pub segments: Vec<SegmentContext>,
}

/// A statement, on the statements page.
#[derive(Debug, Clone, Serialize)]
pub struct StatementContext {
    /// The statement (plain text).
    pub text: String,
    /// The language it is shown in.
    pub lang: LangContext,
    /// The story it comes from.
    pub story: StoryRef,
}

/// The data of one page's template.
#[derive(Debug, Clone, Serialize)]
pub struct Context<'a> {
    /// Site-wide values, the same on every page of a language.
    pub site: &'a SiteContext,
    /// The page's language: put `lang.code` and `lang.dir` on `<html>`.
    pub lang: &'a LangContext,
    /// What every page gets: title, addresses, alternates.
    pub page: PageContext,
    /// Home and plain pages: their text, already HTML (`| safe`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body_html: Option<String>,
    /// `story.html`: the story shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryContext>,
    /// `theme.html`: the theme shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub theme: Option<ThemeContext>,
    /// Home and `stories.html`: the stories listed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<StoryCard>,
    /// Home, `stories.html`, `themes.html` and `theme.html`: every theme, as links.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<ThemeLink>,
    /// `statements.html`: every statement.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<StatementContext>,
    /// `stories.html`: the countries stories come from, for filtering.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Country>,
    /// `stories.html` for one country (`/<lang>/stories/from/<code>/`): that country.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
}

/// The templates of a site's look, loaded once.
pub struct Templates {
    tera: tera::Tera,
}

impl Templates {
    /// Loads every `*.html` template under `themes/<site_theme>/templates/`.
    pub fn load(root: &Path, site_theme: &str) -> Result<Templates, Diagnostics> {
        let dir = root.join("themes").join(site_theme).join("templates");
        let rel = Path::new("themes").join(site_theme).join("templates");
        if !dir.is_dir() {
            return Err(Diagnostics::from_iter([Diagnostic::error(format!(
                "the site theme `{site_theme}` has no templates folder"
            ))
            .with_help(format!(
                "create {}/ with the templates, or set `site_theme` in site.yaml to a folder under themes/",
                crate::diagnostic::display_path(&rel)
            ))
            .in_file(crate::config::CONFIG_FILE)]));
        }
        let mut problems = Diagnostics::new();
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let name = crate::diagnostic::display_path(
                        entry.path().strip_prefix(&dir).unwrap_or(entry.path()),
                    );
                    let file_rel = rel.join(&name);
                    match std::fs::read(entry.path())
                        .map_err(|e| {
                            Diagnostic::error(format!("cannot read the template: {e}"))
                                .in_file(&file_rel)
                        })
                        .and_then(|b| crate::content::decode(&file_rel, b))
                    {
                        Ok(text) => files.push((name, text)),
                        Err(d) => problems.push(d),
                    }
                }
                Ok(_) => {}
                Err(err) => problems.push(
                    Diagnostic::error(format!("cannot read the templates: {err}")).in_file(&rel),
                ),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_filter("isolate", isolate_filter);
        if let Err(err) =
            tera.add_raw_templates(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            return Err(Diagnostics::from_iter([template_error(&err, &rel)]));
        }
        Ok(Templates { tera })
    }
}

/// The `isolate` filter of the templates: see [`isolate`].
fn isolate_filter(
    value: &tera::Value,
    _: &HashMap<String, tera::Value>,
) -> tera::Result<tera::Value> {
    let text = tera::try_get_value!("isolate", "value", String, value);
    Ok(tera::Value::String(isolate(&text)))
}

/// Wraps a piece of user text in FIRST STRONG ISOLATE (U+2068) ... POP DIRECTIONAL ISOLATE
/// (U+2069), for the places where HTML cannot isolate it with an element and `dir`: the
/// `<title>` and `content` attributes of `<meta>`. Inside the isolate, the text takes the
/// direction of its first strong letter and cannot reorder what is around it: an Arabic title
/// next to ` · Testimony`, or a right-to-left override (U+202E) that would reverse the site's
/// name, both stay inside (the closing PDI ends every embedding and override opened after the
/// FSI). So that the text cannot close the isolate early with a PDI of its own, a PDI without an
/// isolate opened before it in the text is dropped, and isolates the text leaves open are
/// closed. Empty text stays empty.
fn isolate(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(text.len() + 6);
    out.push('\u{2068}');
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            // LRI, RLI, FSI
            '\u{2066}' | '\u{2067}' | '\u{2068}' => open += 1,
            '\u{2069}' if open == 0 => continue,
            '\u{2069}' => open -= 1,
            _ => {}
        }
        out.push(c);
    }
    out.extend(std::iter::repeat_n('\u{2069}', open + 1));
    out
}

/// Turns a Tera error, with its chain of causes (which hold the template's name, line and
/// column), into a diagnostic.
fn template_error(err: &tera::Error, dir: &Path) -> Diagnostic {
    let mut messages = vec![err.to_string()];
    let mut cause = std::error::Error::source(err);
    while let Some(c) = cause {
        messages.push(c.to_string());
        cause = c.source();
    }
    let text = messages.join("\n");
    // Tera names the template in quotes: "Failed to parse 'story.html'".
    let name = text.split('\'').nth(1).unwrap_or_default();
    let help = if !name.is_empty() && text.contains(&format!("Template '{name}' not found")) {
        format!(
            "add the template {}: the site theme needs it (the shipped one is in themes/default/templates/)",
            crate::diagnostic::display_path(&dir.join(name))
        )
    } else {
        "fix the template; Tera's message above gives the line and column (--> line:column)".into()
    };
    let mut diagnostic =
        Diagnostic::error(format!("template error: {}", text.replace('\n', "\n  ")))
            .with_help(help);
    let line_col = text.split("--> ").nth(1).and_then(|rest| {
        let mut it = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
    });
    if !name.is_empty() {
        let (line, column) = line_col.unwrap_or((1, 1));
        diagnostic = diagnostic.at_location(crate::diagnostic::Location {
            path: dir.join(name),
            line,
            column,
        });
    }
    diagnostic
}

/// Everything the render jobs share.
struct Renderer<'a> {
    site: &'a Site,
    tera_by_lang: BTreeMap<String, tera::Tera>,
    formatters: BTreeMap<String, Formatter>,
    site_contexts: BTreeMap<String, SiteContext>,
    locales: &'a Locales,
    templates_dir: std::path::PathBuf,
    /// Per (language, theme id): the stories shown in that language tagged with the theme,
    /// and their segments tagged with it. Counted once, shown on many pages.
    theme_counts: HashMap<(String, String), (usize, usize)>,
    related: Related,
}

/// What "related stories" are chosen from: the themes of every story as a bit set, and which
/// stories each language shows. Related stories are those sharing the most themes, then by
/// slug; choosing them is one pass of bit operations over the stories, with no allocation per
/// candidate, since every story page of every language does it.
struct Related {
    /// Per story (in `site.stories` order): bit `k` is set if it has `site.themes[k]`.
    themes: Vec<Vec<u64>>,
    /// Per story: its position in slug order, to break ties.
    slug_rank: Vec<u32>,
    /// Per language: whether each story has a page in it.
    shown: HashMap<String, Vec<bool>>,
}

impl Related {
    fn new(site: &Site) -> Self {
        let words = site.themes.len().div_ceil(64).max(1);
        let index: HashMap<&str, usize> = site
            .themes
            .iter()
            .enumerate()
            .map(|(k, theme)| (theme.id.as_str(), k))
            .collect();
        let themes = site
            .stories
            .iter()
            .map(|story| {
                let mut bits = vec![0u64; words];
                for k in story.themes.iter().filter_map(|id| index.get(id.as_str())) {
                    bits[k / 64] |= 1 << (k % 64);
                }
                bits
            })
            .collect();
        let mut by_slug: Vec<usize> = (0..site.stories.len()).collect();
        by_slug.sort_by(|&a, &b| site.stories[a].slug.cmp(&site.stories[b].slug));
        let mut slug_rank = vec![0u32; site.stories.len()];
        for (rank, &story) in by_slug.iter().enumerate() {
            slug_rank[story] = u32::try_from(rank).unwrap_or(u32::MAX);
        }
        let shown = site
            .config
            .languages
            .iter()
            .map(|language| {
                let shown = site
                    .stories
                    .iter()
                    .map(|s| {
                        s.texts
                            .get(&language.code, site.config.missing_translation)
                            .is_some()
                    })
                    .collect();
                (language.code.clone(), shown)
            })
            .collect();
        Related {
            themes,
            slug_rank,
            shown,
        }
    }

    /// Up to `count` stories shown in `lang` that share a theme with story `of`: most shared
    /// themes first, then by slug.
    fn top(&self, of: usize, lang: &str, count: usize) -> Vec<usize> {
        let Some(shown) = self.shown.get(lang) else {
            return Vec::new();
        };
        let mine = &self.themes[of];
        // (shared themes, slug rank, story), best first.
        let mut best: Vec<(u32, u32, usize)> = Vec::with_capacity(count + 1);
        for (other, bits) in self.themes.iter().enumerate() {
            if other == of || !shown[other] {
                continue;
            }
            let shared: u32 = mine
                .iter()
                .zip(bits)
                .map(|(a, b)| (a & b).count_ones())
                .sum();
            if shared == 0 {
                continue;
            }
            let rank = self.slug_rank[other];
            let better = |&(s, r, _): &(u32, u32, usize)| shared > s || (shared == s && rank < r);
            if best.len() == count && !best.last().is_some_and(better) {
                continue;
            }
            let at = best.iter().position(better).unwrap_or(best.len());
            best.insert(at, (shared, rank, other));
            best.truncate(count);
        }
        best.into_iter().map(|(_, _, story)| story).collect()
    }
}

/// One page to render.
#[derive(Debug, Clone, Copy)]
enum Job<'a> {
    Home,
    Page(usize),
    Stories,
    StoriesFrom(&'a str),
    Story(usize),
    Themes,
    Theme(usize),
    Statements,
}

/// Where rendered files go, as they are made: called from many threads at once.
pub type Emit<'a> = dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync + 'a;

/// Renders every page of the site in every language, plus the language chooser, the
/// sitemap and the chapter tracks, and hands each file to `emit` as soon as it is made (so
/// that a large site is never all in memory at once). Returns the problems found, including
/// those `emit` returned.
pub fn render(
    site: &Site,
    templates: &Templates,
    locales: &Arc<Locales>,
    asset_versions: &BTreeMap<String, String>,
    emit: &Emit,
) -> Diagnostics {
    let urls = &site.urls;
    let mut tera_by_lang = BTreeMap::new();
    let mut formatters = BTreeMap::new();
    let mut site_contexts = BTreeMap::new();
    let asset = |name: &str| {
        let url = urls.file(&Urls::asset_path(name));
        match asset_versions.get(name) {
            Some(v) => format!("{url}?v={v}"),
            None => url,
        }
    };
    for language in &site.config.languages {
        let lang = &language.code;
        let mut tera = templates.tera.clone();
        tera.register_function("t", locales.tera_function(lang));
        tera_by_lang.insert(lang.clone(), tera);
        formatters.insert(lang.clone(), Formatter::new(lang));
        let about_url = site
            .pages
            .iter()
            .find(|p| p.path == "about")
            .filter(|p| p.texts.get(lang, site.config.missing_translation).is_some())
            .map(|p| urls.page(lang, Route::Page(&p.path)));
        let title = locales
            .format(lang, "site-title", &[])
            .map_or(site.config.title.clone(), |m| m.text);
        site_contexts.insert(
            lang.clone(),
            SiteContext {
                title,
                root_url: urls.root().to_string(),
                languages: site.config.languages.iter().map(LangContext::of).collect(),
                default_language: site.config.default_language().code.clone(),
                home_url: urls.page(lang, Route::Home),
                stories_url: urls.page(lang, Route::Stories),
                themes_url: urls.page(lang, Route::Themes),
                statements_url: urls.page(lang, Route::Statements),
                about_url,
                css_url: asset("style.css"),
                js_url: asset("site.js"),
            },
        );
    }
    let mut theme_counts: HashMap<(String, String), (usize, usize)> = HashMap::new();
    for language in &site.config.languages {
        for story in &site.stories {
            if story
                .texts
                .get(&language.code, site.config.missing_translation)
                .is_none()
            {
                continue;
            }
            for theme in &story.themes {
                let key = (language.code.clone(), theme.clone());
                theme_counts.entry(key).or_default().0 += 1;
            }
            for segment in &story.segments {
                for theme in &segment.themes {
                    let key = (language.code.clone(), theme.clone());
                    theme_counts.entry(key).or_default().1 += 1;
                }
            }
        }
    }
    let renderer = Renderer {
        site,
        tera_by_lang,
        formatters,
        site_contexts,
        locales,
        templates_dir: Path::new("themes")
            .join(&site.config.site_theme)
            .join("templates"),
        theme_counts,
        related: Related::new(site),
    };

    let origins: BTreeSet<&str> = site.stories.iter().map(|s| s.origin.as_str()).collect();
    let mut jobs: Vec<(Job, &Language)> = Vec::new();
    for language in &site.config.languages {
        let mut add = |job| jobs.push((job, language));
        add(Job::Home);
        (0..site.pages.len()).for_each(|i| add(Job::Page(i)));
        add(Job::Stories);
        origins.iter().for_each(|o| add(Job::StoriesFrom(o)));
        (0..site.stories.len()).for_each(|i| add(Job::Story(i)));
        add(Job::Themes);
        (0..site.themes.len()).for_each(|i| add(Job::Theme(i)));
        add(Job::Statements);
    }

    let found: Vec<Diagnostic> = jobs
        .par_iter()
        .flat_map_iter(
            |(job, language)| match renderer.render_job(*job, language) {
                Ok(files) => files
                    .into_iter()
                    .filter_map(|file| emit(file).err())
                    .collect(),
                Err(d) => vec![d],
            },
        )
        .collect();
    let mut problems = Diagnostics::new();
    problems.extend(found);
    let root = renderer.render_root();
    for file in [root, Ok(sitemap(site))] {
        if let Err(d) = file.and_then(emit) {
            problems.push(d);
        }
    }
    problems
}

impl Renderer<'_> {
    fn policy(&self) -> MissingTranslation {
        self.site.config.missing_translation
    }

    fn lang_of(&self, code: &str) -> LangContext {
        self.site
            .config
            .language(code)
            .map(LangContext::of)
            .unwrap_or(LangContext {
                code: code.to_string(),
                name: code.to_string(),
                dir: Direction::Ltr.as_str(),
            })
    }

    fn formatter(&self, lang: &str) -> &Formatter {
        &self.formatters[lang]
    }

    /// The language links of a page that exists as `texts` (or always, for generated pages).
    fn alternates<T>(&self, lang: &str, route: Route, texts: Option<&Texts<T>>) -> Vec<Alternate> {
        self.site
            .config
            .languages
            .iter()
            .filter_map(|language| {
                let translated = texts.is_none_or(|t| t.has(&language.code));
                let exists = translated || self.policy() == MissingTranslation::Fallback;
                exists.then(|| {
                    let url = self.site.urls.page(&language.code, route);
                    Alternate {
                        lang: LangContext::of(language),
                        absolute_url: self.site.urls.absolute(&url),
                        url,
                        translated,
                        current: language.code == lang,
                    }
                })
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn page_context<T>(
        &self,
        kind: &'static str,
        lang: &str,
        route: Route,
        title: String,
        description: Option<String>,
        texts: Option<&Texts<T>>,
        localized: Option<(&str, bool, bool)>,
    ) -> PageContext {
        let url = self.site.urls.page(lang, route);
        let (text_lang, is_fallback, is_stale) = localized.unwrap_or((lang, false, false));
        PageContext {
            kind,
            title,
            description,
            canonical: self.site.urls.absolute(&url),
            url,
            text_lang: self.lang_of(text_lang),
            is_fallback,
            is_stale,
            // Set by the page kinds whose text can be a draft, from their `Localized`.
            is_draft: false,
            alternates: self.alternates(lang, route, texts),
            default_url: self.site.urls.absolute(
                &self
                    .site
                    .urls
                    .page(&self.site.config.default_language().code, route),
            ),
        }
    }

    fn empty_context<'a>(&'a self, lang: &str, page: PageContext) -> Context<'a> {
        Context {
            site: &self.site_contexts[lang],
            lang: self.site_contexts[lang]
                .languages
                .iter()
                .find(|l| l.code == lang)
                .expect("every language has a context"),
            page,
            body_html: None,
            story: None,
            theme: None,
            stories: Vec::new(),
            themes: Vec::new(),
            statements: Vec::new(),
            countries: Vec::new(),
            country: None,
        }
    }

    fn render_template(
        &self,
        lang: &str,
        template: &str,
        context: &Context,
    ) -> Result<String, Diagnostic> {
        let tera_context = tera::Context::from_serialize(context).map_err(|e| {
            Diagnostic::error(format!("cannot pass the page's data to the templates: {e}"))
        })?;
        self.tera_by_lang[lang]
            .render(template, &tera_context)
            .map_err(|err| {
                let mut d = template_error(&err, &self.templates_dir);
                if d.location.is_none() {
                    d = d.in_file(self.templates_dir.join(template));
                }
                d
            })
    }

    fn render_job(&self, job: Job, language: &Language) -> Result<Vec<OutputFile>, Diagnostic> {
        let lang = language.code.as_str();
        let site = self.site;
        let t = |key: &str| -> String {
            // Titles of generated pages come from the interface strings.
            self.locales
                .format(lang, key, &[])
                .map_or_else(|| key.to_string(), |m| m.text)
        };
        let (route, template, context) = match job {
            Job::Home => {
                let localized = site.home.as_ref().and_then(|h| h.get(lang, self.policy()));
                let title = localized.map_or_else(
                    || self.site_contexts[lang].title.clone(),
                    |l| l.text.title.clone(),
                );
                let mut page = self.page_context(
                    "home",
                    lang,
                    Route::Home,
                    title,
                    localized.and_then(|l| l.text.description.clone()),
                    site.home.as_ref(),
                    localized.map(|l| (l.lang, l.fallback, l.stale)),
                );
                page.is_draft = localized.is_some_and(|l| l.draft);
                let mut context = self.empty_context(lang, page);
                context.body_html = localized.map(|l| l.text.body_html.clone());
                context.stories = site
                    .stories
                    .iter()
                    .filter_map(|s| self.card(s, lang))
                    .take(6)
                    .collect();
                context.themes = self.theme_links(lang);
                (Route::Home, "home.html", context)
            }
            Job::Page(i) => {
                let page_item = &site.pages[i];
                let Some(localized) = page_item.texts.get(lang, self.policy()) else {
                    return Ok(Vec::new());
                };
                let route = Route::Page(&page_item.path);
                let mut page = self.page_context(
                    "page",
                    lang,
                    route,
                    localized.text.title.clone(),
                    localized.text.description.clone(),
                    Some(&page_item.texts),
                    Some((localized.lang, localized.fallback, localized.stale)),
                );
                page.is_draft = localized.draft;
                let mut context = self.empty_context(lang, page);
                context.body_html = Some(localized.text.body_html.clone());
                (route, "page.html", context)
            }
            Job::Stories => {
                let page = self.page_context::<()>(
                    "stories",
                    lang,
                    Route::Stories,
                    t("stories-title"),
                    None,
                    None,
                    None,
                );
                let mut context = self.empty_context(lang, page);
                context.stories = site
                    .stories
                    .iter()
                    .filter_map(|s| self.card(s, lang))
                    .collect();
                context.themes = self.theme_links(lang);
                context.countries = self.countries(lang);
                (Route::Stories, "stories.html", context)
            }
            Job::StoriesFrom(code) => {
                let country = self.country(code, lang);
                let mut page = self.page_context::<()>(
                    "stories-from",
                    lang,
                    Route::StoriesFrom(code),
                    country.name.clone(),
                    None,
                    None,
                    None,
                );
                // The page exists in a language only if a story from there is listed in it.
                page.alternates.retain(|a| {
                    site.stories.iter().any(|s| {
                        s.origin == code && s.texts.get(&a.lang.code, self.policy()).is_some()
                    })
                });
                let mut context = self.empty_context(lang, page);
                context.stories = site
                    .stories
                    .iter()
                    .filter(|s| s.origin == code)
                    .filter_map(|s| self.card(s, lang))
                    .collect();
                if context.stories.is_empty() {
                    return Ok(Vec::new());
                }
                context.countries = self.countries(lang);
                context.country = Some(country);
                (Route::StoriesFrom(code), "stories.html", context)
            }
            Job::Story(i) => {
                let story = &site.stories[i];
                let Some(localized) = story.texts.get(lang, self.policy()) else {
                    return Ok(Vec::new());
                };
                let route = Route::Story(&story.slug);
                let mut page = self.page_context(
                    "story",
                    lang,
                    route,
                    localized.text.title.clone(),
                    Some(localized.text.summary.clone()),
                    Some(&story.texts),
                    Some((localized.lang, localized.fallback, localized.stale)),
                );
                page.is_draft = localized.draft;
                let mut context = self.empty_context(lang, page);
                let story_context = self.story(i, lang, localized);
                let chapters = chapters_vtt(story, localized);
                context.story = Some(story_context);
                let html = self.render_template(lang, "story.html", &context)?;
                return Ok(vec![
                    OutputFile {
                        path: Urls::output_path(lang, route),
                        bytes: html.into_bytes(),
                    },
                    OutputFile {
                        path: Urls::chapters_path(lang, &story.slug),
                        bytes: chapters.into_bytes(),
                    },
                ]);
            }
            Job::Themes => {
                let page = self.page_context::<()>(
                    "themes",
                    lang,
                    Route::Themes,
                    t("themes-title"),
                    None,
                    None,
                    None,
                );
                let mut context = self.empty_context(lang, page);
                context.themes = self.theme_links(lang);
                (Route::Themes, "themes.html", context)
            }
            Job::Theme(i) => {
                let theme = &site.themes[i];
                let Some(localized) = theme.texts.get(lang, self.policy()) else {
                    return Ok(Vec::new());
                };
                let route = Route::Theme(&theme.id);
                let mut page = self.page_context(
                    "theme",
                    lang,
                    route,
                    localized.text.title.clone(),
                    Some(localized.text.summary.clone()),
                    Some(&theme.texts),
                    Some((localized.lang, localized.fallback, localized.stale)),
                );
                page.is_draft = localized.draft;
                let mut context = self.empty_context(lang, page);
                let stories: Vec<&Story> = site
                    .stories
                    .iter()
                    .filter(|s| s.themes.contains(&theme.id))
                    .collect();
                let segments: Vec<SegmentContext> = stories
                    .iter()
                    .filter_map(|s| s.texts.get(lang, self.policy()).map(|l| (s, l)))
                    .flat_map(|(story, localized)| {
                        self.segments(story, lang, localized)
                            .into_iter()
                            .filter(|seg| seg.themes.iter().any(|t| t.id == theme.id))
                    })
                    .collect();
                context.theme = Some(ThemeContext {
                    link: self.theme_link(theme, lang, localized),
                    body_html: localized.text.body_html.clone(),
                    stories: stories.iter().filter_map(|s| self.card(s, lang)).collect(),
                    segments,
                });
                context.themes = self.theme_links(lang);
                (route, "theme.html", context)
            }
            Job::Statements => {
                let page = self.page_context::<()>(
                    "statements",
                    lang,
                    Route::Statements,
                    t("statements-title"),
                    None,
                    None,
                    None,
                );
                let mut context = self.empty_context(lang, page);
                context.statements = site
                    .stories
                    .iter()
                    .filter_map(|story| {
                        let localized = story.texts.get(lang, self.policy())?;
                        Some(StatementContext {
                            text: localized.text.statement.clone()?,
                            lang: self.lang_of(localized.lang),
                            story: self.story_ref(story, lang, localized),
                        })
                    })
                    .collect();
                (Route::Statements, "statements.html", context)
            }
        };
        let html = self.render_template(lang, template, &context)?;
        Ok(vec![OutputFile {
            path: Urls::output_path(lang, route),
            bytes: html.into_bytes(),
        }])
    }

    fn render_root(&self) -> Result<OutputFile, Diagnostic> {
        let default = self.site.config.default_language().code.clone();
        let page = self.page_context::<()>(
            "root",
            &default,
            Route::Home,
            self.site_contexts[&default].title.clone(),
            None,
            None,
            None,
        );
        let context = self.empty_context(&default, page);
        let html = self.render_template(&default, "root.html", &context)?;
        Ok(OutputFile {
            path: "index.html".into(),
            bytes: html.into_bytes(),
        })
    }

    fn country(&self, code: &str, lang: &str) -> Country {
        Country {
            code: code.to_string(),
            name: self
                .formatter(lang)
                .country(code)
                .unwrap_or_else(|| code.to_string()),
            url: self.site.urls.page(lang, Route::StoriesFrom(code)),
        }
    }

    fn countries(&self, lang: &str) -> Vec<Country> {
        let codes: BTreeSet<&str> = self
            .site
            .stories
            .iter()
            .filter(|s| s.texts.get(lang, self.policy()).is_some())
            .map(|s| s.origin.as_str())
            .collect();
        let mut countries: Vec<Country> =
            codes.into_iter().map(|c| self.country(c, lang)).collect();
        countries.sort_by(|a, b| a.name.cmp(&b.name));
        countries
    }

    fn theme_link(
        &self,
        theme: &crate::site::Theme,
        lang: &str,
        localized: Localized<crate::site::ThemeText>,
    ) -> ThemeLink {
        let (story_count, segment_count) = self
            .theme_counts
            .get(&(lang.to_string(), theme.id.clone()))
            .copied()
            .unwrap_or_default();
        ThemeLink {
            id: theme.id.clone(),
            title: localized.text.title.clone(),
            summary: localized.text.summary.clone(),
            url: self.site.urls.page(lang, Route::Theme(&theme.id)),
            lang: self.lang_of(localized.lang),
            story_count,
            segment_count,
        }
    }

    fn theme_links(&self, lang: &str) -> Vec<ThemeLink> {
        self.site
            .themes
            .iter()
            .filter_map(|theme| {
                let localized = theme.texts.get(lang, self.policy())?;
                Some(self.theme_link(theme, lang, localized))
            })
            .collect()
    }

    fn theme_ref(&self, id: &str, lang: &str) -> Option<ThemeRef> {
        let theme = self.site.theme(id)?;
        let localized = theme.texts.get(lang, self.policy())?;
        Some(ThemeRef {
            id: id.to_string(),
            title: localized.text.title.clone(),
            url: self.site.urls.page(lang, Route::Theme(id)),
        })
    }

    fn story_ref(
        &self,
        story: &Story,
        lang: &str,
        localized: Localized<crate::site::StoryText>,
    ) -> StoryRef {
        StoryRef {
            title: localized.text.title.clone(),
            pseudonym: story.pseudonym.clone(),
            url: self.site.urls.page(lang, Route::Story(&story.slug)),
            lang: self.lang_of(localized.lang),
        }
    }

    /// The address of a file of a story, its name percent-encoded (see [`Urls::file`]).
    fn media_url(&self, story: &Story, name: &str) -> String {
        self.site.urls.file(&Urls::media_path(&story.slug, name))
    }

    fn card(&self, story: &Story, lang: &str) -> Option<StoryCard> {
        let localized = story.texts.get(lang, self.policy())?;
        let formatter = self.formatter(lang);
        let years = match (story.joined, story.left) {
            (Some(j), Some(l)) => Some(format!("{}–{}", formatter.year(j), formatter.year(l))),
            (Some(j), None) => Some(formatter.year(j)),
            _ => None,
        };
        Some(StoryCard {
            slug: story.slug.clone(),
            url: self.site.urls.page(lang, Route::Story(&story.slug)),
            title: localized.text.title.clone(),
            pseudonym: story.pseudonym.clone(),
            summary: localized.text.summary.clone(),
            example: story.example,
            origin: self.country(&story.origin, lang),
            years,
            poster_url: story
                .poster
                .as_ref()
                .map(|(name, _)| self.media_url(story, &poster_output_name(name))),
            duration: story.duration.to_display(),
            lang: self.lang_of(localized.lang),
            is_fallback: localized.fallback,
            themes: story.themes.clone(),
        })
    }

    fn segments(
        &self,
        story: &Story,
        lang: &str,
        localized: Localized<crate::site::StoryText>,
    ) -> Vec<SegmentContext> {
        let story_url = self.site.urls.page(lang, Route::Story(&story.slug));
        story
            .segments
            .iter()
            .enumerate()
            .map(|(i, segment)| SegmentContext {
                title: localized
                    .text
                    .segment_titles
                    .get(i)
                    .cloned()
                    .unwrap_or_default(),
                lang: self.lang_of(localized.lang),
                start_seconds: segment.start.whole_seconds(),
                end_seconds: segment.end.whole_seconds(),
                start_display: segment.start.to_display(),
                end_display: segment.end.to_display(),
                url: format!("{story_url}#t={}", segment.start.whole_seconds()),
                themes: segment
                    .themes
                    .iter()
                    .filter_map(|id| self.theme_ref(id, lang))
                    .collect(),
                story: Some(self.story_ref(story, lang, localized)),
            })
            .collect()
    }

    fn story(
        &self,
        i: usize,
        lang: &str,
        localized: Localized<crate::site::StoryText>,
    ) -> StoryContext {
        let story = &self.site.stories[i];
        let card = self
            .card(story, lang)
            .expect("the story exists in this language");
        let formatter = self.formatter(lang);
        let default_lang = &self.site.config.default_language().code;
        // The reader's language if captioned in it, else the default language, else the first.
        let selected = story
            .captions_in(lang)
            .or_else(|| story.captions_in(default_lang))
            .or(story.captions.first());
        let tracks = story
            .captions
            .iter()
            .map(|track| TrackContext {
                lang: self.lang_of(&track.lang),
                url: self
                    .site
                    .urls
                    .file(&Urls::captions_path(&story.slug, &track.lang)),
                default: selected.is_some_and(|s| s.lang == track.lang),
            })
            .collect();
        let transcript = selected.map(|track| TranscriptContext {
            lang: self.lang_of(&track.lang),
            is_fallback: track.lang != lang,
            cues: track
                .captions
                .cues
                .iter()
                .map(|cue| CueContext {
                    start_seconds: cue.start.seconds(),
                    start_display: cue.start.to_display(),
                    text: cue.plain_text(),
                })
                .collect(),
        });
        let video = match &story.video {
            Video::File { name, .. } => VideoContext {
                kind: "file",
                src: Some(self.media_url(story, name)),
                mime: Some(if name.to_ascii_lowercase().ends_with(".mp4") {
                    "video/mp4"
                } else {
                    "video/webm"
                }),
                youtube_id: None,
                poster_url: card.poster_url.clone(),
                duration_seconds: story.duration.whole_seconds(),
                duration_display: story.duration.to_display(),
                chapters_url: (!story.segments.is_empty())
                    .then(|| self.site.urls.file(&Urls::chapters_path(lang, &story.slug))),
            },
            Video::Youtube { id } => VideoContext {
                kind: "youtube",
                src: None,
                mime: None,
                youtube_id: Some(id.clone()),
                poster_url: card.poster_url.clone(),
                duration_seconds: story.duration.whole_seconds(),
                duration_display: story.duration.to_display(),
                chapters_url: None,
            },
        };
        let segments = self.segments(story, lang, localized);
        let related = self
            .related
            .top(i, lang, 3)
            .into_iter()
            .filter_map(|other| self.card(&self.site.stories[other], lang))
            .collect();
        let json_ld = json_ld(self.site, story, lang, localized, &segments, &card);
        StoryContext {
            body_html: localized.text.body_html.clone(),
            statement: localized.text.statement.clone(),
            interviewed: story.interviewed.map(|(y, m, d)| formatter.date(y, m, d)),
            joined: story.joined.map(|y| formatter.year(y)),
            left: story.left.map(|y| formatter.year(y)),
            theme_links: story
                .themes
                .iter()
                .filter_map(|id| self.theme_ref(id, lang))
                .collect(),
            video,
            tracks,
            segments,
            transcript,
            warnings: story
                .warnings
                .iter()
                .map(|w| WarningContext { id: w.id() })
                .collect(),
            related,
            json_ld,
            card,
        }
    }
}

/// The name a poster has in the output, as [`crate::urls::poster_file_name`] decides it (the
/// output stage writes it at [`Urls::poster_path`]; one rule, so the address and the file agree).
pub fn poster_output_name(name: &str) -> String {
    crate::urls::poster_file_name(name).to_string()
}

/// The chapters track of a story in a language: one cue per segment.
fn chapters_vtt(story: &Story, localized: Localized<crate::site::StoryText>) -> String {
    webvtt::write_cues(story.segments.iter().enumerate().map(|(i, segment)| {
        (
            segment.start,
            segment.end,
            localized
                .text
                .segment_titles
                .get(i)
                .map(String::as_str)
                .unwrap_or(""),
        )
    }))
}

/// schema.org `VideoObject` with one `Clip` per segment, in the page's language.
fn json_ld(
    site: &Site,
    story: &Story,
    lang: &str,
    localized: Localized<crate::site::StoryText>,
    segments: &[SegmentContext],
    card: &StoryCard,
) -> String {
    let urls = &site.urls;
    let page_url = urls.absolute(&urls.page(lang, Route::Story(&story.slug)));
    let clips: Vec<serde_json::Value> = segments
        .iter()
        .map(|s| {
            serde_json::json!({
                "@type": "Clip",
                "name": s.title,
                "startOffset": s.start_seconds,
                "endOffset": s.end_seconds,
                "url": format!("{page_url}#t={}", s.start_seconds),
            })
        })
        .collect();
    let mut value = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": localized.text.title,
        "description": localized.text.summary,
        "inLanguage": localized.lang,
        "duration": story.duration.to_iso8601(),
        "url": page_url,
        "hasPart": clips,
    });
    if let Some(date) = story.interviewed {
        value["uploadDate"] =
            serde_json::json!(format!("{:04}-{:02}-{:02}", date.0, date.1, date.2));
    }
    if let Some(poster) = &card.poster_url {
        value["thumbnailUrl"] = serde_json::json!(urls.absolute(poster));
    }
    if let Video::File { name, .. } = &story.video {
        value["contentUrl"] =
            serde_json::json!(urls.absolute(&urls.file(&Urls::media_path(&story.slug, name))));
    }
    // Inside <script>, `<!--` and `</script` change how the HTML parser reads the block: write
    // `<`, `>` and `&` as JSON escapes, which mean the same to a JSON reader.
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `sitemap.xml`: every page in every language it is written in, with hreflang alternates.
/// Fallback pages are not announced as translations.
fn sitemap(site: &Site) -> OutputFile {
    use std::fmt::Write;
    let urls = &site.urls;
    let langs: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let mut entries: Vec<(Route, Vec<&str>)> = Vec::new();
    let all = || langs.clone();
    let written =
        |has: &dyn Fn(&str) -> bool| langs.iter().copied().filter(|l| has(l)).collect::<Vec<_>>();
    entries.push((Route::Home, all()));
    entries.push((Route::Stories, all()));
    entries.push((Route::Themes, all()));
    entries.push((Route::Statements, all()));
    for page in &site.pages {
        entries.push((Route::Page(&page.path), written(&|l| page.texts.has(l))));
    }
    for theme in &site.themes {
        entries.push((Route::Theme(&theme.id), written(&|l| theme.texts.has(l))));
    }
    for story in &site.stories {
        entries.push((Route::Story(&story.slug), written(&|l| story.texts.has(l))));
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (route, in_langs) in entries {
        for lang in &in_langs {
            let _ = writeln!(
                xml,
                "<url><loc>{}</loc>",
                xml_escape(&urls.absolute(&urls.page(lang, route)))
            );
            for other in &in_langs {
                let _ = writeln!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\"/>",
                    xml_escape(&urls.absolute(&urls.page(other, route)))
                );
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    }
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isolate_wraps_text_in_first_strong_isolate() {
        assert_eq!(isolate("قصة"), "\u{2068}قصة\u{2069}");
        assert_eq!(isolate("Why I left"), "\u{2068}Why I left\u{2069}");
        assert_eq!(isolate(""), "");
    }

    #[test]
    fn isolate_keeps_an_override_inside() {
        // The closing PDI ends the override, so nothing after the isolate is reversed.
        assert_eq!(isolate("a\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
    }

    #[test]
    fn isolate_cannot_be_closed_early_by_the_text() {
        // A stray PDI would close the FSI and let the override after it out.
        assert_eq!(isolate("a\u{2069}\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
        // Isolates of the text's own are kept when balanced, closed when left open.
        assert_eq!(
            isolate("a\u{2067}b\u{2069}c"),
            "\u{2068}a\u{2067}b\u{2069}c\u{2069}"
        );
        assert_eq!(isolate("a\u{2066}b"), "\u{2068}a\u{2066}b\u{2069}\u{2069}");
    }

    #[test]
    fn the_isolate_filter_is_registered_and_escapes_after() {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.register_filter("isolate", isolate_filter);
        tera.add_raw_template("t.html", "<title>{{ t | isolate }}</title>")
            .unwrap();
        let mut context = tera::Context::new();
        context.insert("t", "<b>");
        assert_eq!(
            tera.render("t.html", &context).unwrap(),
            "<title>\u{2068}&lt;b&gt;\u{2069}</title>"
        );
        context.insert("t", &3);
        assert!(tera.render("t.html", &context).is_err());
    }
}
