//! Internal links (`@/about.md`): which page a link names, and its address in a language.
//! And the links editors write by hand to the site's own addresses (`/en/stories/x/`,
//! `../x/`): resolved against the page's own address, checked against the pages the site has
//! (a missing one is an error at the link, with the closest page as a suggestion), and
//! written from the site's root with its sub-path (`/testimony/en/stories/x/`), so that they
//! work under a sub-path, and `build --relative` makes them relative like every other link.
//!
//! A hand-written link to a file rather than a page (a name with an extension, such as
//! `/docs/report.pdf` from the site's `static/` folder) is given the sub-path but not checked:
//! the files of `static/` are only known when they are written, after assembly.

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
    /// The only languages of the stories whose consent names them: a link never leads to a
    /// language a story is not built in.
    pub only_in: &'a HashMap<Kind, BTreeSet<String>>,
    /// Every address of the site's pages and generated files, from its root without the
    /// sub-path (`en/stories/x/`, `en/feed.xml`), for hand-written links to be checked against.
    pub addresses: &'a BTreeSet<String>,
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
    /// Whether a translation with this status is part of the site (a withdrawn one never).
    pub fn keeps(&self, status: Status) -> bool {
        match status {
            Status::Published => true,
            Status::Draft => self.drafts == Drafts::Shown,
            Status::Withdrawn => false,
        }
    }
}

impl Resolver<'_> {
    /// A link as written: `@/...` by its content file, anything else as an address of the
    /// site, from the page at `page` (its address from the root, `en/stories/x/`).
    fn link(&self, written: &str, lang: &str, page: &str) -> markdown::Resolved {
        match written.strip_prefix("@/") {
            Some(target) => self.resolve(target, lang).ok_or(None),
            None => self.address(written, page),
        }
    }

    /// A hand-written address of the site (`/en/about/`, `../x/#part`) from the page at `page`,
    /// as it is written in the output, or the closest address that exists if it leads nowhere.
    fn address(&self, written: &str, page: &str) -> markdown::Resolved {
        let end = written.find(['?', '#']).unwrap_or(written.len());
        let (path, suffix) = written.split_at(end);
        let joined = match path.strip_prefix('/') {
            Some(from_root) => from_root.to_string(),
            None => format!("{page}{path}"),
        };
        let Some(path) = normalized(&joined) else {
            return Err(None);
        };
        let found = if self.addresses.contains(&path) {
            Some(path.clone())
        } else if let Some(folder) = path.strip_suffix("index.html")
            && (folder.is_empty() || folder.ends_with('/'))
            && self.addresses.contains(folder)
        {
            Some(path.clone())
        } else if !path.is_empty() && self.addresses.contains(&format!("{path}/")) {
            // `/en/about` is the page `/en/about/`: a host would redirect, a folder would not.
            Some(format!("{path}/"))
        } else if is_file_name(path.rsplit('/').next().unwrap_or("")) {
            Some(path.clone())
        } else {
            None
        };
        match found {
            Some(path) => Ok(format!("{}{path}{suffix}", self.urls.root())),
            None => Err(closest(self.addresses, &path).map(|a| format!("/{a}"))),
        }
    }

    fn resolve(&self, target: &str, lang: &str) -> Option<String> {
        let kind = self.targets.get(target)?;
        // Under `skip`, a page missing in this language is linked in the default language.
        let available = self
            .languages_of
            .get(kind)
            .is_some_and(|l| l.contains(lang));
        let only = self.only_in.get(kind);
        let allowed = |l: &str| only.is_none_or(|o| o.contains(l));
        let default = self.config.default_language().code.as_str();
        let lang = if allowed(lang)
            && (available || self.config.missing_translation == MissingTranslation::Fallback)
        {
            lang
        } else if allowed(default) {
            default
        } else {
            // A story consented in other languages only: its first one.
            only.and_then(|o| o.iter().next())?.as_str()
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
        let page = Urls::output_path(lang, route_of(&file.kind));
        let page = page.strip_suffix("index.html").unwrap_or(&page);
        let resolve = |target: &str| self.link(target, lang, page);
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

/// A path from the site's root with its `.` and `..` segments taken out, or `None` if it
/// climbs above the root. A path ending in `/` (or `.`, `..`) names a folder and keeps its `/`.
fn normalized(path: &str) -> Option<String> {
    let mut segments: Vec<&str> = Vec::new();
    let mut folder = path.is_empty() || path.ends_with('/');
    for segment in path.split('/') {
        folder = false;
        match segment {
            "" | "." => folder = true,
            ".." => {
                segments.pop()?;
                folder = true;
            }
            segment => segments.push(segment),
        }
    }
    let mut joined = segments.join("/");
    if folder && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// Whether the last segment of a path names a file (`report.pdf`) rather than a page.
fn is_file_name(segment: &str) -> bool {
    segment
        .rsplit_once('.')
        .is_some_and(|(name, ext)| !name.is_empty() && !ext.is_empty() && ext != "html")
}

/// The address of the site closest to `wanted`, if one is close enough to be a likely typo.
fn closest<'a>(addresses: &'a BTreeSet<String>, wanted: &str) -> Option<&'a String> {
    addresses
        .iter()
        .map(|a| (strsim::levenshtein(a, wanted), a))
        .filter(|(distance, a)| *distance <= 3.max(a.len() / 4))
        .min()
        .map(|(_, a)| a)
}

/// Every address a hand-written link may lead to, from the site's root without its sub-path:
/// each page in each language it is built in, the generated lists and files.
pub(super) fn site_addresses(
    config: &Config,
    languages_of: &HashMap<Kind, BTreeSet<String>>,
    only_in: &HashMap<Kind, BTreeSet<String>>,
    origins: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut addresses = BTreeSet::new();
    addresses.insert(String::new());
    for file in [Urls::SITEMAP_PATH, Urls::DATA_SCHEMA_PATH] {
        addresses.insert(file.to_string());
    }
    addresses.insert(Urls::data_path(None));
    addresses.insert(Urls::not_found_path(None));
    let folder = |lang: &str, route: Route| {
        let path = Urls::output_path(lang, route);
        path.strip_suffix("index.html").unwrap_or(&path).to_string()
    };
    for language in &config.languages {
        let lang = language.code.as_str();
        for route in [
            Route::Home,
            Route::Stories,
            Route::Themes,
            Route::Statements,
        ] {
            addresses.insert(folder(lang, route));
        }
        if cfg!(feature = "search") {
            addresses.insert(folder(lang, Route::Search));
        }
        for origin in origins {
            addresses.insert(folder(lang, Route::StoriesFrom(origin)));
        }
        addresses.insert(Urls::feed_path(lang));
        addresses.insert(Urls::data_path(Some(lang)));
        addresses.insert(Urls::not_found_path(Some(lang)));
        for (kind, langs) in languages_of {
            // A story is never built outside the languages of its narrator's consent.
            let consented = only_in.get(kind).is_none_or(|only| only.contains(lang));
            let shown =
                langs.contains(lang) || config.missing_translation == MissingTranslation::Fallback;
            if consented && shown {
                addresses.insert(folder(lang, route_of(kind)));
            }
        }
    }
    addresses
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
