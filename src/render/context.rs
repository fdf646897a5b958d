//! The data each template receives: typed, serialized, never an ad-hoc map. These structs are
//! the contract between rendering and `themes/<name>/templates/` (described for theme authors
//! in `docs/templates.md`): every field has a `///` line saying what it holds.
//!
//! A page's data is [`Context`]: what every page gets (`site`, `lang`, `page`) and, flattened
//! beside it, the [`PageData`] of its kind. Fields a page kind does not have are absent, not
//! empty, and an empty list is left out too, so that a template can test `{% if stories %}`.

use serde::Serialize;

use crate::config::Language;

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
    /// The language of site.yaml as templates see it.
    pub fn of(language: &Language) -> Self {
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
    /// The other language as an Open Graph locale, for `og:locale:alternate`: `ar_AR`.
    pub og_locale: String,
}

/// The picture a link to the page shows on social media (`og:image`).
#[derive(Debug, Clone, Serialize)]
pub struct SocialImage {
    /// The picture's full address (scheme and host): the re-encoded poster.
    pub url: String,
    /// Its width in pixels, for `og:image:width`.
    pub width: Option<u32>,
    /// Its height in pixels, for `og:image:height`.
    pub height: Option<u32>,
}

/// What every page gets.
#[derive(Debug, Clone, Serialize)]
pub struct PageContext {
    /// The page's Content-Security-Policy, for `<meta http-equiv="Content-Security-Policy">`,
    /// the first element of `<head>`: the site's policy and this page's exceptions (a YouTube
    /// story may frame YouTube's privacy-enhanced domain), without `frame-ancestors`, which
    /// only a header can give. See `docs/hosting.md`.
    pub csp: String,
    /// `home`, `page`, `stories`, `stories-from`, `story`, `themes`, `theme`, `statements`,
    /// `root`, `not-found`.
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
    /// The page's `og:type`: `article` for a story, `website` for every other page.
    pub og_type: &'static str,
    /// The picture for `og:image` (a story's poster), if the page has one; a template shows
    /// `twitter:card` `summary_large_image` then, else `summary`.
    pub image: Option<SocialImage>,
    /// On the pages of a list (all stories, a country's, a theme's): which page of it this is
    /// and its neighbours, for `<link rel="prev/next">` and the pager. Always there on those
    /// pages, even when the list fits on one; absent on every other page.
    pub pager: Option<PagerContext>,
}

/// Where a page of a list stands among the list's pages.
#[derive(Debug, Clone, Serialize)]
pub struct PagerContext {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages the list has (1 when it fits on one: show no pager then).
    pub count: usize,
    /// How many stories the whole list has, on all its pages: the count to show.
    pub total: usize,
    /// The position in the list of the first story on this page, from 1.
    pub first: usize,
    /// The position of the last story on this page.
    pub last: usize,
    /// The page before, from the site's root, if this is not the first.
    pub prev_url: Option<String>,
    /// The page before, with scheme and host, for `<link rel="prev">`.
    pub prev_absolute_url: Option<String>,
    /// The page after, if this is not the last.
    pub next_url: Option<String>,
    /// The page after, with scheme and host, for `<link rel="next">`.
    pub next_absolute_url: Option<String>,
    /// Numbered links: the first page, the last, and two either side of this one.
    pub pages: Vec<PageLink>,
}

/// A numbered link of a pager.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    /// The page's number, from 1.
    pub number: usize,
    /// Its address, from the site's root (page 1 is the list's own address).
    pub url: String,
    /// This is the page being rendered: give it `aria-current="page"`.
    pub current: bool,
    /// Pages are left out between the one before and this one: show a gap (`…`).
    pub gap_before: bool,
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
    /// The search page of this language, `/<lang>/search/`; `None` in a build without the
    /// `search` feature, which makes no search page.
    pub search_url: Option<String>,
    /// The site theme's `static/style.css`, with `?v=<hash>` so that browsers fetch a changed file.
    pub css_url: String,
    /// The site theme's `static/site.js`, with `?v=<hash>`.
    pub js_url: String,
    /// The site theme's `static/search.js`, with `?v=<hash>`: the search page's script.
    pub search_js_url: String,
    /// The Atom feed of this language's stories, `/<lang>/feed.xml`, for
    /// `<link rel="alternate" type="application/atom+xml">`.
    pub feed_url: String,
    /// This language as Open Graph names a locale (`og:locale`, language_TERRITORY where one
    /// is known): `ar_AR`, `en_US`; see [`super::og_locale`].
    pub og_locale: String,
    /// The site's stated purpose (`purpose:` in site.yaml) in this language, or the default
    /// language's as the missing-translation policy allows: shown in every page's footer.
    pub purpose: Option<PurposeContext>,
}

/// The site's stated purpose, as a page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PurposeContext {
    /// The text (plain, escaped by the template).
    pub text: String,
    /// Its language (differs from the page's when it is the default language's fallback).
    pub lang: LangContext,
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
    /// The poster's width and height in pixels, when its header could be read: the `<img>`
    /// carries them so that the page does not shift while it loads.
    pub poster_width: Option<u32>,
    /// See `poster_width`.
    pub poster_height: Option<u32>,
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
    /// For YouTube: the address of its player on the privacy-enhanced domain
    /// (`https://www.youtube-nocookie.com/embed/<id>`), which `site.js` frames when the reader
    /// asks for it; the page's policy allows that origin, and no other.
    pub youtube_embed_url: Option<String>,
    /// The video is behind the story's content warnings: inside a closed `<details>`, not
    /// loaded (`preload="none"`) until the reader opens it.
    pub gated: bool,
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

/// The data of one page's template: what every page gets, and its kind's own values.
#[derive(Debug, Clone, Serialize)]
pub struct Context<'a> {
    /// Site-wide values, the same on every page of a language.
    pub site: &'a SiteContext,
    /// The page's language: put `lang.code` and `lang.dir` on `<html>`.
    pub lang: &'a LangContext,
    /// What every page gets: title, addresses, alternates.
    pub page: PageContext,
    /// The values of this page kind, at the top level beside `site`, `lang` and `page`.
    #[serde(flatten)]
    pub data: PageData,
}

/// The values only some page kinds have, one variant per kind. Serialized without a tag, so a
/// template reads `stories`, not `data.stories`; an empty list is left out (`{% if stories %}`).
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum PageData {
    /// `home.html`.
    Home {
        /// The home page's text, already HTML (`| safe`), when `content/_index.md` has one in
        /// this language.
        #[serde(skip_serializing_if = "Option::is_none")]
        body_html: Option<String>,
        /// The first six stories shown in this language.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        stories: Vec<StoryCard>,
        /// Every theme, as links.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        themes: Vec<ThemeLink>,
    },
    /// `page.html`: a plain page.
    Page {
        /// The page's text, already HTML (`| safe`).
        body_html: String,
    },
    /// `stories.html`, at `/<lang>/stories/`.
    Stories {
        /// Every story shown in this language.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        stories: Vec<StoryCard>,
        /// Every theme, as links.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        themes: Vec<ThemeLink>,
        /// The countries stories come from, for filtering, by name.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        countries: Vec<Country>,
    },
    /// `stories.html` for one country, at `/<lang>/stories/from/<code>/`.
    StoriesFrom {
        /// The stories from that country shown in this language (never none: the page is not
        /// made then).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        stories: Vec<StoryCard>,
        /// The countries stories come from, for filtering, by name.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        countries: Vec<Country>,
        /// The country of this page.
        country: Country,
    },
    /// `story.html`.
    Story {
        /// The story shown (boxed: it is by far the largest kind).
        story: Box<StoryContext>,
    },
    /// `themes.html`.
    Themes {
        /// Every theme, as links.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        themes: Vec<ThemeLink>,
    },
    /// `theme.html`.
    Theme {
        /// The theme shown.
        theme: ThemeContext,
        /// Every theme, as links.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        themes: Vec<ThemeLink>,
    },
    /// `statements.html`.
    Statements {
        /// Every statement shown in this language.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        statements: Vec<StatementContext>,
    },
    /// `search.html`, at `/<lang>/search/`: the search box, driven by the site theme's
    /// `static/search.js`, over this language's index.
    Search {
        /// The folder of this language's index (pagefind's files), ending in `/`: what
        /// `search.js` imports `pagefind.js` from.
        bundle_url: String,
        /// The site theme's `static/search.js`, with `?v=<hash>`.
        script_url: String,
    },
    /// `root.html`, the language chooser: nothing beyond `site`, `lang` and `page`.
    Root {},
    /// `404.html`: what hosts serve for an address that does not exist, at that address (so
    /// every address in it is from the site's root).
    NotFound {
        /// This is `/404.html` at the site's root, in the default language, for an address
        /// outside every language's folder: it links to each language's home.
        at_root: bool,
        /// The home page of every language, in the order of site.yaml.
        homes: Vec<HomeLink>,
    },
}

/// The home page of a language, for the root's 404 page.
#[derive(Debug, Clone, Serialize)]
pub struct HomeLink {
    /// The language, for `lang`, `dir` and its name in itself.
    pub lang: LangContext,
    /// Its home page: `/<lang>/`.
    pub url: String,
}
