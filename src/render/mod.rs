//! Rendering: the assembled [`Site`] and the templates become files in memory, one [`Job`] per
//! (page, language), in parallel. Rendering reads the site and writes nothing to disk.
//!
//! The pieces, each in its file:
//! - `context.rs`: the typed data of each template (the contract with theme authors, also in
//!   `docs/templates.md`): [`Context`] holds what every page gets and the [`PageData`] of its
//!   kind, one variant per kind, so a page carries only the values of its kind.
//! - `view.rs`: [`LangView`], everything that is the same on every page of a language (the
//!   templates with that language's `t()`, its formatter, the site's values, which stories it
//!   shows, its theme counts), built once per build.
//! - `index.rs`: site-wide indexes built once: stories, themes and pages by identity, and the
//!   related stories.
//! - `pages.rs`: one short function per page kind, from a view to that page's [`Context`];
//!   `parts.rs`: the pieces they share (cards, segments, the story page's video and captions).
//! - `json_ld.rs`, `sitemap.rs` and `feed.rs`: the schema.org data of a story, `sitemap.xml`
//!   and each language's Atom feed.
//! - `opendata.rs`: `/data/stories.json`, one per language, and their JSON Schema: the
//!   published stories' metadata for researchers and mirrors, never a private field.
//! - `search.rs` (feature `search`): each language's search index, made by pagefind's
//!   indexing API from the stories shown in that language, beside its search page.
//! - `hosting.rs`: the files for the host rather than the reader: `robots.txt`, `_headers`,
//!   and the Content-Security-Policy of each page ([`hosting::PagePolicy`]) that `_headers`
//!   and every page's `<meta>` carry.
//! - `templates.rs`: loading the templates and turning Tera's errors into diagnostics.
//!
//! Jobs are data with stable identities (slugs, ids, language codes, never indexes), so that a
//! job means the same page before and after the site changes: `serve` redoes only the jobs a
//! saved file touches. Rendering a job returns its files and the interface strings that fell
//! back to the default language while rendering it ([`Rendered::missing`]), collected on the
//! job's own thread ([`crate::i18n::collect_fallbacks`]) rather than in a shared lock.

mod context;
mod feed;
pub mod hosting;
mod index;
mod json_ld;
mod opendata;
mod pages;
pub mod pagination;
mod parts;
#[cfg(feature = "search")]
mod search;
mod sitemap;
mod templates;
mod view;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::{self, Locales};
use crate::site::Site;
use crate::urls::{Route, Urls};

pub use context::*;
pub use templates::Templates;

/// Whether the pages of `site` rendered from `templates` must be minified one by one: with
/// `minify` on in site.yaml, unless the templates were minified when loaded.
pub fn minify_pages(site: &Site, templates: &Templates) -> bool {
    site.config.minify && !templates.pages_are_minified()
}
pub use view::{LangView, og_locale};

use index::Index;
use pages::Scope;
use pagination::{List, Lists};

/// A file of the output, in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output folder, with `/` separators.
    pub path: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// One page (or generated file) to render. Identities are slugs/ids, not indexes, so that a
/// job means the same thing before and after the site changes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Job {
    /// The home page of a language, `/<lang>/`.
    Home {
        /// The language's code.
        lang: String,
    },
    /// A plain page, `/<lang>/<path>/`.
    Page {
        /// The language's code.
        lang: String,
        /// The page's path after `/<lang>/`: `about`.
        path: String,
    },
    /// A page of the list of all stories, `/<lang>/stories/` (and `page/<n>/` under it).
    Stories {
        /// The language's code.
        lang: String,
        /// The page's number, from 1: see [`pagination`].
        page: usize,
    },
    /// The stories from one country, `/<lang>/stories/from/<code>/`.
    StoriesFrom {
        /// The language's code.
        lang: String,
        /// The country's ISO 3166-1 alpha-2 code, as in the stories' `origin`: `SY`.
        country: String,
        /// The page's number, from 1.
        page: usize,
    },
    /// A story's page and its chapters track.
    Story {
        /// The language's code.
        lang: String,
        /// The story's folder name.
        slug: String,
    },
    /// The list of all themes, `/<lang>/themes/`.
    Themes {
        /// The language's code.
        lang: String,
    },
    /// A page of a theme, `/<lang>/themes/<id>/` (and `page/<n>/` under it).
    Theme {
        /// The language's code.
        lang: String,
        /// The theme's id, its file name.
        id: String,
        /// The page's number, from 1.
        page: usize,
    },
    /// The page gathering the statements, `/<lang>/statements/`.
    Statements {
        /// The language's code.
        lang: String,
    },
    /// The search page of a language, `/<lang>/search/`, and its index (pagefind's files
    /// under `/<lang>/search/pagefind/`). Only with the `search` feature.
    Search {
        /// The language's code.
        lang: String,
    },
    /// The Atom feed of a language's stories, `/<lang>/feed.xml`.
    Feed {
        /// The language's code.
        lang: String,
    },
    /// The language chooser, `/index.html`.
    Root,
    /// `/sitemap.xml`.
    Sitemap,
    /// The page for an address that does not exist in a language, `/<lang>/404.html`.
    NotFound {
        /// The language's code.
        lang: String,
    },
    /// The page for an address outside every language, `/404.html`, in the default language.
    NotFoundRoot,
    /// `/robots.txt`: what crawlers may read, and where the sitemap is.
    Robots,
    /// `/_headers`: the security headers for hosts that read that file.
    Headers,
    /// The open data of the published stories: `/data/stories.json` with every language's
    /// text (`lang: None`), or `/data/<lang>/stories.json` with the stories shown in one.
    Data {
        /// The language's code, or `None` for the file of every language.
        lang: Option<String>,
    },
    /// `/data/schema-v1.json`: the JSON Schema the data files follow.
    DataSchema,
}

impl Job {
    /// The template the job renders; `None` for the sitemap, the feeds, the hosting files and
    /// the open data, which are not made by a template.
    pub fn template(&self) -> Option<&'static str> {
        Some(match self {
            Job::Home { .. } => "home.html",
            Job::Page { .. } => "page.html",
            Job::Stories { .. } | Job::StoriesFrom { .. } => "stories.html",
            Job::Story { .. } => "story.html",
            Job::Themes { .. } => "themes.html",
            Job::Theme { .. } => "theme.html",
            Job::Statements { .. } => "statements.html",
            Job::Search { .. } => "search.html",
            Job::Root => "root.html",
            Job::NotFound { .. } | Job::NotFoundRoot => "404.html",
            Job::Sitemap
            | Job::Feed { .. }
            | Job::Robots
            | Job::Headers
            | Job::Data { .. }
            | Job::DataSchema => return None,
        })
    }

    /// The language of the page; `None` for the root's pages, the sitemap and the hosting
    /// files, which are the site's.
    pub fn lang(&self) -> Option<&str> {
        match self {
            Job::Home { lang }
            | Job::Page { lang, .. }
            | Job::Stories { lang, .. }
            | Job::StoriesFrom { lang, .. }
            | Job::Story { lang, .. }
            | Job::Themes { lang }
            | Job::Theme { lang, .. }
            | Job::Statements { lang }
            | Job::Search { lang }
            | Job::NotFound { lang }
            | Job::Feed { lang } => Some(lang),
            Job::Data { lang } => lang.as_deref(),
            Job::Root
            | Job::Sitemap
            | Job::NotFoundRoot
            | Job::Robots
            | Job::Headers
            | Job::DataSchema => None,
        }
    }

    /// The page's number in its list, from 1: 1 for a page that is not part of a list.
    pub fn page_number(&self) -> usize {
        match self {
            Job::Stories { page, .. } | Job::StoriesFrom { page, .. } | Job::Theme { page, .. } => {
                *page
            }
            _ => 1,
        }
    }

    /// The page's address without its language, for a job of a language.
    fn route(&self) -> Option<Route<'_>> {
        Some(match self {
            Job::Home { .. } => Route::Home,
            Job::Page { path, .. } => Route::Page(path),
            Job::Stories { .. } => Route::Stories,
            Job::StoriesFrom { country, .. } => Route::StoriesFrom(country),
            Job::Story { slug, .. } => Route::Story(slug),
            Job::Themes { .. } => Route::Themes,
            Job::Theme { id, .. } => Route::Theme(id),
            Job::Statements { .. } => Route::Statements,
            Job::Search { .. } => Route::Search,
            Job::Root
            | Job::Sitemap
            | Job::Feed { .. }
            | Job::NotFound { .. }
            | Job::NotFoundRoot
            | Job::Robots
            | Job::Headers
            | Job::Data { .. }
            | Job::DataSchema => return None,
        })
    }
}

/// Every job of a clean build, in a fixed order: per language (in the order of site.yaml) the
/// home page, the plain pages, the story lists (all, then by country, each page of them), the
/// stories, the theme lists and themes (each page of them), the statements, the search page
/// (with the `search` feature), the 404 page, the feed, the open data; then the language
/// chooser, the sitemap, the root's 404 page, `robots.txt`, `_headers`, the open data of every
/// language and its schema.
pub fn jobs(site: &Site) -> Vec<Job> {
    let origins: BTreeSet<&str> = site.stories.iter().map(|s| s.origin.as_str()).collect();
    let lists = Lists::new(site);
    let mut jobs = Vec::new();
    for language in &site.config.languages {
        let lang = || language.code.clone();
        let pages = |list: List| 1..=lists.pages(&language.code, list);
        jobs.push(Job::Home { lang: lang() });
        jobs.extend(site.pages.iter().map(|p| Job::Page {
            lang: lang(),
            path: p.path.clone(),
        }));
        jobs.extend(pages(List::Stories).map(|page| Job::Stories { lang: lang(), page }));
        for &origin in &origins {
            jobs.extend(pages(List::From(origin)).map(|page| Job::StoriesFrom {
                lang: lang(),
                country: origin.to_string(),
                page,
            }));
        }
        jobs.extend(site.stories.iter().map(|s| Job::Story {
            lang: lang(),
            slug: s.slug.clone(),
        }));
        jobs.push(Job::Themes { lang: lang() });
        for theme in &site.themes {
            jobs.extend(pages(List::Theme(&theme.id)).map(|page| Job::Theme {
                lang: lang(),
                id: theme.id.clone(),
                page,
            }));
        }
        jobs.push(Job::Statements { lang: lang() });
        if cfg!(feature = "search") {
            jobs.push(Job::Search { lang: lang() });
        }
        jobs.push(Job::NotFound { lang: lang() });
        jobs.push(Job::Feed { lang: lang() });
        jobs.push(Job::Data { lang: Some(lang()) });
    }
    jobs.push(Job::Root);
    jobs.push(Job::Sitemap);
    jobs.push(Job::NotFoundRoot);
    jobs.push(Job::Robots);
    jobs.push(Job::Headers);
    jobs.push(Job::Data { lang: None });
    jobs.push(Job::DataSchema);
    jobs
}

/// Interface strings formatted from the default language, as `(lang, key)`.
pub type Missing = Vec<(String, String)>;

/// What one job made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The files, in memory: none when the page does not exist in that language.
    pub files: Vec<OutputFile>,
    /// Interface strings that fell back to the default language while rendering, as
    /// `(lang, key)`, sorted, each once.
    pub missing: Missing,
}

/// What every job of a build shares, built once per build: the per-language views and the
/// site-wide indexes. Rendering through it reads the site and takes no lock.
pub struct Renderer<'a> {
    site: &'a Site,
    locales: &'a Locales,
    /// One per language of the site, in the order of site.yaml (the default first).
    views: Vec<LangView<'a>>,
    index: Index<'a>,
    /// How many stories each list has in each language, for its pages.
    lists: Lists<'a>,
    /// `themes/<site_theme>/templates`, for the locations of template errors.
    templates_dir: PathBuf,
    /// Whether each page must be minified after rendering (see [`Renderer::minify_pages`]).
    minify_pages: bool,
}

impl<'a> Renderer<'a> {
    /// Builds the per-language views and the indexes. `locales` is an `Arc` because each
    /// view's Tera instance keeps its own handle on it for `t()`.
    pub fn new(
        site: &'a Site,
        templates: &'a Templates,
        locales: &'a Arc<Locales>,
        asset_versions: &BTreeMap<String, String>,
    ) -> Self {
        let views = site
            .config
            .languages
            .iter()
            .map(|language| LangView::new(site, templates, locales, language, asset_versions))
            .collect();
        Renderer {
            site,
            locales,
            views,
            index: Index::new(site),
            lists: Lists::new(site),
            templates_dir: Path::new("themes")
                .join(&site.config.site_theme)
                .join("templates"),
            minify_pages: minify_pages(site, templates),
        }
    }

    /// Whether each page must go through the minifier after rendering: with `minify` on,
    /// only when a template could not be minified when loaded.
    pub fn minify_pages(&self) -> bool {
        self.minify_pages
    }

    /// Renders one job. A page that does not exist in that language (no text, no fallback)
    /// gives no files.
    pub fn render(&self, job: &Job) -> Result<Rendered, Diagnostic> {
        let (files, mut missing) = i18n::collect_fallbacks(|| self.files(job));
        let files = files?;
        if let Job::Story { slug, .. } = job {
            self.sweep(slug, &files)?;
        }
        // What the view itself formatted (the site's title) is on every page of the language.
        if let Some(view) = self.view_of(job).filter(|_| !files.is_empty()) {
            missing.extend(view.missing.iter().cloned());
            missing.sort();
            missing.dedup();
        }
        Ok(Rendered { files, missing })
    }

    /// The safety net of the forbidden terms rule ([`crate::forbidden`]): a term of a story's
    /// `private:` block in one of its rendered files is an error, though no text of the story
    /// holds it (assembly checked them all): a template, an interface string or a story shown
    /// beside it put it there. Reported where the term is listed; the files are not written.
    fn sweep(&self, slug: &str, files: &[OutputFile]) -> Result<(), Diagnostic> {
        let Some((_, story)) = self.index.story(slug) else {
            return Ok(());
        };
        if story.forbidden.is_empty() {
            return Ok(());
        }
        for file in files {
            let text = String::from_utf8_lossy(&file.bytes);
            let text = crate::forbidden::decode_references(&text);
            let found = story.forbidden.find_in(&text);
            let Some(term) = found.first().and_then(|f| story.forbidden.get(f.term)) else {
                continue;
            };
            let problem = Diagnostic::error(format!(
                "a term this story's `private:` block forbids ({}) appears in its page `{}`, though none of the story's texts holds it",
                term.label, file.path
            ))
            .with_help("a template, an interface string or a related story shown on the page writes it: change that, or the term if it is wrong; the page is not published until then");
            return Err(match &term.listed {
                Some(listed) => problem.at_location(listed.clone()),
                None => problem.in_file(story.texts.source_path.clone()),
            });
        }
        Ok(())
    }

    /// The slugs of the stories that the page of story `slug` in `lang` shows as related.
    pub fn related(&self, slug: &str, lang: &str) -> Vec<String> {
        let (Some((i, _)), Some(view)) = (
            self.index.story(slug),
            self.views.iter().find(|v| v.code() == lang),
        ) else {
            return Vec::new();
        };
        self.index
            .related
            .top(i, &view.shown, 3)
            .into_iter()
            .map(|other| self.site.stories[other].slug.clone())
            .collect()
    }

    /// The values every page of `lang` shows (its `site` context: title, navigation, asset
    /// addresses), as JSON, to tell whether they changed between two builds.
    pub fn site_values(&self, lang: &str) -> String {
        self.views
            .iter()
            .find(|v| v.code() == lang)
            .and_then(|v| serde_json::to_string(&v.site).ok())
            .unwrap_or_default()
    }

    /// The pages whose policy has an exception, with their addresses, in a fixed order (per
    /// language of site.yaml, stories in the site's order, then the search page): the story
    /// pages showing a YouTube video, in each language they are shown in, and each language's
    /// search page with its index below it (`/<lang>/search/*`, with the `search` feature).
    pub fn page_policies(&self) -> Vec<(String, hosting::PagePolicy)> {
        let mut pages = Vec::new();
        for view in &self.views {
            for (story, shown) in self.site.stories.iter().zip(&view.shown) {
                let policy = hosting::PagePolicy::of_story(story);
                if *shown && policy != hosting::PagePolicy::BASE {
                    let url = self.site.urls.page(view.code(), Route::Story(&story.slug));
                    pages.push((url, policy));
                }
            }
            if cfg!(feature = "search") {
                let url = self.site.urls.page(view.code(), Route::Search);
                pages.push((format!("{url}*"), hosting::PagePolicy::SEARCH));
            }
        }
        pages
    }

    /// The per-language view a job renders with: the default language's for the root.
    fn view_of(&self, job: &Job) -> Option<&LangView<'a>> {
        match job {
            Job::Root | Job::NotFoundRoot => self.views.first(),
            // The open data is the site's content, never the interface's strings.
            Job::Sitemap | Job::Robots | Job::Headers | Job::Data { .. } | Job::DataSchema => None,
            _ => self.views.iter().find(|v| Some(v.code()) == job.lang()),
        }
    }

    fn files(&self, job: &Job) -> Result<Vec<OutputFile>, Diagnostic> {
        match job {
            Job::Sitemap => return Ok(vec![sitemap::sitemap(self.site)]),
            Job::Robots => return Ok(vec![hosting::robots(&self.site.urls)]),
            Job::Headers => return Ok(vec![hosting::headers(&self.page_policies())]),
            Job::Data { lang } => return opendata::stories(self.site, lang.as_deref()),
            Job::DataSchema => return Ok(vec![opendata::schema()]),
            _ => {}
        }
        if let (Job::Feed { lang }, Some(view)) = (job, self.view_of(job)) {
            return Ok(vec![feed::feed(self.site, lang, &view.site.title)]);
        }
        let (Some(view), Some(template)) = (self.view_of(job), job.template()) else {
            return Ok(Vec::new());
        };
        let scope = Scope::new(self, view);
        let Some(context) = pages::context(&scope, job) else {
            return Ok(Vec::new());
        };
        let html = self.render_template(view, template, &context)?;
        let path = match (job, job.route()) {
            (_, Some(route)) => Urls::list_output_path(view.code(), route, job.page_number()),
            (Job::NotFound { lang }, None) => Urls::not_found_path(Some(lang)),
            (Job::NotFoundRoot, None) => Urls::not_found_path(None),
            (_, None) => "index.html".into(),
        };
        let mut files = vec![OutputFile {
            path,
            bytes: html.into_bytes(),
        }];
        if let Job::Story { slug, .. } = job {
            files.extend(pages::chapters(&scope, slug));
        }
        #[cfg(feature = "search")]
        if let Job::Search { .. } = job {
            files.extend(search::index(&scope)?);
        }
        Ok(files)
    }

    fn render_template(
        &self,
        view: &LangView,
        template: &str,
        context: &Context,
    ) -> Result<String, Diagnostic> {
        let tera_context = tera::Context::from_serialize(context).map_err(|e| {
            Diagnostic::error(format!("cannot pass the page's data to the templates: {e}"))
        })?;
        view.tera().render(template, &tera_context).map_err(|err| {
            let mut d = templates::template_error(&err, &self.templates_dir);
            if d.location.is_none() {
                d = d.in_file(self.templates_dir.join(template));
            }
            d
        })
    }
}

/// Where rendered files go, as they are made: called from many threads at once.
pub type Emit<'a> = dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync + 'a;

/// Renders every job of the site ([`jobs`]) in parallel: every page in every language, the
/// language chooser, the sitemap, the feeds, the open data and the chapter tracks; hands each
/// file to `emit` as soon as it is made (so that a large site is never all in memory at once).
/// Returns the problems found, including those `emit` returned, and the interface strings that
/// fell back to the default language, as `(lang, key)`, sorted, each once.
pub fn render(
    site: &Site,
    templates: &Templates,
    locales: &Arc<Locales>,
    asset_versions: &BTreeMap<String, String>,
    emit: &Emit,
) -> (Diagnostics, Missing) {
    let renderer = Renderer::new(site, templates, locales, asset_versions);
    let results: Vec<(Vec<Diagnostic>, Missing)> = jobs(site)
        .par_iter()
        .map(|job| match renderer.render(job) {
            Ok(rendered) => {
                let failed = rendered.files.into_iter().filter_map(|f| emit(f).err());
                (failed.collect(), rendered.missing)
            }
            Err(d) => (vec![d], Vec::new()),
        })
        .collect();
    let mut problems = Diagnostics::new();
    let mut missing = BTreeSet::new();
    for (found, fell_back) in results {
        problems.extend(found);
        missing.extend(fell_back);
    }
    (problems, missing.into_iter().collect())
}

/// The name a poster has in the output, as [`crate::urls::poster_file_name`] decides it (the
/// output stage writes it at [`Urls::poster_path`]; one rule, so the address and the file agree).
pub fn poster_output_name(name: &str) -> String {
    crate::urls::poster_file_name(name).to_string()
}

#[cfg(test)]
mod tests;
