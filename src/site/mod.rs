//! Assembling the site: parsing every source file's front matter and Markdown, grouping
//! translations with their source, resolving themes, segments and captions, and validating
//! everything. The result is one immutable [`Site`] that rendering reads in parallel.
//!
//! Assembly is pure: `content` has read every file (caption files included). Each stage of it
//! has its own module: [`parse`] reads a file's front matter, [`item`] builds a page, a theme
//! or a story, [`story`] calls a story's rules in order, and the rules themselves are small
//! functions in [`rules`], [`video`] and [`captions`], each unit-tested with strings.
//! [`texts`] holds the translatable text of a page and its translations, [`resolve`] the
//! internal links, [`doc`] the front matter tree that points a message at a key.

mod cache;
mod caption_quality;
mod captions;
mod consent;
mod doc;
mod item;
mod parse;
mod private;
mod resolve;
mod rules;
mod story;
mod texts;
mod video;

#[cfg(test)]
mod testing;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{Content, Kind};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::*;
use crate::urls::Urls;
use crate::webvtt::{Captions, Timestamp};

use item::{Item, build_item};
use parse::{Parsed, parse_file};
use resolve::{Resolver, content_link};
use story::{Folders, Shared};

pub use cache::Cache;
pub use resolve::route_of;
pub use texts::{
    BodyImage, Localized, PageText, StoryText, Texts, ThemeText, Translation, fingerprint,
};

/// A plain page, e.g. About.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The path after `/<lang>/`, e.g. `about`.
    pub path: String,
    pub texts: Texts<PageText>,
}

/// One of the subjects the research is organised by.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub id: String,
    pub order: u32,
    pub texts: Texts<ThemeText>,
}

/// Where a story's video comes from.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub start: Timestamp,
    /// The next segment's start, or the end of the video.
    pub end: Timestamp,
    pub themes: Vec<String>,
}

/// A story's caption file in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptionTrack {
    pub lang: String,
    /// The writing direction of the language, which the published file's lines keep
    /// ([`Captions::to_vtt_in`]).
    pub dir: crate::config::Direction,
    pub path: PathBuf,
    pub captions: Captions,
}

/// A story's poster picture: the editor's file, re-encoded by the output stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Poster {
    /// The file's name in the story's folder, as `video: poster:` gives it.
    pub name: String,
    /// Its full path, for the output stage to read and re-encode.
    pub path: PathBuf,
    /// Its width and height in pixels, read when the folder was loaded; the re-encoded picture
    /// keeps every pixel, so it is the published picture's size. `None` when the file's
    /// header could not be read (the output stage then reports the picture).
    pub size: Option<(u32, u32)>,
}

/// One defector's testimony.
#[derive(Debug, Clone, PartialEq)]
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
    pub poster: Option<Poster>,
    pub duration: Timestamp,
    pub captions: Vec<CaptionTrack>,
    pub segments: Vec<Segment>,
    pub warnings: Vec<Warning>,
    pub texts: Texts<StoryText>,
    /// What its `private:` block says must never be published (its `forbidden:` terms and
    /// `real_name:`), normalised: checked in its sources while assembling, and in its rendered
    /// pages as a safety net. Never shown: it has no place in any template's data.
    pub forbidden: crate::forbidden::Terms,
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
    pub stories: Vec<std::sync::Arc<Story>>,
}

impl Site {
    /// Every picture shown in the text of a page of the site (home, pages, themes, stories,
    /// every kept translation), as often as it is shown.
    pub fn body_images(&self) -> impl Iterator<Item = &BodyImage> {
        let home = self
            .home
            .iter()
            .flat_map(|t| t.all())
            .flat_map(|t| &t.body_images);
        let pages = self
            .pages
            .iter()
            .flat_map(|p| p.texts.all())
            .flat_map(|t| &t.body_images);
        let themes = self
            .themes
            .iter()
            .flat_map(|p| p.texts.all())
            .flat_map(|t| &t.body_images);
        let stories = self
            .stories
            .iter()
            .flat_map(|p| p.texts.all())
            .flat_map(|t| &t.body_images);
        home.chain(pages).chain(themes).chain(stories)
    }

    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
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

/// [`assemble`], with drafts left out or kept as `drafts` says. The stages run in order, each
/// adding its problems to the list: parse every file, group translations with their source,
/// then build every page (in parallel) and put them in order.
pub fn assemble_with(
    config: Config,
    content: Content,
    drafts: Drafts,
) -> (Option<Site>, Diagnostics) {
    assemble_cached(config, &content, drafts, &Cache::none())
}

/// [`assemble_with`], taking what was parsed before from `cache` (see [`Cache`]) and leaving
/// there what it parses.
pub fn assemble_cached(
    config: Config,
    content: &Content,
    drafts: Drafts,
    cache: &Cache,
) -> (Option<Site>, Diagnostics) {
    let mut problems = Diagnostics::new();
    // Every theme file counts, broken or draft: a story naming it is not wrong for that.
    let theme_ids = theme_ids(&content.files);
    let (parsed, withheld) = parse_all(content.files.clone(), cache, &mut problems);
    let groups = group(parsed, &mut problems);
    let complete = with_sources(groups, &withheld, &mut problems);

    let urls = Urls::new(&config.base_url);
    let today = config.today;
    let (link_targets, languages_of) = link_maps(&complete, drafts, today);
    let only_in = consented_languages(&complete);
    let addresses = resolve::site_addresses(
        &config,
        &languages_of,
        &only_in,
        &origins(&complete, drafts),
    );
    let resolver = Resolver {
        urls: &urls,
        config: &config,
        targets: &link_targets,
        languages_of: &languages_of,
        only_in: &only_in,
        addresses: &addresses,
        formatter: crate::i18n::Formatter::new(&config.default_language().code),
        drafts,
        cache,
        pictures: &content.pictures,
    };
    let folders = Folders {
        files: &content.story_files,
        texts: &content.story_texts,
        pictures: &content.story_pictures,
    };
    let shared = Shared {
        resolver: &resolver,
        theme_ids: &theme_ids,
        folders: &folders,
    };
    let order = theme_order(&complete, drafts, today);
    let digest = cache.keeps().then(|| {
        let digest = site_digest(
            &theme_ids,
            &order,
            &link_targets,
            &languages_of,
            &addresses,
            drafts,
            content,
        );
        // What links read of consent is part of what a page is built from.
        let only: BTreeMap<&Kind, &BTreeSet<String>> = only_in.iter().collect();
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        (digest, only).hash(&mut hasher);
        hasher.finish()
    });
    // A built page, its story's themes put in theme order.
    let build = |kind: &Kind, source, translations| {
        let mut built = build_kept(&shared, kind, source, translations);
        if let (Some(Item::Story(story)), _) = &mut built {
            sort_themes(std::sync::Arc::make_mut(story), &order);
        }
        built
    };
    let assembled: Vec<(Option<Item>, Vec<Diagnostic>)> = complete
        .into_par_iter()
        .map(|(kind, source, translations)| match digest {
            Some(site) => {
                let sources = ItemSources::of(&kind, &source, &translations, &folders);
                if let Some(built) = cache.built(&kind, |kept| sources.same(kept, site)) {
                    return built;
                }
                let inputs = sources.owned(site);
                let built = build(&kind, source, translations);
                cache.keep_built(&kind, inputs, &built);
                built
            }
            None => build(&kind, source, translations),
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
            Some(Item::Story(story)) => site.stories.push(story),
            None => {}
        }
    }
    put_in_order(&mut site);
    if problems.has_errors() {
        (None, problems)
    } else {
        (Some(site), problems)
    }
}

/// The ids of every theme file, read or not.
fn theme_ids(files: &[crate::content::SourceFile]) -> BTreeSet<String> {
    files
        .iter()
        .filter(|f| f.is_source)
        .filter_map(|f| match &f.kind {
            Kind::Theme { id } => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// Parses every file (in parallel). Returns those that could be read, and the kinds whose
/// source could not be: their translations are left out quietly (the source has its own
/// error). Drafts are checked like everything else and, unless they are shown, left out at
/// the end.
fn parse_all(
    files: Vec<crate::content::SourceFile>,
    cache: &Cache,
    problems: &mut Diagnostics,
) -> (Vec<Parsed>, BTreeSet<Kind>) {
    type Read = (Option<Kind>, Result<Parsed, Vec<Diagnostic>>);
    let results: Vec<Read> = files
        .into_par_iter()
        .map(|file| {
            (
                file.is_source.then(|| file.kind.clone()),
                parse_file(file, cache),
            )
        })
        .collect();
    let mut parsed = Vec::new();
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
    (parsed, withheld)
}

/// A page's source (if any) and its translations.
type Group = (Option<Parsed>, Vec<Parsed>);

/// Groups files by kind: the source first, then translations by language. A second file for
/// the same page in the same language is reported and left out.
fn group(parsed: Vec<Parsed>, problems: &mut Diagnostics) -> BTreeMap<Kind, Group> {
    let mut groups: BTreeMap<Kind, Group> = BTreeMap::new();
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
    groups
}

/// The groups that have a source. Translations without one are reported (unless the source
/// is there but could not be read) and dropped, before links are resolved.
fn with_sources(
    groups: BTreeMap<Kind, Group>,
    withheld: &BTreeSet<Kind>,
    problems: &mut Diagnostics,
) -> Vec<(Kind, Parsed, Vec<Parsed>)> {
    let mut complete = Vec::new();
    for (kind, (source, translations)) in groups {
        match source {
            Some(source) => complete.push((kind, source, translations)),
            None if withheld.contains(&kind) => {}
            None => problems.extend(translations.iter().map(translation_without_source)),
        }
    }
    complete
}

/// The error for a translation whose source is missing.
fn translation_without_source(t: &Parsed) -> Diagnostic {
    let path = &t.file.source.path;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let source_name = name.split('.').next().unwrap_or_default();
    Diagnostic::error(format!(
        "this translation has no source: there is no `{source_name}.md` beside it"
    ))
    .with_help(format!(
        "a translation `{name}` translates `{source_name}.md` in the default language: add that file, or rename this one"
    ))
    .in_file(path.clone())
}

/// What links resolve with: the page each content path names, and the languages each page
/// is written in. A draft is no page to link to: a link to it would lead nowhere once
/// published. In a preview with drafts it is there, so the link is followed as it will be
/// once both are.
fn link_maps(
    complete: &[(Kind, Parsed, Vec<Parsed>)],
    drafts: Drafts,
    today: crate::date::Date,
) -> (HashMap<String, Kind>, HashMap<Kind, BTreeSet<String>>) {
    // Whether a parsed file is part of the site: a draft only in a preview with drafts; an
    // embargoed or withdrawn page never (see `Meta::kept`).
    let kept = |meta: &parse::Meta| meta.kept(drafts, today);
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
    (link_targets, languages_of)
}

/// The languages each story's consent names (site languages only), for links to follow.
fn consented_languages(
    complete: &[(Kind, Parsed, Vec<Parsed>)],
) -> HashMap<Kind, BTreeSet<String>> {
    complete
        .iter()
        .filter_map(|(kind, source, _)| match &*source.meta {
            parse::Meta::Story(meta) => {
                let consent = meta.consent.as_ref()?;
                let langs = consent.languages.iter().map(|l| l.trim().to_string());
                Some((kind.clone(), langs.collect()))
            }
            _ => None,
        })
        .collect()
}

/// The countries stories come from, as written (`SY`), for the addresses of their lists.
/// Read from the front matter before the stories are built, so that their pages can link to
/// these lists by hand.
fn origins(complete: &[(Kind, Parsed, Vec<Parsed>)], drafts: Drafts) -> BTreeSet<String> {
    complete
        .iter()
        .filter_map(|(_, source, _)| match source.meta.as_ref() {
            parse::Meta::Story(meta) if drafts == Drafts::Shown || !source.meta.is_draft() => {
                Some(meta.origin.trim().to_string())
            }
            _ => None,
        })
        .collect()
}

/// A digest of what building one page may read of the rest of the site: the theme ids, the
/// link targets, the languages of each page, the addresses hand-written links may lead to,
/// and whether drafts are shown.
fn site_digest(
    theme_ids: &BTreeSet<String>,
    order: &HashMap<String, u32>,
    targets: &HashMap<String, Kind>,
    languages_of: &HashMap<Kind, BTreeSet<String>>,
    addresses: &BTreeSet<String>,
    drafts: Drafts,
    content: &Content,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    // Any page's text may show any picture of content/ (its own folder's): a picture saved
    // again makes every page be assembled again, which is cheap next to encoding it.
    content.pictures.hash(&mut hasher);
    theme_ids.hash(&mut hasher);
    let order: BTreeMap<&String, &u32> = order.iter().collect();
    order.hash(&mut hasher);
    let targets: BTreeMap<&String, &Kind> = targets.iter().collect();
    targets.hash(&mut hasher);
    let languages: BTreeMap<&Kind, &BTreeSet<String>> = languages_of.iter().collect();
    languages.hash(&mut hasher);
    // Hand-written links are checked against these (a story's new country adds its list).
    addresses.hash(&mut hasher);
    (drafts == Drafts::Shown).hash(&mut hasher);
    hasher.finish()
}

/// What the page of `kind` is built from, borrowed, for the cache: its texts and, for a
/// story, its folder's files and caption texts.
struct ItemSources<'a> {
    texts: Vec<&'a std::sync::Arc<crate::diagnostic::SourceText>>,
    files: Option<&'a BTreeMap<String, PathBuf>>,
    folder_texts: Option<&'a BTreeMap<String, crate::content::ReadText>>,
    pictures: Option<&'a BTreeMap<String, (u32, u32)>>,
}

impl<'a> ItemSources<'a> {
    fn of(
        kind: &Kind,
        source: &'a Parsed,
        translations: &'a [Parsed],
        folders: &'a Folders,
    ) -> Self {
        let texts = std::iter::once(source)
            .chain(translations)
            .map(|p| &p.file.source)
            .collect();
        let (files, folder_texts, pictures) = match kind {
            Kind::Story { slug } => (
                folders.files.get(slug),
                folders.texts.get(slug),
                folders.pictures.get(slug),
            ),
            _ => (None, None, None),
        };
        ItemSources {
            texts,
            files,
            folder_texts,
            pictures,
        }
    }

    fn same(&self, kept: &cache::ItemInputs, site: u64) -> bool {
        kept.same_as(
            &self.texts,
            self.files,
            self.folder_texts,
            self.pictures,
            site,
        )
    }

    fn owned(&self, site: u64) -> cache::ItemInputs {
        cache::ItemInputs {
            texts: self
                .texts
                .iter()
                .map(|t| std::sync::Arc::clone(t))
                .collect(),
            files: self.files.cloned().unwrap_or_default(),
            folder_texts: self
                .folder_texts
                .map(|t| t.iter().map(|(n, r)| (n.clone(), r.clone())).collect())
                .unwrap_or_default(),
            pictures: self.pictures.cloned().unwrap_or_default(),
            site,
        }
    }
}

/// Builds a page and decides whether it is part of the site. A draft is checked, so that it is
/// ready when it is published, but never built; what is wrong in it is a warning, so that a
/// story begun with `testimony new` (whose video is not there yet) does not stop the rest of
/// the site from building. In a preview with drafts, a draft without errors is kept; one with
/// errors is left out still, as what is broken in it (a missing file) would break the preview.
fn build_kept(
    shared: &Shared,
    kind: &Kind,
    source: Parsed,
    translations: Vec<Parsed>,
) -> (Option<Item>, Vec<Diagnostic>) {
    let drafts = shared.resolver.drafts;
    let mut problems = Vec::new();
    let standing = source.meta.standing(shared.resolver.config.today);
    if standing == parse::Standing::Withdrawn {
        // Neither built nor checked: nothing of a withdrawn story is rendered, read further
        // or printed, whatever its state.
        return (None, problems);
    }
    let draft = source.meta.is_draft();
    let embargo = source.meta.publish_after().map(str::to_string);
    let mut embargo_problems = Vec::new();
    if embargo.is_some() {
        let doc = doc::Doc {
            file: &source.file,
            fields: &source.fields,
        };
        consent::publish_after(&doc, embargo.as_deref(), &mut embargo_problems);
    }
    let item = build_item(shared, kind, source, translations, &mut problems);
    let broken = problems
        .iter()
        .any(|p| p.severity == crate::diagnostic::Severity::Error);
    if standing == parse::Standing::Embargoed {
        embargo_held(&mut problems, embargo.as_deref().unwrap_or_default());
    } else if draft {
        draft_problems(&mut problems, drafts);
    }
    // An unreadable embargo date stays an error, whatever the page's state.
    problems.extend(embargo_problems);
    let keep = match standing {
        parse::Standing::Published => true,
        parse::Standing::Draft => drafts == Drafts::Shown && !broken,
        parse::Standing::Embargoed | parse::Standing::Withdrawn => false,
    };
    let item = item.filter(|_| keep).map(|mut item| {
        item.mark_draft(draft);
        item
    });
    (item, problems)
}

/// Turns a draft's problems into warnings that say why the build goes on.
fn draft_problems(problems: &mut [Diagnostic], drafts: Drafts) {
    let what = match drafts {
        Drafts::Withheld => "so the build goes on; fix this before publishing it",
        Drafts::Shown => {
            "so the build goes on without it; fix this to see it in the preview, and before publishing it"
        }
    };
    for problem in problems {
        problem.severity = crate::diagnostic::Severity::Warning;
        let help = problem.help.take().unwrap_or_default();
        problem.help = Some(format!(
            "{help}{}this page is a draft, {what}",
            if help.is_empty() { "" } else { ". " }
        ));
    }
}

/// Turns an embargoed page's problems into warnings: it is checked, so that it is ready on its
/// date, but it is not built today.
fn embargo_held(problems: &mut [Diagnostic], date: &str) {
    for problem in problems {
        problem.severity = crate::diagnostic::Severity::Warning;
        let help = problem.help.take().unwrap_or_default();
        problem.help = Some(format!(
            "{help}{}this page is kept out until {date} (`publish_after`), so the build goes on; fix this before then",
            if help.is_empty() { "" } else { ". " }
        ));
    }
}

/// Themes in their order, stories newest interview first (then by slug), and each story's
/// themes in theme order.
fn put_in_order(site: &mut Site) {
    site.themes
        .sort_by(|a, b| (a.order, &a.id).cmp(&(b.order, &b.id)));
    site.stories.sort_by(|a, b| {
        b.interviewed
            .cmp(&a.interviewed)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let order: HashMap<&str, u32> = site
        .themes
        .iter()
        .map(|t| (t.id.as_str(), t.order))
        .collect();
    // Each story's themes were put in this order as it was built (see `sort_themes`).
    debug_assert!(site.stories.iter().all(|story| {
        let key = |id: &String| {
            (
                order.get(id.as_str()).copied().unwrap_or(u32::MAX),
                id.clone(),
            )
        };
        story.themes.is_sorted_by_key(key)
    }));
}

/// The `order` of each theme that is part of the site (a draft only in a preview with drafts).
fn theme_order(
    complete: &[(Kind, Parsed, Vec<Parsed>)],
    drafts: Drafts,
    today: crate::date::Date,
) -> HashMap<String, u32> {
    complete
        .iter()
        .filter(|(_, source, _)| source.meta.kept(drafts, today))
        .filter_map(|(kind, source, _)| match (kind, &*source.meta) {
            (Kind::Theme { id }, parse::Meta::Theme(meta)) => Some((id.clone(), meta.order)),
            _ => None,
        })
        .collect()
}

/// A story's themes in theme order (then by id; unknown ones last).
fn sort_themes(story: &mut Story, order: &HashMap<String, u32>) {
    story.themes.sort_by_key(|id| {
        (
            order.get(id.as_str()).copied().unwrap_or(u32::MAX),
            id.clone(),
        )
    });
}
