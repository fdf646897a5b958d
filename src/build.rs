//! The whole build, stage after stage: config, content, site, locales, templates, render,
//! output. `check` runs the same stages and stops before writing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::output::CopiedFile;
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
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            out: None,
            base_url: None,
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

/// Stages 1 to 5: reads and validates everything. Returns the loaded site when there are no
/// errors, and every diagnostic (warnings too) either way.
pub fn load(root: &Path, base_url: Option<&str>) -> (Option<Loaded>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let mut config = match Config::load(root) {
        Ok(config) => config,
        Err(found) => return (None, found),
    };
    if let Some(base_url) = base_url {
        config.base_url = if base_url.ends_with('/') {
            base_url.to_string()
        } else {
            format!("{base_url}/")
        };
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
    let (site, found) = site::assemble(config, content);
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

/// Everything a build writes: files made in memory, and files copied as they are.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Sorted by path.
    pub files: Vec<OutputFile>,
    /// Sorted by path.
    pub copies: Vec<CopiedFile>,
}

/// Stages 6 and 7: every output file, minified, in memory; the files to copy, checked.
/// Nothing is written.
pub fn render_all(root: &Path, loaded: &Loaded) -> (Rendered, Diagnostics) {
    let mut problems = Diagnostics::new();
    let site = &loaded.site;
    let (mut files, versions) = match output::assets(root, &site.config.site_theme) {
        Ok(found) => found,
        Err(found) => return (Rendered::default(), found),
    };
    let (pages, found) = render::render(site, &loaded.templates, &loaded.locales, &versions);
    problems.extend(found);
    let mut pages = pages;
    if site.config.minify {
        output::minify(&mut pages);
    }
    files.extend(pages);
    let (media, mut copies, found) = output::story_media(site);
    problems.extend(found);
    files.extend(media);
    // One warning per language, naming every missing key, rather than one per key.
    let mut missing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (lang, key) in loaded.locales.fallbacks() {
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
    files.sort_by(|a, b| a.path.cmp(&b.path));
    copies.sort_by(|a, b| a.path.cmp(&b.path));
    (Rendered { files, copies }, problems)
}

/// Builds the site into the output folder. On failure, the output folder is untouched and
/// every problem found is returned.
pub fn build(options: &BuildOptions) -> Result<(Summary, Diagnostics), Diagnostics> {
    let started = Instant::now();
    let (loaded, mut problems) = load(&options.root, options.base_url.as_deref());
    let Some(loaded) = loaded else {
        return Err(problems.sorted());
    };
    let (rendered, found) = render_all(&options.root, &loaded);
    let Rendered { files, copies } = rendered;
    problems.extend(found);
    if problems.has_errors() {
        return Err(problems.sorted());
    }
    if let Err(err) = output::write(&options.out_dir(), &files, &copies) {
        problems.push(err);
        return Err(problems.sorted());
    }
    let mut pages: BTreeMap<&str, usize> = BTreeMap::new();
    for file in &files {
        if file.path.ends_with(".html")
            && let Some((lang, _)) = file.path.split_once('/')
        {
            *pages.entry(lang).or_default() += 1;
        }
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
                    pages.get(l.code.as_str()).copied().unwrap_or(0),
                )
            })
            .collect(),
        files: files.len() + copies.len(),
        bytes: files.iter().map(|f| f.bytes.len() as u64).sum::<u64>()
            + copies.iter().map(|c| c.len).sum::<u64>(),
        elapsed: started.elapsed(),
    };
    Ok((summary, problems.sorted()))
}
