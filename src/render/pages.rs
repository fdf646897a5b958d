//! One function per page kind: from one language's view (through a [`Scope`]) to the
//! [`Context`] its template receives, or `None` when the page does not exist in that language.

use super::index::Index;
use super::pagination::{self, List, Lists};
use super::{
    Alternate, Context, HomeLink, Job, LangContext, LangView, OutputFile, PageContext, PageData,
    Renderer, SocialImage, StatementContext, StoryContext, ThemeContext, WarningContext, json_ld,
};
use crate::config::MissingTranslation;
use crate::i18n::Locales;
use crate::site::{Localized, Site, Story, StoryText, Texts};
use crate::urls::{Route, Urls};
use crate::webvtt;

/// What a page builder reads: the site, its indexes and one language's view.
#[derive(Clone, Copy)]
pub struct Scope<'r> {
    /// The assembled site.
    pub site: &'r Site,
    /// Lookups by identity and related stories.
    pub index: &'r Index<'r>,
    /// The interface strings, for the titles of generated pages.
    pub locales: &'r Locales,
    /// The language of the page.
    pub view: &'r LangView<'r>,
    /// Every language's view, for what a page is in the other languages.
    pub views: &'r [LangView<'r>],
    /// How many stories each list has in each language, for the pages of a list.
    pub lists: &'r Lists<'r>,
}

impl<'r> Scope<'r> {
    /// The scope of one language's pages.
    pub fn new(renderer: &'r Renderer<'r>, view: &'r LangView<'r>) -> Self {
        Scope {
            site: renderer.site,
            index: &renderer.index,
            locales: renderer.locales,
            view,
            views: &renderer.views,
            lists: &renderer.lists,
        }
    }

    /// The language's code.
    pub fn code(&self) -> &'r str {
        self.view.code()
    }

    /// What to do with a page that has no translation in a language.
    pub fn policy(&self) -> MissingTranslation {
        self.site.config.missing_translation
    }

    /// The text of `texts` for this language, as the missing-translation policy allows.
    pub fn localized<T>(&self, texts: &'r Texts<T>) -> Option<Localized<'r, T>> {
        texts.get(self.code(), self.policy())
    }

    /// An interface string, for the titles of generated pages; its key if no language has it.
    fn t(&self, key: &str) -> String {
        let message = self.locales.format(self.code(), key, &[]);
        message.map_or_else(|| key.to_string(), |m| m.text)
    }

    /// The template data of a page: `site` and `lang` of this language, and the page's own.
    fn context(&self, page: super::PageContext, data: PageData) -> Context<'r> {
        Context {
            site: &self.view.site,
            lang: &self.view.lang,
            page,
            data,
        }
    }
}

/// The template data of a job's page, or `None` when it has none in the job's language (and
/// for the sitemap and the feeds, which no template makes).
pub fn context<'r>(s: &Scope<'r>, job: &Job) -> Option<Context<'r>> {
    match job {
        Job::Home { .. } => Some(home(s)),
        Job::Page { path, .. } => page(s, path),
        Job::Stories { page, .. } => stories(s, *page),
        Job::StoriesFrom { country, page, .. } => stories_from(s, country, *page),
        Job::Story { slug, .. } => story(s, slug),
        Job::Themes { .. } => Some(themes(s)),
        Job::Theme { id, page, .. } => theme(s, id, *page),
        Job::Statements { .. } => Some(statements(s)),
        Job::Search { .. } => Some(search(s)),
        Job::Root => Some(root(s)),
        Job::NotFound { .. } => Some(not_found(s, false)),
        Job::NotFoundRoot => Some(not_found(s, true)),
        Job::Sitemap
        | Job::Feed { .. }
        | Job::Robots
        | Job::Headers
        | Job::Data { .. }
        | Job::DataSchema => None,
    }
}

/// `/<lang>/`: the home page's text if it has one in this language, six stories, the themes.
pub fn home<'r>(s: &Scope<'r>) -> Context<'r> {
    let texts = s.site.home.as_ref();
    let localized = texts.and_then(|t| s.localized(t));
    let title = localized.map_or_else(|| s.view.site.title.clone(), |l| l.text.title.clone());
    let mut page = s.page("home", Route::Home, title, texts);
    if let Some(localized) = localized {
        page = s.shown_as(page, localized);
        page.description = localized.text.description.clone();
    }
    let stories = s.site.stories.iter().filter_map(|story| s.card(story));
    let data = PageData::Home {
        body_html: localized.map(|l| l.text.body_html.clone()),
        stories: stories.take(6).collect(),
        themes: s.theme_links(),
    };
    s.context(page, data)
}

/// `/<lang>/<path>/`: a plain page.
pub fn page<'r>(s: &Scope<'r>, path: &str) -> Option<Context<'r>> {
    let item = s.index.page(path)?;
    let localized = s.localized(&item.texts)?;
    let title = localized.text.title.clone();
    let mut page = s.page("page", Route::Page(&item.path), title, Some(&item.texts));
    page = s.shown_as(page, localized);
    page.description = localized.text.description.clone();
    let body_html = localized.text.body_html.clone();
    Some(s.context(page, PageData::Page { body_html }))
}

/// The stories of `listed` on page `number` of a list cut into pages of `page_size`; `None`
/// past its last page (page 1 always exists).
fn page_of<T>(listed: &[T], number: usize, page_size: usize) -> Option<&[T]> {
    let pages = pagination::page_count(listed.len(), page_size);
    (1..=pages)
        .contains(&number)
        .then(|| &listed[pagination::items_on(number, page_size, listed.len())])
}

/// `page` as page `number` of `list`, which shows `total` stories in this language: its own
/// address (its canonical), the same page in the languages whose list is that long, and its
/// pager.
fn paged(s: &Scope, mut page: PageContext, list: List, number: usize, total: usize) -> PageContext {
    let urls = &s.site.urls;
    let route = list.route();
    page.url = urls.list_page(s.code(), route, number);
    page.canonical = urls.absolute(&page.url);
    page.alternates
        .retain(|a| s.lists.pages(&a.lang.code, list) >= number);
    for alternate in &mut page.alternates {
        alternate.url = urls.list_page(&alternate.lang.code, route, number);
        alternate.absolute_url = urls.absolute(&alternate.url);
    }
    let default = &s.site.config.default_language().code;
    let in_default = if s.lists.pages(default, list) >= number {
        number
    } else {
        1
    };
    page.default_url = urls.absolute(&urls.list_page(default, route, in_default));
    let size = s.site.config.page_size;
    page.pager = Some(pagination::pager(
        urls,
        s.code(),
        route,
        number,
        total,
        size,
    ));
    page
}

/// `/<lang>/stories/` (page `number`): the stories shown in this language.
pub fn stories<'r>(s: &Scope<'r>, number: usize) -> Option<Context<'r>> {
    let listed: Vec<&Story> = s.shown_stories().map(|(_, story)| story).collect();
    let on_page = page_of(&listed, number, s.site.config.page_size)?;
    let page = s.page::<()>("stories", Route::Stories, s.t("stories-title"), None);
    let page = paged(s, page, List::Stories, number, listed.len());
    let data = PageData::Stories {
        stories: on_page.iter().filter_map(|story| s.card(story)).collect(),
        themes: s.theme_links(),
        countries: s.countries(),
    };
    Some(s.context(page, data))
}

/// `/<lang>/stories/from/<code>/` (page `number`): the stories from one country; none if no
/// story from there is shown in this language.
pub fn stories_from<'r>(s: &Scope<'r>, code: &str, number: usize) -> Option<Context<'r>> {
    let listed: Vec<&Story> = s
        .shown_stories()
        .map(|(_, story)| story)
        .filter(|story| story.origin == code)
        .collect();
    if listed.is_empty() {
        return None;
    }
    let on_page = page_of(&listed, number, s.site.config.page_size)?;
    let stories: Vec<_> = on_page.iter().filter_map(|story| s.card(story)).collect();
    let country = s.country(code);
    let route = Route::StoriesFrom(code);
    let mut page = s.page::<()>("stories-from", route, country.name.clone(), None);
    // The page exists in a language only if a story from there is listed in it.
    let lists_any = |v: &LangView| {
        let mut shown = s.site.stories.iter().zip(&v.shown);
        shown.any(|(story, shown)| *shown && story.origin == code)
    };
    let exists = |lang: &str| s.views.iter().any(|v| v.code() == lang && lists_any(v));
    page.alternates.retain(|a| exists(&a.lang.code));
    let page = paged(s, page, List::From(code), number, listed.len());
    let countries = s.countries();
    let data = PageData::StoriesFrom {
        stories,
        countries,
        country,
    };
    Some(s.context(page, data))
}

/// `/<lang>/stories/<slug>/`: a story, if it is shown in this language.
pub fn story<'r>(s: &Scope<'r>, slug: &str) -> Option<Context<'r>> {
    let (i, story) = s.index.story(slug)?;
    let localized = s.localized(&story.texts)?;
    let title = localized.text.title.clone();
    let route = Route::Story(&story.slug);
    let mut page = s.page("story", route, title, Some(&story.texts));
    page = s.shown_as(page, localized);
    page.description = Some(localized.text.summary.clone());
    page.csp = super::hosting::PagePolicy::of_story(story).meta();
    let story = Box::new(story_context(s, i, story, localized)?);
    let size = s
        .index
        .story(slug)
        .and_then(|(_, st)| st.poster.as_ref()?.size);
    page.image = story.card.poster_url.as_ref().map(|url| SocialImage {
        url: s.site.urls.absolute(url),
        width: size.map(|(w, _)| w),
        height: size.map(|(_, h)| h),
    });
    Some(s.context(page, PageData::Story { story }))
}

/// Everything the story page shows of story `i`, shown as `localized`.
fn story_context(
    s: &Scope,
    i: usize,
    story: &Story,
    localized: Localized<StoryText>,
) -> Option<StoryContext> {
    let card = s.card(story)?;
    let formatter = &s.view.formatter;
    let segments = s.segments(story, localized);
    let related = s
        .index
        .related
        .top(i, &s.view.shown, 3)
        .into_iter()
        .filter_map(|other| s.card(&s.site.stories[other]))
        .collect();
    let json_ld = json_ld::story(s, story, localized, &segments, &card);
    let warnings = story.warnings.iter().map(|w| WarningContext { id: w.id() });
    Some(StoryContext {
        body_html: localized.text.body_html.clone(),
        statement: localized.text.statement.clone(),
        interviewed: story.interviewed.map(|(y, m, d)| formatter.date(y, m, d)),
        joined: story.joined.map(|y| formatter.year(y)),
        left: story.left.map(|y| formatter.year(y)),
        theme_links: s.theme_refs(&story.themes),
        video: s.video(story, card.poster_url.clone()),
        tracks: s.tracks(story),
        segments,
        transcript: s.transcript(story),
        warnings: warnings.collect(),
        related,
        json_ld,
        card,
    })
}

/// The chapters track of a story in this language (one cue per segment), if the story is
/// shown in it: `/<lang>/stories/<slug>/chapters.vtt`.
pub fn chapters(s: &Scope, slug: &str) -> Option<OutputFile> {
    let (_, story) = s.index.story(slug)?;
    let localized = s.localized(&story.texts)?;
    let titles = &localized.text.segment_titles;
    let cues = story.segments.iter().enumerate().map(|(i, segment)| {
        let title = titles.get(i).map(String::as_str).unwrap_or("");
        (segment.start, segment.end, title)
    });
    Some(OutputFile {
        path: Urls::chapters_path(s.code(), &story.slug),
        bytes: webvtt::write_cues(cues).into_bytes(),
    })
}

/// `/<lang>/themes/`: every theme.
pub fn themes<'r>(s: &Scope<'r>) -> Context<'r> {
    let page = s.page::<()>("themes", Route::Themes, s.t("themes-title"), None);
    let themes = s.theme_links();
    s.context(page, PageData::Themes { themes })
}

/// `/<lang>/themes/<id>/` (page `number`): a theme, its stories on that page and their
/// segments about it, if the theme is shown in this language.
pub fn theme<'r>(s: &Scope<'r>, id: &str, number: usize) -> Option<Context<'r>> {
    let theme = s.index.theme(id)?;
    let localized = s.localized(&theme.texts)?;
    let title = localized.text.title.clone();
    let route = Route::Theme(&theme.id);
    let mut page = s.page("theme", route, title, Some(&theme.texts));
    page = s.shown_as(page, localized);
    page.description = Some(localized.text.summary.clone());
    let tagged: Vec<&Story> = s
        .shown_stories()
        .map(|(_, story)| story)
        .filter(|story| story.themes.contains(&theme.id))
        .collect();
    let on_page = page_of(&tagged, number, s.site.config.page_size)?;
    let page = paged(s, page, List::Theme(&theme.id), number, tagged.len());
    let segments = on_page
        .iter()
        .filter_map(|story| Some((story, s.localized(&story.texts)?)))
        .flat_map(|(story, localized)| s.segments(story, localized))
        .filter(|segment| segment.themes.iter().any(|t| t.id == theme.id))
        .collect();
    let theme = ThemeContext {
        link: s.theme_link(theme, localized),
        body_html: localized.text.body_html.clone(),
        stories: on_page.iter().filter_map(|story| s.card(story)).collect(),
        segments,
    };
    let themes = s.theme_links();
    Some(s.context(page, PageData::Theme { theme, themes }))
}

/// `/<lang>/statements/`: the statement of every story shown in this language that has one.
pub fn statements<'r>(s: &Scope<'r>) -> Context<'r> {
    let title = s.t("statements-title");
    let page = s.page::<()>("statements", Route::Statements, title, None);
    let statements = s
        .site
        .stories
        .iter()
        .filter_map(|story| {
            let localized = s.localized(&story.texts)?;
            Some(StatementContext {
                text: localized.text.statement.clone()?,
                lang: s.lang_of(localized.lang),
                story: s.story_ref(story, localized),
            })
        })
        .collect();
    s.context(page, PageData::Statements { statements })
}

/// `/<lang>/search/`: the search box over this language's index, under the search page's own
/// policy. The index itself is made beside it by `search::index`.
pub fn search<'r>(s: &Scope<'r>) -> Context<'r> {
    let title = s.t("search-title");
    let mut page = s.page::<()>("search", Route::Search, title, None);
    page.csp = super::hosting::PagePolicy::SEARCH.meta();
    let urls = &s.site.urls;
    let data = PageData::Search {
        bundle_url: format!("{}/", urls.file(&Urls::search_bundle_path(s.code()))),
        script_url: s.view.site.search_js_url.clone(),
    };
    s.context(page, data)
}

/// `/index.html`: the language chooser, in the default language (the scope's).
pub fn root<'r>(s: &Scope<'r>) -> Context<'r> {
    let title = s.view.site.title.clone();
    let page = s.page::<()>("root", Route::Home, title, None);
    s.context(page, PageData::Root {})
}

/// `/<lang>/404.html`, or `/404.html` in the default language (the scope's) when `at_root`:
/// the page hosts serve for an address that does not exist. Hosts serve it at the missing
/// address, whatever its depth, so every link on it is from the site's root, as all are. Its
/// alternates are the 404 pages of the other languages (none at the root, which lists the
/// languages' home pages instead).
pub fn not_found<'r>(s: &Scope<'r>, at_root: bool) -> Context<'r> {
    let urls = &s.site.urls;
    let address = |lang: Option<&str>| urls.file(&Urls::not_found_path(lang));
    let url = address((!at_root).then(|| s.code()));
    let languages = &s.site.config.languages;
    let alternates = languages
        .iter()
        .filter(|_| !at_root)
        .map(|language| {
            let url = address(Some(&language.code));
            Alternate {
                lang: LangContext::of(language),
                absolute_url: urls.absolute(&url),
                url,
                translated: true,
                current: language.code == s.code(),
                og_locale: super::og_locale(&language.code),
            }
        })
        .collect();
    let default = &s.site.config.default_language().code;
    let page = PageContext {
        csp: super::hosting::PagePolicy::BASE.meta(),
        kind: "not-found",
        title: s.t("not-found-title"),
        description: None,
        canonical: urls.absolute(&url),
        url,
        text_lang: s.view.lang.clone(),
        is_fallback: false,
        is_stale: false,
        is_draft: false,
        alternates,
        default_url: urls.absolute(&address((!at_root).then_some(default.as_str()))),
        og_type: "website",
        image: None,
        pager: None,
    };
    let homes = languages
        .iter()
        .map(|language| HomeLink {
            lang: LangContext::of(language),
            url: urls.page(&language.code, Route::Home),
        })
        .collect();
    s.context(page, PageData::NotFound { at_root, homes })
}
