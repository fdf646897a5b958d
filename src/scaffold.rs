//! `testimony new story|theme|page NAME`: creates the files of a new item from a template
//! that passes validation once its placeholders are filled in.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// What `testimony new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NewKind {
    Story,
    Theme,
    Page,
}

/// Creates the files and returns their paths; never overwrites an existing file.
pub fn create(root: &Path, kind: NewKind, name: &str) -> Result<Vec<PathBuf>, Diagnostics> {
    let fail = |d: Diagnostic| Diagnostics::from_iter([d]);
    let config = Config::load(root)?;
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !name.starts_with('-');
    if !valid {
        return Err(fail(Diagnostic::error(format!("`{name}` cannot be used in an address")).with_help(
            "use lowercase letters a-z, digits and `-`, e.g. `the-long-way-home`; never a real name",
        )));
    }
    let themes: Vec<String> = std::fs::read_dir(root.join("content/themes"))
        .map(|entries| {
            let mut ids: Vec<String> = entries
                .filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".md"))
                        .map(str::to_string)
                })
                .filter(|n| !n.contains('.'))
                .collect();
            ids.sort();
            ids
        })
        .unwrap_or_default();
    let lang = &config.default_language().code;
    let (path, text) = match kind {
        NewKind::Story => (
            root.join("content/stories").join(name).join("index.md"),
            format!(
                "---\n# A new story. Fill in every field; docs/content-format.md explains each one.\ntitle: Title of the testimony\npseudonym: Narrator\nsummary: One paragraph about the testimony.\nexample: false\norigin: SY\njoined: 2014\nleft: 2015\ninterviewed: 2016-01-31\nthemes: [{first}]\nvideo:\n  file: video.webm\n  poster: poster.jpg\n  duration: \"00:10:00\"\ncaptions: {{ {lang}: captions.{lang}.vtt }}\nsegments:\n  - {{ at: \"00:00:00\", title: Beginning, themes: [{first}] }}\nstatement: What the narrator says to those who might join.\nwarnings: []\nstatus: draft   # change to published when the story is ready\n# What the narrator agreed to: required to publish (docs/content-format.md).\nconsent:\n  languages: [{lang}]   # the languages the story may be published in\n  platforms:\n    - {{ name: website }}\n  given: {today}   # when consent was given\n  review: {review}  # when to ask again\nprivate:\n  # For editors only: never published.\n  notes: \"\"\n---\nThe editors' introduction to the testimony.\n",
                first = themes.first().map_or("motivations", String::as_str),
                today = config.today,
                // A year from now, on the first of the month (every month has one).
                review = format_args!("{:04}-{:02}-01", config.today.year + 1, config.today.month),
            ),
        ),
        NewKind::Theme => (
            root.join("content/themes").join(format!("{name}.md")),
            format!(
                "---\ntitle: Title of the theme\nsummary: One or two sentences shown in lists.\norder: {}\nstatus: draft   # change to published when ready\n---\nWhat testimonies under this theme speak about.\n",
                themes.len() + 1
            ),
        ),
        NewKind::Page => (
            root.join("content").join(format!("{name}.md")),
            "---\ntitle: Title of the page\nstatus: draft   # change to published when ready\n---\nThe text of the page, in Markdown.\n".to_string(),
        ),
    };
    if path.exists() {
        return Err(fail(
            Diagnostic::error(format!("{} already exists", path.display()))
                .with_help("choose another name, or edit the existing file"),
        ));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            fail(Diagnostic::error(format!(
                "cannot create {}: {e}",
                dir.display()
            )))
        })?;
    }
    std::fs::write(&path, text).map_err(|e| {
        fail(Diagnostic::error(format!(
            "cannot write {}: {e}",
            path.display()
        )))
    })?;
    let mut created = vec![path.clone()];
    if kind == NewKind::Story {
        let captions = path.with_file_name(format!("captions.{lang}.vtt"));
        std::fs::write(
            &captions,
            "WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nFirst caption.\n",
        )
        .map_err(|e| {
            fail(Diagnostic::error(format!(
                "cannot write {}: {e}",
                captions.display()
            )))
        })?;
        created.push(captions);
    }
    Ok(created)
}
