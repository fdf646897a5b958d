//! `testimony i18n status` and `testimony i18n stamp`: the translators' daily tools.
//!
//! Status compares every language with the default language: interface strings translated,
//! missing and extra (with the file and line to edit), and pages translated, missing and stale
//! (their source changed since they were translated). It also lists, for every language, the
//! messages that cannot be shown as written (a variable the pages never pass, a message or term
//! that does not exist: [`Locales::check`]), with the file, line and column to fix: these fail
//! the build, but a translator still gets the whole report. Stamp records in a translation the
//! fingerprint of the source it matches, after translating.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::build;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, Location, display_path};
use crate::i18n::{Locales, Mistake, Review, TemplateCalls};
use crate::site::{Site, Texts};

/// An interface string, where it is defined.
#[derive(Debug, Clone, Serialize)]
pub struct MessageRef {
    pub key: String,
    pub location: String,
}

/// A message that cannot be shown as written ([`Locales::check`]).
#[derive(Debug, Clone, Serialize)]
pub struct BrokenMessage {
    /// The message (or `-term`) holding the mistake.
    pub key: String,
    /// Where the faulty reference is, e.g. `locales/fr/main.ftl:12:20`.
    pub location: String,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub help: Option<String>,
}

impl BrokenMessage {
    fn of(mistake: &Mistake) -> BrokenMessage {
        let diagnostic = &mistake.diagnostic;
        BrokenMessage {
            key: mistake.key.clone(),
            location: diagnostic
                .location
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            message: diagnostic.message.clone(),
            help: diagnostic.help.clone(),
        }
    }
}

/// A page's translation into one language.
#[derive(Debug, Clone, Serialize)]
pub struct PageRef {
    /// The source, e.g. `content/about.md`.
    pub source: String,
    /// The translation's file (existing or to create), e.g. `content/about.fr.md`.
    pub translation: String,
}

/// One language's state.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageReport {
    pub code: String,
    pub name: String,
    pub is_default: bool,
    /// Whether a native speaker reviewed the interface strings (`## Status:` in the header
    /// of the language's .ftl files); anything but `reviewed` is a draft.
    pub review: Review,
    /// `review` is not `reviewed`: the strings are a draft, not to be taken for reviewed.
    pub draft: bool,
    pub messages_total: usize,
    pub messages_translated: usize,
    pub missing_messages: Vec<MessageRef>,
    pub extra_messages: Vec<MessageRef>,
    /// Messages of this language that cannot be shown as written: the build fails until they
    /// are fixed. Sorted by location.
    pub broken_messages: Vec<BrokenMessage>,
    pub pages_total: usize,
    pub pages_translated: usize,
    pub missing_pages: Vec<PageRef>,
    pub stale_pages: Vec<PageRef>,
    /// Translations without `source_hash`: their freshness is unknown until stamped.
    pub unstamped_pages: Vec<PageRef>,
    /// Stories whose text exists in this language but whose captions do not.
    pub missing_captions: Vec<String>,
}

/// The translators' report for the whole site.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub languages: Vec<LanguageReport>,
    /// Languages with interface strings under locales/ that site.yaml does not publish yet.
    pub unpublished: Vec<String>,
}

impl Report {
    /// Nothing missing, stale or broken in any language.
    pub fn is_complete(&self) -> bool {
        self.languages.iter().all(|l| {
            l.broken_messages.is_empty()
                && l.missing_messages.is_empty()
                && l.missing_pages.is_empty()
                && l.stale_pages.is_empty()
                && l.missing_captions.is_empty()
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }

    /// A report a translator reads top to bottom: a summary line per language, then what to
    /// do, with the files to open.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<8} {:<16} {:>14} {:>14} {:>6}  review",
            "language", "", "interface", "pages", "stale"
        );
        for l in &self.languages {
            let _ = writeln!(
                out,
                "{:<8} {:<16} {:>14} {:>14} {:>6}  {}{}",
                l.code,
                l.name,
                format!("{}/{}", l.messages_translated, l.messages_total),
                format!("{}/{}", l.pages_translated, l.pages_total),
                l.stale_pages.len(),
                review_label(l.review),
                if l.is_default { "  (default)" } else { "" }
            );
        }
        for l in &self.languages {
            // The default language is what the others are compared with: only its broken
            // messages are something to do.
            let todo = !l.is_default
                && (!l.missing_messages.is_empty()
                    || !l.extra_messages.is_empty()
                    || !l.missing_pages.is_empty()
                    || !l.stale_pages.is_empty()
                    || !l.unstamped_pages.is_empty()
                    || !l.missing_captions.is_empty());
            if !todo && l.broken_messages.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{} ({})", l.name, l.code);
            if !l.broken_messages.is_empty() {
                let _ = writeln!(
                    out,
                    "  interface strings that cannot be shown as written; the build fails until they are fixed ({}):",
                    l.broken_messages.len()
                );
                for m in &l.broken_messages {
                    let _ = writeln!(out, "    {}: {}", m.location, m.message);
                    if let Some(help) = &m.help {
                        let _ = writeln!(out, "      help: {help}");
                    }
                }
            }
            if !todo {
                continue;
            }
            if !l.missing_messages.is_empty() {
                let _ = writeln!(
                    out,
                    "  interface strings to translate into locales/{}/ ({}):",
                    l.code,
                    l.missing_messages.len()
                );
                for m in &l.missing_messages {
                    let _ = writeln!(out, "    {:<32} defined at {}", m.key, m.location);
                }
            }
            if !l.extra_messages.is_empty() {
                let _ = writeln!(
                    out,
                    "  interface strings not in the default language (remove or rename) ({}):",
                    l.extra_messages.len()
                );
                for m in &l.extra_messages {
                    let _ = writeln!(out, "    {:<32} at {}", m.key, m.location);
                }
            }
            if !l.missing_pages.is_empty() {
                let _ = writeln!(out, "  pages to translate ({}):", l.missing_pages.len());
                for p in &l.missing_pages {
                    let _ = writeln!(out, "    create {}  (from {})", p.translation, p.source);
                }
            }
            if !l.stale_pages.is_empty() {
                let _ = writeln!(
                    out,
                    "  translations whose source changed since ({}):",
                    l.stale_pages.len()
                );
                for p in &l.stale_pages {
                    let _ = writeln!(
                        out,
                        "    update {}  (source {}), then: testimony i18n stamp {}",
                        p.translation, p.source, p.translation
                    );
                }
            }
            if !l.unstamped_pages.is_empty() {
                let _ = writeln!(
                    out,
                    "  translations without source_hash ({}): check them, then run testimony i18n stamp FILE",
                    l.unstamped_pages.len()
                );
                for p in &l.unstamped_pages {
                    let _ = writeln!(out, "    {}", p.translation);
                }
            }
            if !l.missing_captions.is_empty() {
                let _ = writeln!(
                    out,
                    "  stories without captions in this language ({}):",
                    l.missing_captions.len()
                );
                for s in &l.missing_captions {
                    let _ = writeln!(out, "    {s}");
                }
            }
        }
        let drafts: Vec<&str> = self
            .languages
            .iter()
            .filter(|l| l.draft)
            .map(|l| l.code.as_str())
            .collect();
        if !drafts.is_empty() {
            let _ = writeln!(
                out,
                "\nDRAFT interface strings, not reviewed by a native speaker: {}.\nA reviewer who has checked every file of locales/<code>/ writes `## Status: reviewed` in each file's header.",
                drafts.join(", ")
            );
        }
        if !self.unpublished.is_empty() {
            let _ = writeln!(
                out,
                "\nInterface strings ready for languages the site does not publish yet: {}.\nTo publish one, add it to `languages` in site.yaml.",
                self.unpublished.join(", ")
            );
        }
        if self.is_complete() {
            out.push_str("\nEverything is translated and up to date.\n");
        }
        out
    }
}

/// The review column of the summary: a draft is spelt out, so that no one mistakes it for a
/// reviewed translation.
fn review_label(review: Review) -> &'static str {
    match review {
        Review::Reviewed => "reviewed",
        Review::Draft => "DRAFT: not reviewed by a native speaker",
        Review::Unknown => "DRAFT: no review status (## Status: line) in its .ftl files",
    }
}

/// One translatable item, whatever its kind.
struct Item<'a> {
    source: &'a Path,
    hash: &'a str,
    /// language -> (translation path, stale, source_hash)
    translations: BTreeMap<&'a str, (&'a Path, bool, Option<&'a str>)>,
    caption_langs: Option<BTreeSet<&'a str>>,
}

fn item<T>(texts: &Texts<T>) -> Item<'_> {
    Item {
        source: &texts.source_path,
        hash: &texts.hash,
        translations: texts
            .translations
            .iter()
            .map(|(lang, t)| {
                (
                    lang.as_str(),
                    (t.path.as_path(), t.stale, t.source_hash.as_deref()),
                )
            })
            .collect(),
        caption_langs: None,
    }
}

fn items(site: &Site) -> Vec<Item<'_>> {
    let mut all: Vec<Item> = Vec::new();
    all.extend(site.home.iter().map(item));
    all.extend(site.pages.iter().map(|p| item(&p.texts)));
    all.extend(site.themes.iter().map(|t| item(&t.texts)));
    all.extend(site.stories.iter().map(|s| Item {
        caption_langs: Some(s.captions.iter().map(|c| c.lang.as_str()).collect()),
        ..item(&s.texts)
    }));
    all
}

/// The file a translation into `lang` of `source` has: `about.md` -> `about.fr.md`.
pub fn translation_path(source: &Path, lang: &str) -> PathBuf {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    source.with_file_name(format!("{stem}.{lang}.md"))
}

/// Builds the report. The site must load without errors, except for the broken messages that
/// the report lists ([`Locales::check`]); the templates are only read for the variables they
/// pass, so a mistake in one does not stop the report.
pub fn status(root: &Path) -> Result<Report, Diagnostics> {
    // The stages of `build::load` that the report needs (config, locales, content, site),
    // with the locales' check kept apart: its mistakes are part of the report, not a reason
    // to give none.
    let config = Config::load(root)?;
    let (locales, found) = Locales::read(root, &config);
    let mut problems: Diagnostics = found.into_iter().collect();
    let mistakes = locales.check(TemplateCalls::read(root, &config.site_theme).as_ref());
    let (content, found) = crate::content::load(root, &config);
    problems.extend(found);
    let (site, found) = crate::site::assemble(config, content);
    problems.extend(found);
    match site {
        Some(site) if !problems.has_errors() => Ok(report(&site, &locales, &mistakes)),
        _ => Err(problems.sorted()),
    }
}

/// The report for a loaded site and the mistakes in its messages: pure, for tests.
pub fn report(site: &Site, locales: &Locales, mistakes: &[Mistake]) -> Report {
    let default = &site.config.default_language().code;
    let default_messages: BTreeMap<String, Location> =
        locales.messages(default).into_iter().collect();
    let all = items(site);
    let languages = site
        .config
        .languages
        .iter()
        .map(|language| {
            let code = language.code.as_str();
            let messages: BTreeMap<String, Location> = locales.messages(code).into_iter().collect();
            let missing_messages = default_messages
                .iter()
                .filter(|(key, _)| !messages.contains_key(*key))
                .map(|(key, location)| MessageRef {
                    key: key.clone(),
                    location: location.to_string(),
                })
                .collect();
            let extra_messages = messages
                .iter()
                .filter(|(key, _)| !default_messages.contains_key(*key))
                .map(|(key, location)| MessageRef {
                    key: key.clone(),
                    location: location.to_string(),
                })
                .collect();
            let is_default = code == default.as_str();
            let mut report = LanguageReport {
                code: code.to_string(),
                name: language.name.clone(),
                is_default,
                review: locales.review(code),
                draft: locales.review(code).is_draft(),
                messages_total: default_messages.len(),
                messages_translated: default_messages
                    .keys()
                    .filter(|k| messages.contains_key(*k))
                    .count(),
                missing_messages,
                extra_messages,
                broken_messages: mistakes
                    .iter()
                    .filter(|m| m.lang == code)
                    .map(BrokenMessage::of)
                    .collect(),
                pages_total: all.len(),
                pages_translated: 0,
                missing_pages: Vec::new(),
                stale_pages: Vec::new(),
                unstamped_pages: Vec::new(),
                missing_captions: Vec::new(),
            };
            for item in &all {
                let page_ref = |translation: &Path| PageRef {
                    source: display_path(item.source),
                    translation: display_path(translation),
                };
                let has_text = if is_default {
                    true
                } else {
                    match item.translations.get(code) {
                        Some((path, stale, hash)) => {
                            if *stale {
                                report.stale_pages.push(page_ref(path));
                            } else if hash.is_none() {
                                report.unstamped_pages.push(page_ref(path));
                            }
                            true
                        }
                        None => {
                            report
                                .missing_pages
                                .push(page_ref(&translation_path(item.source, code)));
                            false
                        }
                    }
                };
                if has_text {
                    report.pages_translated += 1;
                    if let Some(captions) = &item.caption_langs
                        && !captions.contains(code)
                    {
                        report.missing_captions.push(display_path(item.source));
                    }
                }
            }
            report
        })
        .collect();
    Report {
        languages,
        unpublished: locales.unpublished().to_vec(),
    }
}

/// Writes the current `source_hash` into each translation file. Returns a line per file.
pub fn stamp(root: &Path, files: &[PathBuf]) -> Result<Vec<String>, Diagnostics> {
    let (loaded, problems) = build::load(root, None);
    let Some(loaded) = loaded else {
        return Err(problems.sorted());
    };
    let all = items(&loaded.site);
    let mut lines = Vec::new();
    let mut failures = Diagnostics::new();
    for file in files {
        let rel = file.strip_prefix(root).unwrap_or(file);
        let found = all.iter().find_map(|item| {
            item.translations
                .values()
                .find(|(path, _, _)| *path == rel)
                .map(|(_, _, recorded)| (item.hash, *recorded))
        });
        let Some((hash, recorded)) = found else {
            failures.push(
                Diagnostic::error("this file is not a translation of the site")
                    .with_help("name a translation file such as content/about.fr.md (a draft is not stamped)")
                    .in_file(rel),
            );
            continue;
        };
        if recorded == Some(hash) {
            lines.push(format!(
                "{}: already up to date ({hash})",
                display_path(rel)
            ));
            continue;
        }
        let path = root.join(rel);
        let result = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                write_hash(&text, hash).ok_or_else(|| "the front matter is not closed".to_string())
            })
            .and_then(|text| std::fs::write(&path, text).map_err(|e| e.to_string()));
        match result {
            Ok(()) => lines.push(format!("{}: source_hash {hash}", display_path(rel))),
            Err(err) => failures
                .push(Diagnostic::error(format!("cannot stamp the file: {err}")).in_file(rel)),
        }
    }
    if failures.has_errors() {
        Err(failures)
    } else {
        Ok(lines)
    }
}

/// Replaces or adds the `source_hash:` line of a file's front matter.
fn write_hash(text: &str, hash: &str) -> Option<String> {
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let close = lines.iter().skip(1).position(|l| l.trim_end() == "---")? + 1;
    let new_line = format!("source_hash: {hash}{newline}");
    match lines[..close]
        .iter()
        .position(|l| l.starts_with("source_hash:"))
    {
        Some(i) => lines[i] = &new_line,
        None => lines.insert(close, &new_line),
    }
    Some(lines.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_or_replaces_the_hash() {
        assert_eq!(
            write_hash("---\ntitle: A\n---\nBody\n", "abc").unwrap(),
            "---\ntitle: A\nsource_hash: abc\n---\nBody\n"
        );
        assert_eq!(
            write_hash("---\r\nsource_hash: old\r\ntitle: A\r\n---\r\n", "new").unwrap(),
            "---\r\nsource_hash: new\r\ntitle: A\r\n---\r\n"
        );
        assert_eq!(
            translation_path(Path::new("content/about.md"), "fr"),
            PathBuf::from("content/about.fr.md")
        );
    }
}
