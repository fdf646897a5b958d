//! The live preview's builds: `serve` keeps what its last good build made and, on a save,
//! redoes only the render jobs that the change touched, then writes only the files whose bytes
//! changed.
//!
//! The first build, and any build after `site.yaml` changed, renders everything into a
//! staging folder that replaces the served folder, as `build` does. After that, a rebuild:
//! 1. reads again only the changed paths ([`Content::update`]) and assembles the site with
//!    what the last assembly parsed ([`Cache`]), so that only changed files are parsed;
//! 2. finds what changed **by value**, not by file name: the stories, themes, pages and home
//!    page that differ from the last build's (so a changed link target or a draft published
//!    elsewhere is seen where it shows), the languages whose strings or site-wide values
//!    (title, navigation, asset versions) differ, and the templates whose text differs;
//! 3. redoes each job whose inputs ([`Inputs`]: its own item, the items it shows, its language,
//!    its templates) meet what changed, in the last build or this one (a story that stopped
//!    being related to another changes that other's page too), and every job that is new;
//! 4. renders them in memory, and on any error stops with the served folder as it was;
//! 5. writes the files whose bytes differ, removes those no job makes any more, and copies a
//!    story's video again only if it changed on disk; the marker is written from the
//!    checksums kept for every file (a video's summed once, when it changed), with no file
//!    read again.
//!
//! A result equals a clean build: the tests compare the two, file by file.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use crate::build::{self, Loaded};
use crate::config::CONFIG_FILE;
use crate::content::{self, CONTENT_DIR, Content};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::output::sink::finish;
use crate::output::{self, Checksum, CopiedFile, MARKER, Staging};
use crate::render::{Job, OutputFile, Renderer, Templates};
use crate::site::{Cache, Drafts, Site, Story};

/// The builds of one `serve`.
pub struct Preview {
    root: PathBuf,
    out: PathBuf,
    base_url: Option<String>,
    drafts: Drafts,
    /// The build date of every build of this session (`--now`, else the first build's): a
    /// date passing while `serve` runs changes nothing until it is restarted, so that an
    /// embargo never lifts half-way through a session with some pages redone and others not.
    now: Option<String>,
    cache: Cache,
    /// What `content/` holds now, kept up to date by each build, failed or not.
    content: Option<Content>,
    last: Option<Last>,
    /// The sources changed since the last good build: a failed rebuild keeps them, so that
    /// the next one redoes what they touched.
    pending: BTreeSet<PathBuf>,
    /// The pictures of page text encoded so far, by name.
    pictures: output::images::Memory,
}

/// What a build did, for the terminal.
#[derive(Debug)]
pub struct Rebuilt {
    /// Everything was rendered (the first build, or site.yaml changed).
    pub full: bool,
    /// The jobs rendered.
    pub rendered: Vec<Job>,
    /// The files written (their bytes changed, or they are new), by path in the output.
    pub written: Vec<String>,
    /// The files removed: no job makes them any more.
    pub removed: Vec<String>,
    /// Every warning the site has now (not only those of the changed files).
    pub warnings: Diagnostics,
    /// HTML pages in the output now, per language.
    pub pages: BTreeMap<String, usize>,
    pub elapsed: Duration,
}

impl std::fmt::Display for Rebuilt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pages: usize = self.pages.values().sum();
        let how = if self.full { "built" } else { "rebuilt" };
        write!(
            f,
            "{how} {} of {pages} pages, wrote {} file(s), removed {} in {} ms",
            self.rendered.len(),
            self.written.len(),
            self.removed.len(),
            self.elapsed.as_millis()
        )
    }
}

/// The last good build.
struct Last {
    loaded: Loaded,
    /// Each template's text, as parsed, to tell which changed.
    templates: BTreeMap<String, Vec<tera::ast::Node>>,
    outputs: Outputs,
    /// The warnings of loading and assembling.
    warnings: Diagnostics,
}

/// What a build made, as the next one compares with it.
struct Outputs {
    /// Per language: the values every page of it shows (JSON of the site context).
    site_values: BTreeMap<String, String>,
    /// Every job of the site: those redone, and those carried over from the build before.
    jobs: BTreeMap<Job, Done>,
    /// Per story slug: what its media made.
    media: BTreeMap<String, Media>,
    /// Every file of the output, with its checksum, from which the marker is written.
    files: BTreeMap<String, Checksum>,
    /// Per copied file (a video, a file of `static/`), what stands for its source (path, size
    /// and time), so that an unchanged one is neither copied nor summed again.
    copied: BTreeMap<String, u64>,
    /// The site theme's assets, by path in the output.
    assets: Vec<String>,
    /// The files of the site's own `static/` folder, by path in the output.
    statics: Vec<String>,
    /// The files of the pictures of page text, by path in the output.
    pictures: Vec<String>,
}

impl Last {
    /// Every warning of the site as built: loading and assembling, the media, the interface
    /// strings that fell back.
    fn warnings(&self) -> Diagnostics {
        let mut warnings = self.warnings.clone();
        warnings.extend(
            self.outputs
                .media
                .values()
                .flat_map(|m| m.problems.iter().cloned()),
        );
        let missing = self
            .outputs
            .jobs
            .values()
            .flat_map(|done| done.missing.iter().cloned());
        let site = &self.loaded.site;
        warnings.extend(build::missing_strings(site, &self.loaded.locales, missing));
        warnings.sorted()
    }

    /// The HTML pages of the output, per language.
    fn pages(&self) -> BTreeMap<String, usize> {
        let mut pages = BTreeMap::new();
        for path in self.outputs.files.keys().filter(|p| p.ends_with(".html")) {
            if let Some((lang, _)) = path.split_once('/') {
                *pages.entry(lang.to_string()).or_default() += 1;
            }
        }
        pages
    }
}

/// What a job made last time.
#[derive(Clone)]
struct Done {
    files: Vec<String>,
    missing: Vec<(String, String)>,
    inputs: Inputs,
}

/// What one story's media made last time.
#[derive(Clone, Default)]
struct Media {
    files: Vec<String>,
    problems: Vec<Diagnostic>,
}

/// Which items of the site a job's page shows, besides its language's site-wide values and its
/// templates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inputs {
    /// The story the page is about: every part of it (its text, captions, video) shows.
    pub story: Option<String>,
    /// Stories the page shows a card of (title, summary, segments, statement), not their text.
    pub listed: Items,
    /// Stories whose searched texts the job reads (title, summary, statement, the cues of
    /// their captions): a language's search index.
    pub searched: Items,
    /// The page shows which stories there are, where they show and how they are grouped
    /// (their languages, themes, country, order): lists, counts, related stories.
    pub members: bool,
    pub themes: Items,
    pub pages: Items,
    pub home: bool,
}

/// Some items by key, or every one of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Items {
    #[default]
    None,
    Some(BTreeSet<String>),
    All,
}

impl Items {
    fn of(keys: impl IntoIterator<Item = String>) -> Self {
        Items::Some(keys.into_iter().collect())
    }

    fn meets(&self, changed: &BTreeSet<String>) -> bool {
        match self {
            Items::None => false,
            Items::Some(keys) => !keys.is_disjoint(changed),
            Items::All => !changed.is_empty(),
        }
    }
}

/// What differs between the last good build and this one.
#[derive(Debug, Default)]
pub struct Changes {
    /// Stories that differ in any way (text, captions, files in their folder).
    pub stories: BTreeSet<String>,
    /// Stories whose cards differ: anything but their text and captions.
    pub listed: BTreeSet<String>,
    /// Stories whose searched texts differ: their card, or the cues of their captions.
    pub searched: BTreeSet<String>,
    /// Whether a story came, went, or changed its languages, themes, country or date.
    pub members: bool,
    pub themes: BTreeSet<String>,
    pub pages: BTreeSet<String>,
    pub home: bool,
    /// Languages whose strings or site-wide values changed: every page of them is redone.
    pub languages: BTreeSet<String>,
    pub templates: BTreeSet<String>,
}

impl Changes {
    /// Whether a job with these inputs, language and templates must be redone.
    fn touch(&self, inputs: &Inputs, lang: Option<&str>, templates: &BTreeSet<String>) -> bool {
        inputs
            .story
            .as_ref()
            .is_some_and(|s| self.stories.contains(s))
            || inputs.listed.meets(&self.listed)
            || inputs.searched.meets(&self.searched)
            || (inputs.members && self.members)
            || inputs.themes.meets(&self.themes)
            || inputs.pages.meets(&self.pages)
            || (inputs.home && self.home)
            || lang.is_some_and(|l| self.languages.contains(l))
            || !templates.is_disjoint(&self.templates)
    }

    /// Sorts the changed stories of two builds into `listed` and `members`.
    fn classify_stories(&mut self, old: &Site, new: &Site) {
        let find =
            |site: &'_ Site, slug: &str| site.stories.iter().find(|s| s.slug == slug).cloned();
        for slug in &self.stories {
            match (find(old, slug), find(new, slug)) {
                (Some(before), Some(after)) => {
                    if membership(&before, old) != membership(&after, new) {
                        self.members = true;
                    }
                    let (before, after) = (search_part(&before), search_part(&after));
                    if before != after {
                        self.searched.insert(slug.clone());
                    }
                    if card_part(before) != card_part(after) {
                        self.listed.insert(slug.clone());
                    }
                }
                _ => {
                    self.members = true;
                    self.listed.insert(slug.clone());
                    self.searched.insert(slug.clone());
                }
            }
        }
    }
}

/// What of a story decides where it is listed: its country, date, themes (its segments'
/// too), and in which languages it shows.
fn membership(story: &Story, site: &Site) -> impl PartialEq {
    let shown: Vec<bool> = site
        .config
        .languages
        .iter()
        .map(|l| {
            story
                .texts
                .get(&l.code, site.config.missing_translation)
                .is_some()
        })
        .collect();
    let segment_themes: Vec<Vec<String>> =
        story.segments.iter().map(|s| s.themes.clone()).collect();
    (
        story.origin.clone(),
        story.interviewed,
        story.themes.clone(),
        segment_themes,
        shown,
    )
}

/// A story without what only its own page shows but its captions' cues (its text, the
/// captions' file names, its video file): what its card and its search record are made from.
fn search_part(story: &Story) -> Story {
    let mut story = story.clone();
    // The fingerprint of the text, and whether a translation is older than it, show on the
    // story's own pages only.
    story.texts.source.body_html.clear();
    story.texts.source.body_images.clear();
    story.texts.hash.clear();
    for translation in story.texts.translations.values_mut() {
        translation.text.body_html.clear();
        translation.text.body_images.clear();
        translation.stale = false;
    }
    for track in &mut story.captions {
        track.path.clear();
    }
    story
}

/// A story without what only its own page shows (its text, its captions' cues and file names,
/// its video file): what a card of it in a list, and its entry in the open data, is made from.
/// Made from its [`search_part`].
fn card_part(mut story: Story) -> Story {
    // The open data lists which languages a story is captioned in (and their addresses, made
    // from the language); the cues show on the story's pages and in the search index only.
    for track in &mut story.captions {
        track.captions.cues.clear();
    }
    // The forbidden terms are looked for in the story's own pages only.
    story.forbidden = Default::default();
    story
}

/// The inputs of `job` in `site` as `renderer` renders it; `stories` finds a story by slug.
pub fn inputs(job: &Job, stories: &HashMap<&str, &Story>, renderer: &Renderer) -> Inputs {
    let slugs = |keep: &dyn Fn(&Story) -> bool| {
        Items::of(stories.values().filter(|s| keep(s)).map(|s| s.slug.clone()))
    };
    match job {
        Job::Story { lang, slug } => {
            let story = stories.get(slug.as_str());
            let themes = story.into_iter().flat_map(|s| {
                s.themes
                    .iter()
                    .chain(s.segments.iter().flat_map(|seg| &seg.themes))
                    .cloned()
            });
            Inputs {
                story: Some(slug.clone()),
                listed: Items::of(renderer.related(slug, lang)),
                themes: Items::of(themes),
                // Which stories are related depends on every story's themes and languages.
                members: true,
                ..Inputs::default()
            }
        }
        Job::Page { path, .. } => Inputs {
            pages: Items::of([path.clone()]),
            ..Inputs::default()
        },
        // The language chooser shows the site's values only.
        Job::Root => Inputs::default(),
        Job::Statements { .. } => Inputs {
            listed: Items::All,
            members: true,
            ..Inputs::default()
        },
        Job::StoriesFrom { country, .. } => Inputs {
            listed: slugs(&|s| &s.origin == country),
            members: true,
            ..Inputs::default()
        },
        // A theme's page shows its stories' cards and segments, and every theme with counts.
        Job::Theme { id, .. } => Inputs {
            listed: slugs(&|s| s.themes.contains(id)),
            members: true,
            themes: Items::All,
            ..Inputs::default()
        },
        Job::Themes { .. } => Inputs {
            members: true,
            themes: Items::All,
            ..Inputs::default()
        },
        Job::Home { .. } => Inputs {
            listed: Items::All,
            members: true,
            themes: Items::All,
            home: true,
            ..Inputs::default()
        },
        Job::Stories { .. } => Inputs {
            listed: Items::All,
            members: true,
            themes: Items::All,
            ..Inputs::default()
        },
        // A 404 page shows its language's strings and site-wide values only; robots.txt,
        // site.yaml only, which rebuilds everything.
        Job::NotFound { .. } | Job::NotFoundRoot | Job::Robots => Inputs::default(),
        // A language's search page and index: every story's title, summary, statement and
        // transcript (its captions), in the site's order, and which stories it shows.
        Job::Search { .. } => Inputs {
            listed: Items::All,
            searched: Items::All,
            members: true,
            ..Inputs::default()
        },
        // `_headers` gives each story page with a YouTube video its own policy: it depends on
        // every story's video (part of its card) and on the languages it is shown in.
        Job::Headers => Inputs {
            listed: Items::All,
            members: true,
            ..Inputs::default()
        },
        // A language's feed lists the title and summary of every story with a text in it, in
        // the site's order, under the site's title (a value of the language).
        Job::Feed { .. } => Inputs {
            listed: Items::All,
            members: true,
            ..Inputs::default()
        },
        // The open data holds every story's metadata and texts (no body) in the site's order,
        // the languages they are shown in, and the themes' titles.
        Job::Data { .. } => Inputs {
            listed: Items::All,
            members: true,
            themes: Items::All,
            ..Inputs::default()
        },
        // The schema is fixed: only a new build of the program changes it.
        Job::DataSchema => Inputs::default(),
        // Every page in every language it exists in.
        Job::Sitemap => Inputs {
            members: true,
            themes: Items::All,
            pages: Items::All,
            home: true,
            ..Inputs::default()
        },
    }
}

/// The templates each template uses, itself included: those it extends, includes and imports
/// macros from, and theirs in turn.
pub fn template_uses(tera: &tera::Tera) -> BTreeMap<String, BTreeSet<String>> {
    fn direct(template: &tera::Template) -> BTreeSet<String> {
        let mut names: BTreeSet<String> = template.parents.iter().cloned().collect();
        names.extend(template.imported_macro_files.iter().map(|(f, _)| f.clone()));
        let mut includes = Vec::new();
        collect_includes(&template.ast, &mut includes);
        for block in template.blocks.values() {
            collect_includes(&block.body, &mut includes);
        }
        for definitions in template.blocks_definitions.values() {
            for (_, block) in definitions {
                collect_includes(&block.body, &mut includes);
            }
        }
        for macro_ in template.macros.values() {
            collect_includes(&macro_.body, &mut includes);
        }
        names.extend(includes);
        names
    }
    let direct: BTreeMap<String, BTreeSet<String>> = tera
        .templates
        .iter()
        .map(|(name, template)| (name.clone(), direct(template)))
        .collect();
    direct
        .keys()
        .map(|name| {
            let mut seen = BTreeSet::from([name.clone()]);
            let mut todo = vec![name.clone()];
            while let Some(next) = todo.pop() {
                for used in direct.get(&next).into_iter().flatten() {
                    if seen.insert(used.clone()) {
                        todo.push(used.clone());
                    }
                }
            }
            (name.clone(), seen)
        })
        .collect()
}

fn collect_includes(nodes: &[tera::ast::Node], found: &mut Vec<String>) {
    use tera::ast::Node;
    for node in nodes {
        match node {
            Node::Include(_, names, _) => found.extend(names.iter().cloned()),
            Node::Block(_, block, _) => collect_includes(&block.body, found),
            Node::Forloop(_, forloop, _) => {
                collect_includes(&forloop.body, found);
                collect_includes(forloop.empty_body.as_deref().unwrap_or_default(), found);
            }
            Node::If(if_, _) => {
                for (_, _, body) in &if_.conditions {
                    collect_includes(body, found);
                }
                if let Some((_, body)) = &if_.otherwise {
                    collect_includes(body, found);
                }
            }
            Node::FilterSection(_, section, _) => collect_includes(&section.body, found),
            Node::MacroDefinition(_, definition, _) => collect_includes(&definition.body, found),
            _ => {}
        }
    }
}

/// The keys of the items that differ between `old` and `new` (changed, added or removed).
fn differing<T: PartialEq>(old: &[T], new: &[T], key: impl Fn(&T) -> &str) -> BTreeSet<String> {
    differing_by(old, new, key, |a, b| a == b)
}

/// [`differing`], with `same` telling whether two items with the same key are equal.
fn differing_by<T>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> &str,
    same: impl Fn(&T, &T) -> bool,
) -> BTreeSet<String> {
    let old: BTreeMap<&str, &T> = old.iter().map(|t| (key(t), t)).collect();
    let new: BTreeMap<&str, &T> = new.iter().map(|t| (key(t), t)).collect();
    let mut keys: BTreeSet<String> = BTreeSet::new();
    for (k, item) in &new {
        if !old.get(k).is_some_and(|was| same(was, item)) {
            keys.insert(k.to_string());
        }
    }
    keys.extend(
        old.keys()
            .filter(|k| !new.contains_key(*k))
            .map(|k| k.to_string()),
    );
    keys
}

/// What stands for a copied file's content: its source, size and modification time.
fn copy_hash(file: &CopiedFile) -> u64 {
    let modified = std::fs::metadata(&file.source)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok());
    let mut hasher = DefaultHasher::new();
    (&file.source, file.len, modified).hash(&mut hasher);
    hasher.finish()
}

fn template_asts(templates: &Templates) -> BTreeMap<String, Vec<tera::ast::Node>> {
    templates
        .tera()
        .templates
        .iter()
        .map(|(name, t)| (name.clone(), t.ast.clone()))
        .collect()
}

fn io_error(what: &str, path: &Path, err: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {what} {}: {err}", path.display())).with_help(
        "check that the preview's folder is writable; serve goes on with the last good build",
    )
}

/// The values every page of each language shows (its site context, as JSON).
fn site_values(renderer: &Renderer, site: &Site) -> BTreeMap<String, String> {
    site.config
        .languages
        .iter()
        .map(|l| (l.code.clone(), renderer.site_values(&l.code)))
        .collect()
}

/// The language whose strings and site-wide values a job shows: the default one for the
/// language chooser and the root's 404 page, none for the sitemap and the hosting files.
fn language_of<'a>(job: &'a Job, site: &'a Site) -> Option<&'a str> {
    match job {
        Job::Root | Job::NotFoundRoot => Some(site.config.default_language().code.as_str()),
        _ => job.lang(),
    }
}

/// The languages whose interface strings changed: a file changed under `locales/<lang>/`. The
/// default language's strings stand in for every missing one, so a change there is a change
/// of every language.
fn changed_languages(pending: &BTreeSet<PathBuf>, root: &Path, site: &Site) -> BTreeSet<String> {
    let locales = root.join("locales");
    let mut languages = BTreeSet::new();
    for path in pending {
        if let Ok(rest) = path.strip_prefix(&locales) {
            match rest.iter().next() {
                Some(lang) if rest.iter().count() > 1 => {
                    languages.insert(lang.to_string_lossy().into_owned());
                }
                // `locales/` itself or a folder of it, made or removed: all of them.
                _ => languages.extend(site.config.languages.iter().map(|l| l.code.clone())),
            }
        }
    }
    if languages.contains(&site.config.default_language().code) {
        languages.extend(site.config.languages.iter().map(|l| l.code.clone()));
    }
    languages
}

/// The stories whose folders hold a changed path: their media is made again even when their
/// text is the same (a poster saved over with another picture).
fn changed_story_folders(pending: &BTreeSet<PathBuf>, root: &Path) -> BTreeSet<String> {
    let stories = root.join(CONTENT_DIR).join("stories");
    pending
        .iter()
        .filter_map(|path| path.strip_prefix(&stories).ok())
        .filter_map(|rest| rest.iter().next())
        .map(|slug| slug.to_string_lossy().into_owned())
        .collect()
}

/// What a job made, before it is compared with the last build.
struct Made {
    job: Job,
    /// Path and checksum of each file.
    hashes: Vec<(String, Checksum)>,
    done: Done,
}

/// Renders `jobs` in parallel; each file, finished (minified), goes to `keep` with its
/// checksum.
fn render_jobs(
    renderer: &Renderer,
    stories: &HashMap<&str, &Story>,
    jobs: &[Job],
    keep: &(dyn Fn(OutputFile, Checksum) -> Result<(), Diagnostic> + Sync),
) -> Result<Vec<Made>, Diagnostics> {
    let minify = renderer.minify_pages();
    let results: Vec<Result<Made, Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let rendered = renderer.render(job)?;
            let mut hashes = Vec::new();
            for file in rendered.files {
                let file = finish(file, minify);
                let digest = Checksum::of(&file.bytes);
                hashes.push((file.path.clone(), digest));
                keep(file, digest)?;
            }
            let done = Done {
                files: hashes.iter().map(|(p, _)| p.clone()).collect(),
                missing: rendered.missing,
                inputs: inputs(job, stories, renderer),
            };
            Ok(Made {
                job: job.clone(),
                hashes,
                done,
            })
        })
        .collect();
    let mut made = Vec::new();
    let mut problems = Diagnostics::new();
    for result in results {
        match result {
            Ok(m) => made.push(m),
            Err(d) => problems.push(d),
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(made)
    }
}

/// Where a build's files go: a staging folder (everything is written), or the served folder
/// itself (only what changed).
enum Target {
    Staging(Staging),
    InPlace(PathBuf),
}

impl Target {
    fn put(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        match self {
            Target::Staging(staging) => staging.put(file).map(|_| ()),
            Target::InPlace(out) => {
                replace(out, &file.path, |tmp| std::fs::write(tmp, &file.bytes))
            }
        }
    }

    fn copy(&self, file: &CopiedFile) -> Result<(), Diagnostic> {
        match self {
            Target::Staging(staging) => staging.copy(file).map(|_| ()),
            Target::InPlace(out) => replace(out, &file.path, |tmp| {
                std::fs::copy(&file.source, tmp).map(|_| ())
            }),
        }
    }
}

/// A file copied from the sources (a video, a file of `static/`): its checksum, and what stands
/// for its source (path, size, time). Unchanged since `last`, it is neither read nor copied;
/// otherwise it is copied into a staging folder now, or, in place, listed in `copies` to be
/// copied once everything is made (and summed now, for the manifest).
fn copy_once(
    last: Option<&Last>,
    target: &Target,
    copied: &CopiedFile,
    copies: &mut Vec<CopiedFile>,
) -> Result<(Checksum, u64), Diagnostic> {
    let source = copy_hash(copied);
    let unchanged = last
        .filter(|l| l.outputs.copied.get(&copied.path) == Some(&source))
        .and_then(|l| l.outputs.files.get(&copied.path));
    let digest = match (unchanged, target) {
        (Some(digest), _) => *digest,
        (None, Target::Staging(staging)) => staging.copy(copied)?,
        (None, Target::InPlace(_)) => {
            copies.push(copied.clone());
            output::manifest::sum_file(&copied.source)
                .map_err(|e| io_error("read", &copied.source, e))?
        }
    };
    Ok((digest, source))
}

/// Writes `rel` inside `out` through a temporary file renamed over it, so that a page being
/// served is never seen half written.
fn replace(
    out: &Path,
    rel: &str,
    write: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    let path = out.join(rel);
    let dir = path.parent().unwrap_or(out);
    std::fs::create_dir_all(dir).map_err(|e| io_error("create", dir, e))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.testimony-tmp"));
    write(&tmp).map_err(|e| io_error("write", &tmp, e))?;
    std::fs::rename(&tmp, &path).map_err(|e| io_error("write", &path, e))
}

/// Removes `rel` from `out`, and the folders it leaves empty.
fn remove(out: &Path, rel: &str) -> Result<(), Diagnostic> {
    let path = out.join(rel);
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error("remove", &path, e)),
    }
    let mut dir = path.parent();
    while let Some(d) = dir.filter(|d| *d != out && d.starts_with(out)) {
        // Fails, and stops, at the first folder that still holds something.
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

impl Preview {
    /// The builds of the site at `root` into `out` (serve's own folder), with `base_url` in
    /// place of site.yaml's if given.
    pub fn new(root: &Path, out: &Path, base_url: Option<String>, drafts: Drafts) -> Self {
        Preview {
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            base_url,
            drafts,
            now: None,
            cache: Cache::keep(),
            content: None,
            last: None,
            pending: BTreeSet::new(),
            pictures: output::images::Memory::default(),
        }
    }

    /// Builds on the date `now` (`--now YYYY-MM-DD`) instead of the one `SOURCE_DATE_EPOCH`
    /// or the clock gives when the first build is made.
    pub fn on_date(mut self, now: Option<String>) -> Self {
        self.now = now;
        self
    }

    /// How many pictures of page text this preview encoded, in all its builds.
    pub fn pictures_encoded(&self) -> usize {
        self.pictures.encoded()
    }

    /// Builds, redoing what `changed` (full paths of source files and folders) touched since
    /// the last good build. On failure, returns every problem and leaves the served folder as
    /// it was.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, Diagnostics> {
        let started = Instant::now();
        self.pending.extend(changed.iter().cloned());
        let mut last = self.last.take();
        if self.pending.contains(&self.root.join(CONFIG_FILE)) {
            // Every page and address may change: build from scratch.
            last = None;
        }
        let result = self.build(&mut last);
        match result {
            Ok((rebuilt, next)) => {
                self.last = Some(next);
                self.pending.clear();
                Ok(Rebuilt {
                    elapsed: started.elapsed(),
                    ..rebuilt
                })
            }
            Err(problems) => {
                self.last = last;
                Err(problems.sorted())
            }
        }
    }

    /// One build: everything into a staging folder without `last`, else what changed since it
    /// in place. `last` is left as it was on failure; the content is brought up to date either
    /// way (reading the same changes again next time gives the same).
    fn build(&mut self, last: &mut Option<Last>) -> Result<(Rebuilt, Last), Diagnostics> {
        let config =
            build::load_config_on(&self.root, self.base_url.as_deref(), self.now.as_deref())?;
        // Every later build of the session is made on the same date.
        self.now = Some(config.today.to_string());
        let templates = Templates::load(&self.root, &config.site_theme, config.minify);
        let locales = Locales::load(&self.root, &config);
        let content_problems = match (last.is_some(), self.content.as_mut()) {
            (true, Some(content)) => {
                let changed: Vec<PathBuf> = self.pending.iter().cloned().collect();
                content.update(&self.root, &config, &changed)
            }
            _ => {
                // From scratch: site.yaml may have changed, and with it what every page was
                // built from.
                self.cache = Cache::keep();
                let (content, problems) = content::load(&self.root, &config);
                self.content = Some(content);
                problems
            }
        };
        let content = self.content.as_ref().expect("read just above");
        let (loaded, warnings) = build::assemble(
            config,
            templates,
            locales,
            (content, content_problems),
            self.drafts,
            &self.cache,
        );
        self.cache.sweep();
        let loaded = loaded.ok_or_else(|| warnings.clone())?;
        let target = match last {
            Some(_) => Target::InPlace(self.out.clone()),
            None => Target::Staging(
                Staging::create(&self.out).map_err(|d| Diagnostics::from_iter([d]))?,
            ),
        };
        let step = self.render(last.as_ref(), &loaded, &target)?;
        let rebuilt = match self.write(last.as_ref(), &step, target) {
            Ok(rebuilt) => rebuilt,
            Err(problems) => {
                // Part of the served folder may be written: what it holds is no longer known,
                // so the next build starts from scratch.
                *last = None;
                return Err(problems);
            }
        };
        let next = Last {
            templates: template_asts(&loaded.templates),
            loaded,
            outputs: step.outputs,
            warnings: warnings.clone(),
        };
        let mut rebuilt = rebuilt;
        rebuilt.warnings = next.warnings();
        rebuilt.pages = next.pages();
        Ok((rebuilt, next))
    }
}

/// What a build made, before it is written.
struct Step {
    outputs: Outputs,
    rendered: Vec<Job>,
    /// Files whose bytes changed, made in memory (in place only: a staging folder is written
    /// as the files are made).
    writes: Vec<OutputFile>,
    copies: Vec<CopiedFile>,
    /// Files of the last build that no job makes any more.
    removes: Vec<String>,
}

impl Preview {
    /// What changed between `last` and `loaded`, by value (see the module's documentation).
    fn changes(
        &self,
        last: &Last,
        loaded: &Loaded,
        site_values: &BTreeMap<String, String>,
    ) -> Changes {
        let (old, new) = (&last.loaded.site, &loaded.site);
        // A story built from unchanged files is the very same one, shared with the cache.
        let mut stories = differing_by(
            &old.stories,
            &new.stories,
            |s| s.slug.as_str(),
            |a, b| Arc::ptr_eq(a, b) || a == b,
        );
        stories.extend(changed_story_folders(&self.pending, &self.root));
        let mut languages = changed_languages(&self.pending, &self.root, new);
        languages.extend(
            site_values
                .iter()
                .filter(|(lang, values)| last.outputs.site_values.get(*lang) != Some(*values))
                .map(|(lang, _)| lang.clone()),
        );
        let now = template_asts(&loaded.templates);
        let mut templates: BTreeSet<String> = now
            .iter()
            .filter(|(name, ast)| last.templates.get(*name) != Some(*ast))
            .map(|(name, _)| name.clone())
            .collect();
        templates.extend(
            last.templates
                .keys()
                .filter(|n| !now.contains_key(*n))
                .cloned(),
        );
        let mut changes = Changes {
            stories,
            themes: differing(&old.themes, &new.themes, |t| t.id.as_str()),
            pages: differing(&old.pages, &new.pages, |p| p.path.as_str()),
            home: old.home != new.home,
            languages,
            templates,
            ..Changes::default()
        };
        changes.classify_stories(old, new);
        changes
    }

    /// Renders what must be, and works out what the output is now.
    fn render(
        &self,
        last: Option<&Last>,
        loaded: &Loaded,
        target: &Target,
    ) -> Result<Step, Diagnostics> {
        let site = &loaded.site;
        let (assets, versions) =
            output::assets(&self.root, &site.config.site_theme, site.config.minify)?;
        let renderer = Renderer::new(site, &loaded.templates, &loaded.locales, &versions);
        let values = site_values(&renderer, site);
        let all = crate::render::jobs(site);
        let uses = template_uses(loaded.templates.tera());
        let stories: HashMap<&str, &Story> = site
            .stories
            .iter()
            .map(|s| (s.slug.as_str(), &**s))
            .collect();
        let (redo, media_of): (Vec<Job>, BTreeSet<String>) = match last {
            None => (
                all.clone(),
                site.stories.iter().map(|s| s.slug.clone()).collect(),
            ),
            Some(last) => {
                let changes = self.changes(last, loaded, &values);
                let redo = all
                    .iter()
                    .filter(|job| {
                        let Some(done) = last.outputs.jobs.get(*job) else {
                            return true;
                        };
                        let lang = language_of(job, site);
                        let none = BTreeSet::new();
                        let templates = job.template().and_then(|t| uses.get(t)).unwrap_or(&none);
                        // The language chooser speaks every language (`t(lang=…)`): the
                        // strings of any language are its inputs.
                        (matches!(job, Job::Root) && !changes.languages.is_empty())
                        // What a job shows of other items changes only with the stories'
                        // membership (related stories, a theme's or a country's stories).
                            || changes.touch(&done.inputs, lang, templates)
                            || (changes.members
                                && changes.touch(
                                    &inputs(job, &stories, &renderer),
                                    lang,
                                    templates,
                                ))
                    })
                    .cloned()
                    .collect();
                (redo, changes.stories)
            }
        };
        let old_files = last.map(|l| &l.outputs.files);
        let is_new =
            |path: &str, digest: Checksum| old_files.is_none_or(|f| f.get(path) != Some(&digest));
        let writes = Mutex::new(Vec::new());
        let keep = |file: OutputFile, digest: Checksum| -> Result<(), Diagnostic> {
            match target {
                Target::Staging(staging) => staging.put(&file).map(|_| ()),
                Target::InPlace(_) => {
                    if is_new(&file.path, digest) {
                        writes.lock().unwrap_or_else(|p| p.into_inner()).push(file);
                    }
                    Ok(())
                }
            }
        };
        let made = render_jobs(&renderer, &stories, &redo, &keep)?;

        let mut files = last.map(|l| l.outputs.files.clone()).unwrap_or_default();
        let redone: BTreeSet<&Job> = redo.iter().collect();
        let current: BTreeSet<&Job> = all.iter().collect();
        let mut jobs = BTreeMap::new();
        for (job, done) in last.map(|l| &l.outputs.jobs).into_iter().flatten() {
            if current.contains(job) && !redone.contains(job) {
                jobs.insert(job.clone(), done.clone());
            } else {
                done.files.iter().for_each(|f| {
                    files.remove(f);
                });
            }
        }
        for m in made {
            files.extend(m.hashes);
            jobs.insert(m.job, m.done);
        }

        // The theme's assets: few and small, so read each time.
        for path in last
            .map(|l| l.outputs.assets.as_slice())
            .unwrap_or_default()
        {
            files.remove(path);
        }
        let mut asset_paths = Vec::new();
        for file in assets {
            let digest = Checksum::of(&file.bytes);
            files.insert(file.path.clone(), digest);
            asset_paths.push(file.path.clone());
            keep(file, digest)?;
        }

        let mut media = last.map(|l| l.outputs.media.clone()).unwrap_or_default();
        let mut copied_sources = last.map(|l| l.outputs.copied.clone()).unwrap_or_default();
        let mut copies = Vec::new();
        let mut problems = Diagnostics::new();
        for slug in &media_of {
            for path in media.remove(slug).map(|m| m.files).unwrap_or_default() {
                files.remove(&path);
                copied_sources.remove(&path);
            }
            let Some(story) = site.stories.iter().find(|s| &s.slug == slug) else {
                continue;
            };
            let found = output::media_of(story);
            let mut paths = Vec::new();
            for file in found.files {
                let digest = Checksum::of(&file.bytes);
                files.insert(file.path.clone(), digest);
                paths.push(file.path.clone());
                keep(file, digest)?;
            }
            if let Some(copied) = found.copied {
                let (digest, source) = copy_once(last, target, &copied, &mut copies)?;
                files.insert(copied.path.clone(), digest);
                copied_sources.insert(copied.path.clone(), source);
                paths.push(copied.path);
            }
            problems.extend(found.problems.iter().cloned());
            let entry = Media {
                files: paths,
                problems: found.problems,
            };
            media.insert(slug.clone(), entry);
        }
        if problems.has_errors() {
            return Err(problems);
        }

        // The pictures of page text: encoded once per name, then kept in memory; a file whose
        // bytes did not change is not written again.
        for path in last
            .map(|l| l.outputs.pictures.as_slice())
            .unwrap_or_default()
        {
            files.remove(path);
        }
        let pictures = self
            .pictures
            .files(&output::images::of_site(site))
            .map_err(Diagnostics::from_iter)?;
        let mut picture_paths = Vec::new();
        for (file, digest) in pictures.iter().flat_map(|p| p.iter()) {
            files.insert(file.path.clone(), *digest);
            picture_paths.push(file.path.clone());
            keep(file.clone(), *digest)?;
        }

        // The site's static/ files: few, so listed each time, and copied again when their
        // size or time changed, as a video is. Checked against everything generated.
        for path in last
            .map(|l| l.outputs.statics.as_slice())
            .unwrap_or_default()
        {
            files.remove(path);
        }
        let statics = output::site_static::files(&self.root)?;
        let generated: BTreeSet<String> = files.keys().cloned().collect();
        let clashes =
            output::site_static::collisions(statics.iter().map(|f| f.path.as_str()), &generated);
        if !clashes.is_empty() {
            return Err(clashes);
        }
        let mut static_paths = Vec::new();
        for copied in statics {
            let (digest, source) = copy_once(last, target, &copied, &mut copies)?;
            files.insert(copied.path.clone(), digest);
            copied_sources.insert(copied.path.clone(), source);
            static_paths.push(copied.path);
        }

        let removes = old_files
            .into_iter()
            .flat_map(|old| old.keys())
            .filter(|path| !files.contains_key(*path))
            .cloned()
            .collect();
        Ok(Step {
            outputs: Outputs {
                site_values: values,
                jobs,
                media,
                files,
                copied: copied_sources,
                assets: asset_paths,
                statics: static_paths,
                pictures: picture_paths,
            },
            rendered: redo,
            writes: writes.into_inner().unwrap_or_else(|p| p.into_inner()),
            copies,
            removes,
        })
    }

    /// Puts what `step` made in place.
    fn write(
        &self,
        last: Option<&Last>,
        step: &Step,
        target: Target,
    ) -> Result<Rebuilt, Diagnostics> {
        let one = |d: Diagnostic| Diagnostics::from_iter([d]);
        let written: Vec<String> = match target {
            Target::Staging(staging) => {
                staging.commit().map_err(one)?;
                step.outputs.files.keys().cloned().collect()
            }
            Target::InPlace(ref out) => {
                step.writes
                    .par_iter()
                    .try_for_each(|file| target.put(file))
                    .map_err(one)?;
                for copied in &step.copies {
                    target.copy(copied).map_err(one)?;
                }
                for path in &step.removes {
                    remove(out, path).map_err(one)?;
                }
                // Written from the checksums kept, the same bytes as a clean build's marker.
                if last.map(|l| &l.outputs.files) != Some(&step.outputs.files) {
                    let text = output::manifest::text(&step.outputs.files);
                    replace(out, MARKER, |tmp| std::fs::write(tmp, text)).map_err(one)?;
                }
                let mut written: Vec<String> = step.writes.iter().map(|f| f.path.clone()).collect();
                written.extend(step.copies.iter().map(|c| c.path.clone()));
                written.sort();
                written
            }
        };
        Ok(Rebuilt {
            full: last.is_none(),
            rendered: step.rendered.clone(),
            written,
            removed: step.removes.clone(),
            warnings: Diagnostics::new(),
            pages: BTreeMap::new(),
            elapsed: Duration::ZERO,
        })
    }
}
