//! The whole build, stage after stage: config, content, site, locales, templates, render,
//! output. `check` runs the same stages and stops before writing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Locales;

use rayon::prelude::*;

use crate::content::{self, Content};
use crate::output;
use crate::output::Staging;
use crate::output::sink::{Finish, Sink};
use crate::render::{self, Templates};
use crate::site::{self, Site};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder (holding `site.yaml`).
    pub root: PathBuf,
    /// The output folder; `<root>/public` by default.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` from `site.yaml`; validated the same way.
    pub base_url: Option<String>,
    /// Replace the output folder even if it holds files that no build wrote (never the site's
    /// folder, a folder holding it, or its sources: see [`output::prepare`]).
    pub force: bool,
    /// Build the pages, themes, stories and translations marked `status: draft` too, each
    /// with a banner saying it is not published. Only `serve --drafts` sets it: `build` has no
    /// such flag, so drafts never reach a published folder.
    pub drafts: bool,
    /// The build date as `--now` gives it (`YYYY-MM-DD`); else `SOURCE_DATE_EPOCH`, else today
    /// (see [`crate::date`]).
    pub now: Option<String>,
    /// `build --relative`: every link between the site's files is relative to the file it is
    /// in and names a file (`../x/index.html`), so that the copy works opened from a folder
    /// (`file://`) and under any sub-path. See [`output::relative`].
    pub relative: bool,
}

impl BuildOptions {
    /// The options that change what a build writes, with the build date `config` was read
    /// on, for [`output::unchanged::Inputs`].
    fn describe(&self, config: &crate::config::Config) -> String {
        format!(
            "base_url={:?} drafts={} relative={} today={}",
            self.base_url, self.drafts, self.relative, config.today
        )
    }

    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            base_url: None,
            force: false,
            drafts: false,
            now: None,
            relative: false,
        }
    }

    pub fn out_dir(&self) -> PathBuf {
        self.out.clone().unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct Summary {
    /// HTML pages written per language, in the site's language order.
    pub pages_per_language: Vec<(String, usize)>,
    pub files: usize,
    pub bytes: u64,
    /// Pictures of page text encoded by this build.
    pub pictures_encoded: usize,
    /// Pictures of page text whose files were taken unchanged from the last build's output.
    pub pictures_kept: usize,
    pub elapsed: Duration,
    /// Set when nothing had changed since the last build, which left the output as it was:
    /// how many warnings that build gave.
    pub unchanged_warnings: Option<usize>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pages: Vec<String> = self
            .pages_per_language
            .iter()
            .map(|(lang, n)| format!("{lang} {n}"))
            .collect();
        let total: usize = self.pages_per_language.iter().map(|(_, n)| n).sum();
        if let Some(warnings) = self.unchanged_warnings {
            write!(
                f,
                "nothing changed since the last build: its {total} pages ({}), {} files, {:.1} MB are up to date ({:.2} s)",
                pages.join(", "),
                self.files,
                self.bytes as f64 / 1_000_000.0,
                self.elapsed.as_secs_f64()
            )?;
            if warnings > 0 {
                write!(
                    f,
                    "; that build gave {warnings} warning(s): `testimony check` shows them"
                )?;
            }
            return Ok(());
        }
        write!(
            f,
            "built {total} pages ({}), {} files, {:.1} MB in {:.2} s",
            pages.join(", "),
            self.files,
            self.bytes as f64 / 1_000_000.0,
            self.elapsed.as_secs_f64()
        )?;
        if self.pictures_encoded + self.pictures_kept > 0 {
            write!(
                f,
                "; pictures: {} encoded, {} unchanged",
                self.pictures_encoded, self.pictures_kept
            )?;
        }
        Ok(())
    }
}

/// The site loaded and checked, with everything needed to render it.
pub struct Loaded {
    pub site: Site,
    pub locales: Arc<Locales>,
    pub templates: Templates,
}

/// Stages 1 to 5: reads and validates everything, drafts left out. Returns the loaded site
/// when there are no errors, and every diagnostic (warnings too) either way.
pub fn load(root: &Path, base_url: Option<&str>) -> (Option<Loaded>, Diagnostics) {
    load_with(root, base_url, site::Drafts::Withheld)
}

/// [`load`], with drafts left out or kept as `drafts` says.
pub fn load_with(
    root: &Path,
    base_url: Option<&str>,
    drafts: site::Drafts,
) -> (Option<Loaded>, Diagnostics) {
    load_on(root, base_url, drafts, None)
}

/// [`load_with`] on the build date `now` (`--now`), if given.
pub fn load_on(
    root: &Path,
    base_url: Option<&str>,
    drafts: site::Drafts,
    now: Option<&str>,
) -> (Option<Loaded>, Diagnostics) {
    let config = match load_config_on(root, base_url, now) {
        Ok(config) => config,
        Err(problems) => return (None, problems),
    };
    let templates = Templates::load(root, &config.site_theme, config.minify);
    let locales = Locales::load(root, &config);
    let (content, content_problems) = content::load(root, &config);
    assemble(
        config,
        templates,
        locales,
        (&content, content_problems),
        drafts,
        &site::Cache::none(),
    )
}

/// Stage 1: `site.yaml`, with `--base-url` in place of its `base_url` if given.
pub fn load_config(root: &Path, base_url: Option<&str>) -> Result<Config, Diagnostics> {
    load_config_on(root, base_url, None)
}

/// [`load_config`], with the build date `--now` gave, if any, in place of the one
/// `SOURCE_DATE_EPOCH` or the clock gives: the one place the build date is decided.
pub fn load_config_on(
    root: &Path,
    base_url: Option<&str>,
    now: Option<&str>,
) -> Result<Config, Diagnostics> {
    let mut problems = Diagnostics::new();
    // `--base-url` passes the same check as `base_url` in site.yaml: every page, the sitemap
    // and the feeds are built from it.
    let base_url = base_url.and_then(|given| match config::parse_base_url(given) {
        Ok(base_url) => Some(base_url),
        Err(err) => {
            problems.push(
                Diagnostic::error(format!(
                    "`--base-url` `{}` {err}",
                    given.trim().escape_debug()
                ))
                .with_help(format!(
                    "{}; or leave out --base-url to use base_url from site.yaml",
                    config::BASE_URL_HELP
                )),
            );
            None
        }
    });
    let mut config = match Config::load(root) {
        Ok(config) => config,
        Err(found) => {
            problems.extend(found);
            return Err(problems);
        }
    };
    if problems.has_errors() {
        return Err(problems);
    }
    if let Some(base_url) = base_url {
        config.base_url = base_url;
    }
    if let Some(now) = now {
        match crate::date::build_date(Some(now)) {
            Ok(today) => config.today = today,
            Err(err) => {
                problems.push(Diagnostic::error(err.to_string()));
                return Err(problems);
            }
        }
    }
    Ok(config)
}

/// Stages 2 to 5 put together: the templates, strings and content as loaded (each with its
/// problems) become the checked site. `cache` keeps what assembly parsed, for the next time.
pub fn assemble(
    config: Config,
    templates: Result<Templates, Diagnostics>,
    (locales, locale_problems): (Locales, Vec<Diagnostic>),
    (content, content_problems): (&Content, Diagnostics),
    drafts: site::Drafts,
    cache: &site::Cache,
) -> (Option<Loaded>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let templates = match templates {
        Ok(templates) => Some(templates),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    problems.extend(locale_problems);
    problems.extend(content_problems);
    let (site, found) = site::assemble_cached(config, content, drafts, cache);
    problems.extend(localise(found, &locales, content));
    if let Some(site) = &site {
        problems.extend(translation_coverage(site));
        problems.extend(purpose_coverage(&site.config));
    }
    match (site, templates) {
        (Some(site), Some(templates)) if !problems.has_errors() => (
            Some(Loaded {
                site,
                locales: Arc::new(locales),
                templates,
            }),
            problems,
        ),
        _ => (None, problems),
    }
}

/// Warnings for the languages that the purpose statement (`purpose:` in site.yaml) has no
/// text of its own in, at `purpose:`: their pages show the default language's text, or none
/// with `missing_translation: skip`.
fn purpose_coverage(config: &Config) -> Vec<Diagnostic> {
    let Some(purpose) = &config.purpose else {
        return Vec::new();
    };
    let default = &config.default_language().code;
    let missing = config
        .languages
        .iter()
        .filter(|l| !purpose.texts.contains_key(&l.code));
    missing
        .map(|language| {
            let shown = match config.missing_translation {
                config::MissingTranslation::Fallback => {
                    format!("its pages show the `{default}` text")
                }
                config::MissingTranslation::Skip => "its pages show none".to_string(),
            };
            Diagnostic::warning(format!(
                "the purpose statement has no text in `{}`: {shown}",
                language.code
            ))
            .with_help(format!(
                "add `{}: ...` under `purpose:`, translated from the `{default}` text",
                language.code
            ))
            .at_location(purpose.at.clone())
        })
        .collect()
}

/// Words each diagnostic that has a message key ([`Diagnostic::message_key`]) in the language
/// of the page it is about, from the site's interface strings (`<key>` and `<key>-help`),
/// falling back as every interface string does (to the default language, then the English
/// the diagnostic was made with): an editor of the Arabic text is told in Arabic.
pub fn localise(found: Diagnostics, locales: &Locales, content: &Content) -> Diagnostics {
    let lang_of: BTreeMap<&Path, &str> = content
        .files
        .iter()
        .map(|f| (f.source.path.as_path(), f.lang.as_str()))
        .collect();
    found
        .into_iter()
        .map(|mut problem| {
            let (Some(key), Some(lang)) = (
                problem.message_key,
                problem
                    .location
                    .as_ref()
                    .and_then(|at| lang_of.get(at.path.as_path())),
            ) else {
                return problem;
            };
            let key = key.key();
            if let Some(message) = locales.format(lang, key, &[]) {
                problem.message = message.text;
            }
            if let Some(help) = locales.format(lang, &format!("{key}-help"), &[]) {
                problem.help = Some(help.text);
            }
            problem
        })
        .collect()
}

/// Warnings for stories whose captions exist in fewer languages than their text.
fn translation_coverage(site: &Site) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for story in &site.stories {
        for language in &site.config.languages {
            if story.texts.has(&language.code) && story.captions_in(&language.code).is_none() {
                found.push(
                    Diagnostic::warning(format!(
                        "the story's text exists in `{}` but its captions do not",
                        language.code
                    ))
                    .with_help(format!(
                        "add captions.{}.vtt beside index.md and list it under `captions:`",
                        language.code
                    ))
                    .in_file(story.texts.source_path.clone()),
                );
            }
        }
    }
    found
}

pub use crate::output::sink::Produced;

/// Stages 6 and 7: renders every page and hands it, minified, to `sink` as soon as it is made
/// (so that a large site is never all in memory), with the theme's assets, the story media and
/// the site's own `static/` files (unless one takes the place of a generated file).
/// `build` gives a staging folder, `check` a sink that keeps nothing.
pub fn render_all(root: &Path, loaded: &Loaded, sink: &dyn Sink) -> (Produced, Diagnostics) {
    let (produced, problems, _) = render_reusing(
        root,
        loaded,
        sink,
        &output::images::Previous::default(),
        false,
    );
    (produced, problems)
}

/// [`render_all`], taking the files of unchanged pictures from `previous` (the last build's
/// output) rather than encoding them again, and with the links of pages and style sheets made
/// relative when `relative` is set (`build --relative`). Also returns what the pictures made.
pub fn render_reusing(
    root: &Path,
    loaded: &Loaded,
    sink: &dyn Sink,
    previous: &output::images::Previous,
    relative: bool,
) -> (Produced, Diagnostics, output::images::Made) {
    let mut problems = Diagnostics::new();
    let site = &loaded.site;
    let (assets, versions) = match output::assets(root, &site.config.site_theme, site.config.minify)
    {
        Ok(found) => found,
        Err(found) => return (Produced::default(), found, Default::default()),
    };
    // Every path written is kept, for the files of the site's static/ folder to be checked
    // against: one of them taking the place of a generated file is an error.
    let recording = Recording {
        sink,
        paths: Mutex::default(),
    };
    let relative = relative.then(|| output::relative::Relative::new(site.urls.root()));
    let finish =
        Finish::new(&recording, render::minify_pages(site, &loaded.templates)).relative(relative);
    problems.extend(assets.into_iter().filter_map(|file| finish.put(file).err()));
    let (found, fell_back) = render::render(
        site,
        &loaded.templates,
        &loaded.locales,
        &versions,
        &|file| finish.put(file),
    );
    problems.extend(found);
    let (media, copies, found) = output::story_media(site);
    problems.extend(found);
    problems.extend(
        media
            .into_par_iter()
            .filter_map(|file| finish.put(file).err())
            .collect::<Vec<_>>(),
    );
    problems.extend(
        copies
            .par_iter()
            .filter_map(|file| finish.copy(file).err())
            .collect::<Vec<_>>(),
    );
    let mut pictures = output::images::files(site, previous);
    problems.extend(std::mem::take(&mut pictures.problems));
    problems.extend(
        std::mem::take(&mut pictures.encoded)
            .into_par_iter()
            .filter_map(|file| finish.put(file).err())
            .collect::<Vec<_>>(),
    );
    problems.extend(
        std::mem::take(&mut pictures.kept)
            .par_iter()
            .filter_map(|file| finish.copy(file).err())
            .collect::<Vec<_>>(),
    );
    match output::site_static::files(root) {
        Ok(statics) => {
            let generated = recording.paths.lock().unwrap_or_else(|p| p.into_inner());
            let clashes = output::site_static::collisions(
                statics.iter().map(|f| f.path.as_str()),
                &generated,
            );
            drop(generated);
            if clashes.is_empty() {
                problems.extend(statics.iter().filter_map(|file| finish.copy(file).err()));
            }
            problems.extend(clashes);
        }
        Err(found) => problems.extend(found),
    }
    let produced = finish.done();
    problems.extend(missing_strings(site, &loaded.locales, fell_back));
    (produced, problems, pictures)
}

/// A sink that keeps the path of every file it passes on.
struct Recording<'a> {
    sink: &'a dyn Sink,
    paths: Mutex<BTreeSet<String>>,
}

impl Recording<'_> {
    fn record(&self, path: &str) {
        let mut paths = self.paths.lock().unwrap_or_else(|p| p.into_inner());
        paths.insert(path.to_string());
    }
}

impl Sink for Recording<'_> {
    fn put(&self, file: &crate::render::OutputFile) -> Result<(), Diagnostic> {
        self.record(&file.path);
        self.sink.put(file)
    }

    fn copy(&self, file: &output::CopiedFile) -> Result<(), Diagnostic> {
        self.record(&file.path);
        self.sink.copy(file)
    }
}

/// One warning per language, naming every interface string that fell back to the default
/// language while rendering, rather than one per string.
pub fn missing_strings(
    site: &Site,
    locales: &Locales,
    fallbacks: impl IntoIterator<Item = (String, String)>,
) -> Vec<Diagnostic> {
    let mut missing: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (lang, key) in fallbacks {
        missing.entry(lang).or_default().insert(key);
    }
    missing
        .into_iter()
        // A language with no strings at all was reported once already, by `Locales::load`.
        .filter(|(lang, _)| !locales.messages(lang).is_empty())
        .map(|(lang, keys)| {
            let keys: Vec<String> = keys.into_iter().collect();
            Diagnostic::warning(format!(
                "{} interface string(s) missing in `{lang}`, shown in `{}` instead: {}",
                keys.len(),
                site.config.default_language().code,
                keys.join(", ")
            ))
            .with_help(format!(
                "translate them into a file in locales/{lang}/; `testimony i18n status` lists each with where it is defined"
            ))
        })
        .collect()
}

/// Builds the site into the output folder. On failure, the output folder is untouched and
/// every problem found is returned; that includes an output folder that
/// [`output::prepare`] refuses (the site's folder, a source, someone else's files).
pub fn build(options: &BuildOptions) -> Result<(Summary, Diagnostics), Diagnostics> {
    let started = Instant::now();
    // Whether the output folder may be replaced is decided first, by reading only; a refusal
    // is reported with every problem of the sources, and nothing is written.
    let out = output::prepare(&options.root, &options.out_dir(), options.force);
    // Nothing changed since the build that made the output: it is left as it is.
    let inputs = out.as_ref().ok().and_then(|out| {
        let config = load_config_on(
            &options.root,
            options.base_url.as_deref(),
            options.now.as_deref(),
        )
        .ok()?;
        let inputs = output::unchanged::Inputs::of(&options.root, &options.describe(&config))?;
        let order: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
        Some((out.clone(), inputs, order))
    });
    if let Some((out, inputs, order)) = &inputs
        && let Some(unchanged) = output::unchanged::up_to_date(out, inputs)
    {
        let summary = Summary {
            pages_per_language: order
                .iter()
                .map(|code| {
                    (
                        code.clone(),
                        unchanged.pages.get(code).copied().unwrap_or(0),
                    )
                })
                .collect(),
            files: unchanged.files,
            bytes: unchanged.bytes,
            pictures_encoded: 0,
            pictures_kept: 0,
            elapsed: started.elapsed(),
            unchanged_warnings: Some(unchanged.warnings),
        };
        return Ok((summary, Diagnostics::new()));
    }
    let drafts = if options.drafts {
        site::Drafts::Shown
    } else {
        site::Drafts::Withheld
    };
    let (loaded, mut problems) = load_on(
        &options.root,
        options.base_url.as_deref(),
        drafts,
        options.now.as_deref(),
    );
    let out = match out {
        Ok(out) => Some(out),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    let (Some(loaded), Some(out)) = (loaded, out) else {
        return Err(problems.sorted());
    };
    let staging = match Staging::create(&out) {
        Ok(staging) => staging,
        Err(err) => {
            problems.push(err);
            return Err(problems.sorted());
        }
    };
    // On an error below, `staging` is dropped, which removes it: the output stays as it was.
    let previous = output::images::Previous::read(&out);
    let (produced, found, pictures) = render_reusing(
        &options.root,
        &loaded,
        &staging,
        &previous,
        options.relative,
    );
    problems.extend(found);
    if problems.has_errors() {
        return Err(problems.sorted());
    }
    if let Err(err) = staging.commit() {
        problems.push(err);
        return Err(problems.sorted());
    }
    if let Some((_, inputs, _)) = &inputs {
        output::unchanged::record(&out, inputs, problems.warning_count());
    }
    let summary = Summary {
        pages_per_language: loaded
            .site
            .config
            .languages
            .iter()
            .map(|l| {
                (
                    l.code.clone(),
                    produced.pages.get(&l.code).copied().unwrap_or(0),
                )
            })
            .collect(),
        files: produced.files,
        bytes: produced.bytes,
        pictures_encoded: pictures.encoded_count,
        pictures_kept: pictures.kept_count,
        elapsed: started.elapsed(),
        unchanged_warnings: None,
    };
    Ok((summary, problems.sorted()))
}
