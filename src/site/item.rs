//! Building one page of the site from its parsed source and translations: a plain page or the
//! home page, a theme, or a story (see [`story`](super::story)).

use std::sync::Arc;

use crate::content::Kind;
use crate::diagnostic::Diagnostic;
use crate::model::*;

use super::doc::Doc;
use super::parse::{Meta, Parsed};
use super::story::{Shared, StoryContext, build_story};
use super::texts::{add_translation, fingerprint, new_texts};
use super::{Page, PageText, Story, Texts, Theme, ThemeText};

/// One built page of the site, before drafts are left out.
#[derive(Clone)]
pub(super) enum Item {
    Home(Texts<PageText>),
    Page(Page),
    Theme(Theme),
    Story(std::sync::Arc<Story>),
}

impl Item {
    /// Marks the item as a draft (or not), as its source says.
    pub fn mark_draft(&mut self, draft: bool) {
        match self {
            Item::Home(texts) => texts.draft = draft,
            Item::Page(page) => page.texts.draft = draft,
            Item::Theme(theme) => theme.texts.draft = draft,
            Item::Story(story) => std::sync::Arc::make_mut(story).texts.draft = draft,
        }
    }
}

/// Builds the page of `kind`; `None` when its front matter is not of that kind.
pub(super) fn build_item(
    shared: &Shared,
    kind: &Kind,
    source: Parsed,
    translations: Vec<Parsed>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Item> {
    match (kind, Arc::unwrap_or_clone(source.meta)) {
        (Kind::Home | Kind::Page { .. }, Meta::Page(meta)) => {
            let parsed = (source.file, source.body);
            let texts = page_texts(shared, parsed, meta, translations, problems);
            Some(match kind {
                Kind::Page { path } => Item::Page(Page {
                    path: path.clone(),
                    texts,
                }),
                _ => Item::Home(texts),
            })
        }
        (Kind::Theme { id }, Meta::Theme(meta)) => {
            let order = meta.order;
            let parsed = (source.file, source.body);
            let texts = theme_texts(shared, parsed, meta, translations, problems);
            Some(Item::Theme(Theme {
                id: id.clone(),
                order,
                texts,
            }))
        }
        (Kind::Story { slug }, Meta::Story(meta)) => {
            let folder = shared.folders.of(slug);
            let doc = Doc {
                file: &source.file,
                fields: &source.fields,
            };
            let cx = StoryContext {
                slug,
                doc: &doc,
                body: source.body,
                folder: &folder,
                shared,
            };
            let story = build_story(&cx, *meta, translations, problems);
            Some(Item::Story(std::sync::Arc::new(story)))
        }
        _ => None,
    }
}

/// A source file and the byte range of its Markdown body.
type Source = (crate::content::SourceFile, std::ops::Range<usize>);

/// The texts of a plain page or the home page, with its translations.
fn page_texts(
    shared: &Shared,
    (file, body): Source,
    meta: PageMeta,
    translations: Vec<Parsed>,
    problems: &mut Vec<Diagnostic>,
) -> Texts<PageText> {
    let resolver = shared.resolver;
    let (body_html, body_images) = resolver.render(&file, body.clone(), problems);
    let text = PageText {
        body_html,
        body_images,
        title: meta.title,
        description: meta.description,
    };
    let hash = fingerprint(
        [
            text.title.as_str(),
            text.description.as_deref().unwrap_or(""),
        ]
        .into_iter()
        .chain([&file.source.text[body]]),
    );
    let mut texts = new_texts(&file, text, hash);
    for t in translations {
        if let Meta::PageTranslation(meta) = Arc::unwrap_or_clone(t.meta) {
            let (body_html, body_images) = resolver.render(&t.file, t.body, problems);
            let text = PageText {
                body_html,
                body_images,
                title: meta.title,
                description: meta.description,
            };
            if resolver.keeps(meta.status) {
                add_translation(&mut texts, &t.file, text, meta.source_hash, meta.status);
            }
        }
    }
    texts
}

/// The texts of a theme, with its translations.
fn theme_texts(
    shared: &Shared,
    (file, body): Source,
    meta: ThemeMeta,
    translations: Vec<Parsed>,
    problems: &mut Vec<Diagnostic>,
) -> Texts<ThemeText> {
    let resolver = shared.resolver;
    let hash = fingerprint([
        meta.title.as_str(),
        meta.summary.as_str(),
        &file.source.text[body.clone()],
    ]);
    let (body_html, body_images) = resolver.render(&file, body, problems);
    let text = ThemeText {
        body_html,
        body_images,
        title: meta.title,
        summary: meta.summary,
    };
    let mut texts = new_texts(&file, text, hash);
    for t in translations {
        if let Meta::ThemeTranslation(meta) = Arc::unwrap_or_clone(t.meta) {
            let (body_html, body_images) = resolver.render(&t.file, t.body, problems);
            let text = ThemeText {
                body_html,
                body_images,
                title: meta.title,
                summary: meta.summary,
            };
            if resolver.keeps(meta.status) {
                add_translation(&mut texts, &t.file, text, meta.source_hash, meta.status);
            }
        }
    }
    texts
}
