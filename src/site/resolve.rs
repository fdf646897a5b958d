//! Internal links (`@/about.md`): which page a link names, and its address in a language.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::Path;

use crate::config::{Config, MissingTranslation};
use crate::content::{Kind, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::model::Status;
use crate::output::images;
use crate::urls::{Route, Urls};

use super::cache::{Cache, Markdown};
use super::{BodyImage, Drafts};

/// The name an internal link uses for a file: its path under `content/`.
pub(super) fn content_link(path: &std::path::Path) -> String {
    let text = crate::diagnostic::display_path(path);
    text.strip_prefix("content/").unwrap_or(&text).to_string()
}

/// Resolves `@/...` links for a page in a language.
pub(super) struct Resolver<'a> {
    pub urls: &'a Urls,
    pub config: &'a Config,
    pub targets: &'a HashMap<String, Kind>,
    pub languages_of: &'a HashMap<Kind, BTreeSet<String>>,
    /// The default language's formatter, made once: it tells which country codes exist.
    pub formatter: crate::i18n::Formatter,
    /// Whether draft translations are kept (and links to drafts resolve).
    pub drafts: Drafts,
    /// What the last assembly parsed (serve), or nothing (build).
    pub cache: &'a Cache,
    /// Every picture under `content/`, by its path from the site's root.
    pub pictures: &'a std::collections::BTreeMap<std::path::PathBuf, crate::content::Picture>,
}

impl Resolver<'_> {
    /// Whether a translation with this status is part of the site.
    pub fn keeps(&self, status: Status) -> bool {
        status != Status::Draft || self.drafts == Drafts::Shown
    }
}

impl Resolver<'_> {
    fn resolve(&self, target: &str, lang: &str) -> Option<String> {
        let kind = self.targets.get(target)?;
        // Under `skip`, a page missing in this language is linked in the default language.
        let available = self
            .languages_of
            .get(kind)
            .is_some_and(|l| l.contains(lang));
        let lang = if available || self.config.missing_translation == MissingTranslation::Fallback {
            lang
        } else {
            self.config.default_language().code.as_str()
        };
        Some(self.urls.page(lang, route_of(kind)))
    }

    /// The picture that page text in `file` names by `path` (from the file's folder), or why
    /// there is none to show. A page's pictures are beside it; a story's pictures are in its
    /// folder, and only its own pages (the story in every language) show them.
    fn picture(&self, file: &SourceFile, path: &str) -> Result<BodyImage, Diagnostic> {
        let folder = file.source.path.parent().unwrap_or(Path::new(""));
        let rel = folder.join(path);
        let shown = crate::diagnostic::display_path(&rel);
        let stories = Path::new(crate::content::CONTENT_DIR).join("stories");
        if rel.starts_with(&stories) && !folder.starts_with(&stories) {
            return Err(Diagnostic::error(format!(
                "`{shown}` is a story's picture, shown only on that story's pages"
            ))
            .with_help("save a copy of the picture beside this page and write its file name"));
        }
        let Some(picture) = self.pictures.get(&rel) else {
            let lower = path.to_ascii_lowercase();
            if ![".jpg", ".jpeg", ".png"].iter().any(|e| lower.ends_with(e)) {
                return Err(Diagnostic::error(format!(
                    "`{path}` is not a picture that can be shown: only JPEG and PNG pictures can"
                ))
                .with_help(
                    "save the picture as .jpg (photographs) or .png (drawings, screenshots)",
                ));
            }
            return Err(Diagnostic::error(format!("there is no picture `{shown}`"))
                .with_help(format!(
                    "save the picture as {shown}, beside {}; the name must match exactly, capitals included",
                    file.source
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                )));
        };
        let Some(size) = picture.size else {
            return Err(Diagnostic::error(format!(
                "`{shown}` cannot be read as a JPEG or PNG picture"
            ))
            .with_help("open it in a picture editor and save it again as JPEG or PNG"));
        };
        Ok(BodyImage {
            name: images::name(&picture.sha256),
            rel,
            source: picture.path.clone(),
            size,
            widths: images::widths(size.0),
        })
    }

    /// What the `<img>` of `image` says: its addresses, made here like every address.
    fn markup(&self, image: &BodyImage) -> markdown::Picture {
        let address = |width: u32| self.urls.file(&images::output_path(&image.name, width));
        let largest = image.widths.last().copied().unwrap_or(image.size.0);
        markdown::Picture {
            src: address(largest),
            srcset: image
                .widths
                .iter()
                .map(|&w| format!("{} {w}w", address(w)))
                .collect::<Vec<_>>()
                .join(", "),
            sizes: images::SIZES.to_string(),
            width: largest,
            height: images::height_at(image.size, largest),
        }
    }

    /// The HTML of a body, and the pictures it shows.
    pub fn render(
        &self,
        file: &SourceFile,
        body: Range<usize>,
        problems: &mut Vec<Diagnostic>,
    ) -> (String, Vec<BodyImage>) {
        let lang = file.lang.as_str();
        let resolve = |target: &str| self.resolve(target, lang);
        let picture = |path: &str| self.picture(file, path);
        let lookup = |path: &str| picture(path).map_err(|d| described(&d));
        let made = self
            .cache
            .markdown(&file.source, &body, lang, &resolve, &lookup, || {
                // The links and pictures looked up, so that the cache knows when the HTML is
                // out of date.
                let links = std::cell::RefCell::new(Vec::new());
                let images = std::cell::RefCell::new(Vec::new());
                let recording = |target: &str| {
                    let address = resolve(target);
                    links
                        .borrow_mut()
                        .push((target.to_string(), address.clone()));
                    address
                };
                let finding = |path: &str| {
                    let found = picture(path);
                    images
                        .borrow_mut()
                        .push((path.to_string(), found.as_ref().cloned().map_err(described)));
                    found.map(|image| self.markup(&image))
                };
                let (html, found) = markdown::render_with_pictures(
                    &file.source,
                    body.clone(),
                    &recording,
                    &finding,
                );
                Markdown {
                    html,
                    found,
                    links: links.into_inner(),
                    images: images.into_inner(),
                }
            });
        problems.extend(made.found);
        let shown = made
            .images
            .into_iter()
            .filter_map(|(_, found)| found.ok())
            .collect();
        (made.html, shown)
    }
}

/// A problem's words, to tell whether a picture is still missing for the same reason.
fn described(problem: &Diagnostic) -> String {
    format!(
        "{} {}",
        problem.message,
        problem.help.as_deref().unwrap_or("")
    )
}

/// The route of a kind of page.
pub fn route_of(kind: &Kind) -> Route<'_> {
    match kind {
        Kind::Home => Route::Home,
        Kind::Page { path } => Route::Page(path),
        Kind::Theme { id } => Route::Theme(id),
        Kind::Story { slug } => Route::Story(slug),
    }
}
