//! Internal links (`@/about.md`): which page a link names, and its address in a language.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use crate::config::{Config, MissingTranslation};
use crate::content::{Kind, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::model::Status;
use crate::urls::{Route, Urls};

use super::Drafts;
use super::cache::{Cache, Markdown};

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
    /// The default language's formatter, made once: it tells which country codes exist.
    pub formatter: crate::i18n::Formatter,
    /// Whether draft translations are kept (and links to drafts resolve).
    pub drafts: Drafts,
    /// What the last assembly parsed (serve), or nothing (build).
    pub cache: &'a Cache,
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

    pub fn render(
        &self,
        file: &SourceFile,
        body: Range<usize>,
        problems: &mut Vec<Diagnostic>,
    ) -> String {
        let lang = file.lang.as_str();
        let resolve = |target: &str| self.resolve(target, lang);
        let made = self
            .cache
            .markdown(&file.source, &body, lang, &resolve, || {
                // The links looked up, so that the cache knows when the HTML is out of date.
                let links = std::cell::RefCell::new(Vec::new());
                let recording = |target: &str| {
                    let address = resolve(target);
                    links
                        .borrow_mut()
                        .push((target.to_string(), address.clone()));
                    address
                };
                let (html, found) = markdown::render(&file.source, body.clone(), &recording);
                Markdown {
                    html,
                    found,
                    links: links.into_inner(),
                }
            });
        problems.extend(made.found);
        made.html
    }
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
