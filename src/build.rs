//! The whole build, stage after stage: config, content, site, locales, templates, render,
//! output. `check` runs the same stages and stops before writing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::{self, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::output::{Minified, Staging};
use crate::render::{self, OutputFile, Templates};
use crate::site::{self, Site};
use crate::{content, output};

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
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            base_url: None,
            force: false,
            drafts: false,
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
    pub elapsed: Duration,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pages: Vec<String> = self
            .pages_per_language
            .iter()
            .map(|(lang, n)| format!("{lang} {n}"))
            .collect();
        let total: usize = self.pages_per_language.iter().map(|(_, n)| n).sum();
        write!(
            f,
            "built {total} pages ({}), {} files, {:.1} MB in {:.2} s",
            pages.join(", "),
            self.files,
            self.bytes as f64 / 1_000_000.0,
            self.elapsed.as_secs_f64()
        )
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
            return (None, problems);
        }
    };
    if problems.has_errors() {
        return (None, problems);
    }
    if let Some(base_url) = base_url {
        config.base_url = base_url;
    }
    let templates = match Templates::load(root, &config.site_theme) {
        Ok(templates) => Some(templates),
        Err(found) => {
            problems.extend(found);
            None
        }
    };
    let (locales, found) = Locales::load(root, &config);
    problems.extend(found);
    let (content, found) = content::load(root, &config);
    problems.extend(found);
    let (site, found) = site::assemble_with(config, content, drafts);
    problems.extend(found);
    if let Some(site) = &site {
        problems.extend(translation_coverage(site));
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

/// What the rendering stages produced, counted as the files went by.
#[derive(Debug, Default)]
pub struct Produced {
    /// HTML pages per language code.
    pub pages: BTreeMap<String, usize>,
    pub files: usize,
    pub bytes: u64,
}

/// A page the one-pass minifier refused: its path, then what it says.
type Refused = (String, String);

/// Counts files from many threads.
#[derive(Default)]
struct Tally {
    produced: Mutex<Produced>,
    /// Pages the one-pass minifier refused: how many, and the first in path order.
    refused: Mutex<(usize, Option<Refused>)>,
}

impl Tally {
    fn add(&self, path: &str, len: u64) {
        let mut produced = self.produced.lock().unwrap_or_else(|p| p.into_inner());
        produced.files += 1;
        produced.bytes += len;
        if path.ends_with(".html")
            && let Some((lang, _)) = path.split_once('/')
        {
            *produced.pages.entry(lang.to_string()).or_default() += 1;
        }
    }
}

/// Stages 6 and 7: renders every page, minifies it and hands it to `staging` (written as
/// soon as it is made, so that a large site is never all in memory), and copies the story
/// media. Without `staging` (`check`), the files are made and counted but not written.
pub fn render_all(
    root: &Path,
    loaded: &Loaded,
    staging: Option<&Staging>,
) -> (Produced, Diagnostics) {
    let mut problems = Diagnostics::new();
    let site = &loaded.site;
    let (assets, versions) = match output::assets(root, &site.config.site_theme) {
        Ok(found) => found,
        Err(found) => return (Produced::default(), found),
    };
    let tally = Tally::default();
    let minify = site.config.minify;
    let emit = |mut file: OutputFile| -> Result<(), Diagnostic> {
        if minify && file.path.ends_with(".html") {
            let (bytes, how) = output::minify_page(std::mem::take(&mut file.bytes));
            file.bytes = bytes;
            if let Minified::Full {
                reason,
                line,
                column,
            } = how
            {
                let mut refused = tally.refused.lock().unwrap_or_else(|p| p.into_inner());
                refused.0 += 1;
                if refused
                    .1
                    .as_ref()
                    .is_none_or(|(first, _)| file.path < *first)
                {
                    let what = format!("line {line}, column {column}: {reason}");
                    refused.1 = Some((file.path.clone(), what));
                }
            }
        }
        tally.add(&file.path, file.bytes.len() as u64);
        staging.map_or(Ok(()), |staging| staging.put(&file))
    };
    problems.extend(assets.into_iter().filter_map(|file| emit(file).err()));
    let (found, fell_back) =
        render::render(site, &loaded.templates, &loaded.locales, &versions, &emit);
    problems.extend(found);
    let (media, copies, found) = output::story_media(site);
    problems.extend(found);
    problems.extend(
        media
            .into_par_iter()
            .filter_map(|file| emit(file).err())
            .collect::<Vec<_>>(),
    );
    let copied: Vec<Diagnostic> = copies
        .par_iter()
        .filter_map(|file| {
            tally.add(&file.path, file.len);
            staging.and_then(|staging| staging.copy(file).err())
        })
        .collect();
    problems.extend(copied);
    let (refused, first) = tally
        .refused
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    if let Some((path, what)) = first {
        problems.push(
            Diagnostic::warning(format!(
                "{refused} page(s) are not well-formed HTML, so they were minified the slow way; the first is {path}, at {what}"
            ))
            .with_help(format!(
                "look in themes/{}/templates/ for a tag closed twice, never closed or closed in the wrong order; with `minify: false` in site.yaml the page is written as the templates made it, and the line and column are in that",
                site.config.site_theme
            )),
        );
    }
    // One warning per language, naming every missing key, rather than one per key.
    let mut missing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (lang, key) in fell_back {
        missing.entry(lang).or_default().push(key);
    }
    for (lang, keys) in missing {
        // A language with no strings at all was reported once already, by `Locales::load`.
        if loaded.locales.messages(&lang).is_empty() {
            continue;
        }
        problems.push(
            Diagnostic::warning(format!(
                "{} interface string(s) missing in `{lang}`, shown in `{}` instead: {}",
                keys.len(),
                site.config.default_language().code,
                keys.join(", ")
            ))
            .with_help(format!(
                "translate them into a file in locales/{lang}/; `testimony i18n status` lists each with where it is defined"
            )),
        );
    }
    let produced = tally
        .produced
        .into_inner()
        .unwrap_or_else(|p| p.into_inner());
    (produced, problems)
}

/// Builds the site into the output folder. On failure, the output folder is untouched and
/// every problem found is returned; that includes an output folder that
/// [`output::prepare`] refuses (the site's folder, a source, someone else's files).
pub fn build(options: &BuildOptions) -> Result<(Summary, Diagnostics), Diagnostics> {
    let started = Instant::now();
    // Whether the output folder may be replaced is decided first, by reading only; a refusal
    // is reported with every problem of the sources, and nothing is written.
    let out = output::prepare(&options.root, &options.out_dir(), options.force);
    let drafts = if options.drafts {
        site::Drafts::Shown
    } else {
        site::Drafts::Withheld
    };
    let (loaded, mut problems) = load_with(&options.root, options.base_url.as_deref(), drafts);
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
    let (produced, found) = render_all(&options.root, &loaded, Some(&staging));
    problems.extend(found);
    if problems.has_errors() {
        return Err(problems.sorted());
    }
    if let Err(err) = staging.commit() {
        problems.push(err);
        return Err(problems.sorted());
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
        elapsed: started.elapsed(),
    };
    Ok((summary, problems.sorted()))
}
